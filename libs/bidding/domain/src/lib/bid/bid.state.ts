import type { Consortium, ProposedSubcontractor, QualityAnswer } from './bid.commands';
import type { BidEvent } from './bid.events';

/**
 * `submitted` (sealed, amendable) -> `withdrawn` before the deadline, or -> `opened` at it ->
 * `compliant` or `non_compliant` (with a reason) when the commissioner checks it -> `shortlisted` ->
 * `successful` or `unsuccessful` when the lot is awarded.
 */
export type BidStatus = 'submitted' | 'withdrawn' | 'opened' | 'compliant' | 'non_compliant' | 'shortlisted' | 'successful' | 'unsuccessful';

export interface BidAttachment {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly addedAt: string;
}

export interface NoBid {
  readonly status: 'none';
}

export interface SubmittedBid {
  readonly status: BidStatus;
  readonly bidId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly organisationId: string;
  readonly commissionerOrganisationId: string;
  readonly submissionDeadline: string;
  readonly answerableCriterionIds: readonly string[];
  readonly pricePence: number;
  readonly qualityAnswers: readonly QualityAnswer[];
  readonly socialValueCommitments: string;
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
  readonly attachments: readonly BidAttachment[];
  readonly submittedAt: string;
  readonly amendedAt: string | null;
}

export type BidState = NoBid | SubmittedBid;

export const initialBidState = (): BidState => ({ status: 'none' });

const submitted = (state: BidState, eventType: string): SubmittedBid => {
  if (state.status === 'none') throw new Error(`${eventType} applied to a bid that was never submitted`);
  return state;
};

export const evolveBid = (state: BidState, event: BidEvent): BidState => {
  switch (event.type) {
    case 'BidSubmitted': {
      const { data } = event;
      return {
        status: 'submitted',
        bidId: data.bidId,
        tenderId: data.tenderId,
        lotId: data.lotId,
        organisationId: data.organisationId,
        commissionerOrganisationId: data.commissionerOrganisationId,
        submissionDeadline: data.submissionDeadline,
        answerableCriterionIds: data.answerableCriterionIds,
        pricePence: data.pricePence,
        qualityAnswers: data.qualityAnswers,
        socialValueCommitments: data.socialValueCommitments,
        subcontractors: data.subcontractors ?? [],
        consortium: data.consortium ?? null,
        attachments: [],
        submittedAt: data.submittedAt,
        amendedAt: null,
      };
    }
    case 'BidAmended': {
      const { data } = event;
      return {
        ...submitted(state, event.type),
        pricePence: data.pricePence,
        qualityAnswers: data.qualityAnswers,
        socialValueCommitments: data.socialValueCommitments,
        subcontractors: data.subcontractors ?? [],
        consortium: data.consortium ?? null,
        amendedAt: data.amendedAt,
      };
    }
    case 'BidWithdrawn':
      return { ...submitted(state, event.type), status: 'withdrawn' };
    case 'BidAttachmentAdded': {
      const bid = submitted(state, event.type);
      const { bidId: _bidId, ...attachment } = event.data;
      return { ...bid, attachments: [...bid.attachments, attachment] };
    }
    case 'BidAttachmentRemoved': {
      const bid = submitted(state, event.type);
      return { ...bid, attachments: bid.attachments.filter((a) => a.attachmentId !== event.data.attachmentId) };
    }
    case 'BidOpened':
      return { ...submitted(state, event.type), status: 'opened' };
    case 'BidShortlisted':
      return { ...submitted(state, event.type), status: 'shortlisted' };
    case 'BidOutcomeRecorded':
      return { ...submitted(state, event.type), status: event.data.successful ? 'successful' : 'unsuccessful' };
    case 'BidComplianceAssessed':
      return { ...submitted(state, event.type), status: event.data.compliant ? 'compliant' : 'non_compliant' };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown bid event ${(unknown as { type: string }).type}`);
    }
  }
};
