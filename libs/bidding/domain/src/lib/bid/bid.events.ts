import type { DomainEvent } from '@tendril/shared/ddd';
import type { Consortium, ProposedSubcontractor, QualityAnswer } from './bid.commands';

// `subcontractors` and `consortium` are absent from bids recorded before bids could name partners: read them as none.

export type BidSubmitted = DomainEvent<
  'BidSubmitted',
  {
    readonly bidId: string;
    readonly tenderId: string;
    readonly lotId: string;
    readonly organisationId: string;
    /** Copied from the competition so the bid can judge who may read it without asking. */
    readonly commissionerOrganisationId: string;
    readonly submissionDeadline: string;
    readonly answerableCriterionIds: readonly string[];
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
    readonly subcontractors?: readonly ProposedSubcontractor[];
    readonly consortium?: Consortium | null;
    readonly submittedAt: string;
  }
>;

export type BidAmended = DomainEvent<
  'BidAmended',
  {
    readonly bidId: string;
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
    readonly subcontractors?: readonly ProposedSubcontractor[];
    readonly consortium?: Consortium | null;
    readonly amendedAt: string;
  }
>;

export type BidWithdrawn = DomainEvent<
  'BidWithdrawn',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly organisationId: string; readonly withdrawnAt: string }
>;

export type BidOpened = DomainEvent<
  'BidOpened',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly organisationId: string; readonly openedAt: string }
>;

/** The commissioner's compliance check of an opened bid, with the reason (required when non-compliant). */
export type BidComplianceAssessed = DomainEvent<
  'BidComplianceAssessed',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly compliant: boolean; readonly reason: string; readonly assessedAt: string }
>;

export type BidShortlisted = DomainEvent<'BidShortlisted', { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly shortlistedAt: string }>;

/** A document attached to the sealed bid: the bytes are kept by their SHA-256, never in the log. */
export type BidAttachmentAdded = DomainEvent<
  'BidAttachmentAdded',
  {
    readonly bidId: string;
    readonly attachmentId: string;
    readonly fileName: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly addedAt: string;
  }
>;

export type BidAttachmentRemoved = DomainEvent<
  'BidAttachmentRemoved',
  { readonly bidId: string; readonly attachmentId: string; readonly sha256: string; readonly removedAt: string }
>;

/** When the tender context awards the lot: this bid won it, or did not. */
export type BidOutcomeRecorded = DomainEvent<
  'BidOutcomeRecorded',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly successful: boolean; readonly decidedAt: string }
>;

export type BidEvent =
  | BidSubmitted
  | BidAmended
  | BidWithdrawn
  | BidAttachmentAdded
  | BidAttachmentRemoved
  | BidOpened
  | BidComplianceAssessed
  | BidShortlisted
  | BidOutcomeRecorded;

export const BID_EVENT_TYPES: readonly BidEvent['type'][] = [
  'BidSubmitted',
  'BidAmended',
  'BidWithdrawn',
  'BidAttachmentAdded',
  'BidAttachmentRemoved',
  'BidOpened',
  'BidComplianceAssessed',
  'BidShortlisted',
  'BidOutcomeRecorded',
];
