import type { Command } from '@tendril/shared/ddd';
import type { CompetitionFacts } from '../competition/competition.facts';
import type { AttachmentFile } from './bid-attachments';

export interface QualityAnswer {
  readonly criterionId: string;
  readonly answer: string;
}

/** A registered provider the bidder proposes to subcontract to, with its share of the work (whole percent). */
export interface ProposedSubcontractor {
  readonly organisationId: string;
  readonly sharePercent: number;
  readonly scope: string;
}

export interface ConsortiumMember {
  readonly organisationId: string;
  readonly sharePercent: number;
}

/** A consortium bid: the bidding organisation leads; members (the lead included) have shares summing to 100. */
export interface Consortium {
  readonly leadOrganisationId: string;
  readonly members: readonly ConsortiumMember[];
}

/** The bid's content a bidder may change until the deadline. */
export interface BidPartners {
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
}

/** Read by the application from the provider registry: which of the organisations a bid names are registered. */
export interface PartnerRegistryFacts {
  readonly registeredPartnerIds: readonly string[];
}

/** What the bidder sends. */
export interface SubmitBidContent {
  readonly bidId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly organisationId: string;
  readonly pricePence: number;
  readonly qualityAnswers: readonly QualityAnswer[];
  readonly socialValueCommitments: string;
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
}

/** The bid as the bid decider sees it: the content plus the tender facts read from the competition. */
export type SubmitBid = Command<'SubmitBid', SubmitBidContent & PartnerRegistryFacts & { readonly competition: CompetitionFacts }>;

/**
 * The competition's deadline now, read from its stream by the application: the tender context may
 * extend it after the bid was submitted. Absent, the deadline the bid was submitted against applies.
 */
export interface CurrentDeadlineFact {
  readonly currentSubmissionDeadline?: string;
}

/** Replaces the bid's content before the deadline. */
export type AmendBid = Command<
  'AmendBid',
  CurrentDeadlineFact & {
    readonly bidId: string;
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
  } & BidPartners &
    PartnerRegistryFacts
>;

export type WithdrawBid = Command<'WithdrawBid', CurrentDeadlineFact & { readonly bidId: string }>;

/**
 * Attaches a document the application has already stored by its content hash; with
 * `replacesAttachmentId`, the earlier document is removed in the same decision.
 */
export type AddBidAttachment = Command<
  'AddBidAttachment',
  CurrentDeadlineFact & {
    readonly bidId: string;
    readonly attachmentId: string;
    readonly file: AttachmentFile;
    readonly maxBytes: number;
    readonly replacesAttachmentId: string | null;
  }
>;

export type RemoveBidAttachment = Command<'RemoveBidAttachment', CurrentDeadlineFact & { readonly bidId: string; readonly attachmentId: string }>;

/** Issued by the platform for each bid listed when the competition closes. */
export type OpenBid = Command<'OpenBid', { readonly bidId: string }>;

/** The tender's commissioner records whether an opened bid is compliant, and why not when it is not. */
export type AssessBidCompliance = Command<'AssessBidCompliance', { readonly bidId: string; readonly compliant: boolean; readonly reason: string }>;

/** Issued by the platform for each bid of a shortlist. */
export type MarkBidShortlisted = Command<'MarkBidShortlisted', { readonly bidId: string }>;

/** Issued by the platform when the tender context awards the bid's lot. */
export type RecordBidOutcome = Command<'RecordBidOutcome', { readonly bidId: string; readonly successful: boolean }>;

export type BidCommand =
  | SubmitBid
  | AmendBid
  | WithdrawBid
  | AddBidAttachment
  | RemoveBidAttachment
  | OpenBid
  | AssessBidCompliance
  | MarkBidShortlisted
  | RecordBidOutcome;
