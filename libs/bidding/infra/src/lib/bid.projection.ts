import { BID_EVENT_TYPES, BID_STREAM_PREFIX, type BidAttachment, type BidEvent, COMPETITION_STREAM_PREFIX, type CompetitionDeadlineExtended, type CompetitionOpened } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import { BidRow, CompetitionDeadlineRow } from './bid-read-model.entities';

const attachmentsOf = (row: BidRow): BidAttachment[] => JSON.parse(row.attachmentsJson) as BidAttachment[];

/** Pure: the bid row after an event. */
export const evolveBidRow = (row: BidRow | null, event: BidEvent): BidRow | null => {
  switch (event.type) {
    case 'BidSubmitted': {
      const d = event.data;
      return {
        bidId: d.bidId,
        tenderId: d.tenderId,
        lotId: d.lotId,
        organisationId: d.organisationId,
        commissionerOrganisationId: d.commissionerOrganisationId,
        submissionDeadline: d.submissionDeadline,
        status: 'submitted',
        pricePence: d.pricePence,
        qualityAnswersJson: JSON.stringify(d.qualityAnswers),
        socialValueCommitments: d.socialValueCommitments,
        subcontractorsJson: JSON.stringify(d.subcontractors ?? []),
        consortiumJson: JSON.stringify(d.consortium ?? null),
        attachmentsJson: '[]',
        submittedAt: d.submittedAt,
        amendedAt: null,
        withdrawnAt: null,
        openedAt: null,
        complianceReason: null,
      };
    }
    case 'BidAmended':
      return row && {
        ...row,
        pricePence: event.data.pricePence,
        qualityAnswersJson: JSON.stringify(event.data.qualityAnswers),
        socialValueCommitments: event.data.socialValueCommitments,
        subcontractorsJson: JSON.stringify(event.data.subcontractors ?? []),
        consortiumJson: JSON.stringify(event.data.consortium ?? null),
        amendedAt: event.data.amendedAt,
      };
    case 'BidWithdrawn':
      return row && { ...row, status: 'withdrawn', withdrawnAt: event.data.withdrawnAt };
    case 'BidAttachmentAdded': {
      const { bidId: _bidId, ...attachment } = event.data;
      return row && { ...row, attachmentsJson: JSON.stringify([...attachmentsOf(row), attachment]) };
    }
    case 'BidAttachmentRemoved':
      return row && { ...row, attachmentsJson: JSON.stringify(attachmentsOf(row).filter((a) => a.attachmentId !== event.data.attachmentId)) };
    case 'BidOpened':
      return row && { ...row, status: 'opened', openedAt: event.data.openedAt };
    case 'BidShortlisted':
      return row && { ...row, status: 'shortlisted' };
    case 'BidOutcomeRecorded':
      return row && { ...row, status: event.data.successful ? 'successful' : 'unsuccessful' };
    case 'BidComplianceAssessed':
      return row && { ...row, status: event.data.compliant ? 'compliant' : 'non_compliant', complianceReason: event.data.reason };
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled bid event ${(unknown as { type: string }).type}`);
    }
  }
};

export const bidReadModelProjection = rowProjection<BidRow, BidEvent>({
  name: 'bid-read-model',
  entity: BidRow,
  eventTypes: BID_EVENT_TYPES,
  streamPrefixes: [BID_STREAM_PREFIX],
  rowKey: (event) => ({ bidId: event.data.bidId }),
  evolve: evolveBidRow,
});

type CompetitionDeadlineEvent = CompetitionOpened | CompetitionDeadlineExtended;

/** Pure: a competition's deadline after it opens or is extended. */
export const evolveCompetitionDeadlineRow = (_row: CompetitionDeadlineRow | null, event: CompetitionDeadlineEvent): CompetitionDeadlineRow => ({
  tenderId: event.data.tenderId,
  submissionDeadline: event.data.submissionDeadline,
});

export const competitionDeadlineProjection = rowProjection<CompetitionDeadlineRow, CompetitionDeadlineEvent>({
  name: 'competition-deadline-read-model',
  entity: CompetitionDeadlineRow,
  eventTypes: ['CompetitionOpened', 'CompetitionDeadlineExtended'],
  streamPrefixes: [COMPETITION_STREAM_PREFIX],
  rowKey: (event) => ({ tenderId: event.data.tenderId }),
  evolve: evolveCompetitionDeadlineRow,
});
