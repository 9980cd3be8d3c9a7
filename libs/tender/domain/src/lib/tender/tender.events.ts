import type { DomainEvent } from '@tendril/shared/ddd';
import type { ChallengeOutcome, EvaluationCriterion, Lot, OpenedBid, TenderDocument, TenderDraftContent } from './tender.commands';

export interface TenderPublishedData {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly lots: readonly Lot[];
  readonly criteria: readonly EvaluationCriterion[];
  /** Canonical UTC ISO-8601 instant. */
  readonly submissionDeadline: string;
  /** Canonical UTC instant; absent on tenders published before clarifications, which take questions until the submission deadline. */
  readonly clarificationDeadline?: string;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  /** The commissioning plan and strand the tender belongs to; absent or null outside a plan. */
  readonly planId?: string | null;
  readonly strandId?: string | null;
  /** The strand's locality, so providers can find tenders by area. */
  readonly area?: string | null;
  /** Absent on tenders published before documents were recorded. */
  readonly documents?: readonly TenderDocument[];
  /** Absent unless the tender re-tenders a decommissioned one. */
  readonly retenderOfTenderId?: string | null;
  readonly publishedAt: string;
}

/** A tender written but not yet published: editable by its commissioners, invisible to providers. */
export interface TenderDraftedData extends TenderDraftContent {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  /** The decommissioned tender this drafts a re-tender of, or null. */
  readonly retenderOfTenderId: string | null;
  /** Why the system drafted it (the decommissioning rationale), or null for a commissioner's draft. */
  readonly reason: string | null;
  readonly draftedAt: string;
}

export interface TenderDraftRevisedData extends TenderDraftContent {
  readonly tenderId: string;
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  readonly revisedAt: string;
}

/** The bidding context opened the bids at the deadline: the tender is under evaluation. */
export interface EvaluationStartedData {
  readonly tenderId: string;
  readonly bids: readonly OpenedBid[];
  readonly openedAt: string;
}

/** The bidding context completed a lot's evaluation: the lot is in its final stage, with a ranked winner. */
export interface LotEvaluatedData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly winnerBidId: string;
  readonly winnerOrganisationId: string;
  readonly evidenceRefs: readonly string[];
  readonly completedAt: string;
}

/** The commissioner proposed the lot's award; standstill runs until `standstillEndsAt`. */
export interface AwardProposedData {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  /** How the standstill was measured, e.g. `8 working days`. */
  readonly standstillPeriod: string;
  readonly proposedAt: string;
  readonly standstillEndsAt: string;
}

export interface AwardChallengedData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly challengeId: string;
  readonly challengerOrganisationId: string;
  readonly grounds: string;
  readonly challengedAt: string;
}

export interface ChallengeResolvedData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly challengeId: string;
  readonly outcome: ChallengeOutcome;
  readonly reasoning: string;
  readonly resolvedAt: string;
}

/** An upheld challenge voids the proposed award; the lot goes back to evaluation. */
export interface AwardWithdrawnData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly reason: string;
  readonly withdrawnAt: string;
}

export interface TenderDeadlineExtendedData {
  readonly tenderId: string;
  readonly previousSubmissionDeadline: string;
  readonly submissionDeadline: string;
  readonly previousClarificationDeadline: string;
  readonly clarificationDeadline: string;
  readonly reason: string;
  readonly extendedAt: string;
}

export interface TenderClosedData {
  readonly tenderId: string;
  readonly closedAt: string;
}

export interface LotAwardedData {
  readonly tenderId: string;
  /** The commissioner's organisation, so consumers need not remember the tender. */
  readonly organisationId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  readonly awardedAt: string;
  /** The plan and strand the lot commissions; absent on awards recorded before lots named strands. */
  readonly planId?: string | null;
  readonly strandId?: string | null;
}

export interface TenderCancelledData {
  readonly tenderId: string;
  readonly reason: string;
  readonly cancelledAt: string;
}

export interface ClarificationAskedData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly question: string;
  /** Kept in the tender's own record; never published with the answer. */
  readonly askedByOrganisationId: string;
  readonly askedAt: string;
}

/** The published clarification: question and answer, with the asker left out. */
export interface ClarificationAnsweredData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly answeredAt: string;
}

/** A published document changed: a recorded amendment every interested provider is told about. */
export interface TenderDocumentAmendedData {
  readonly tenderId: string;
  readonly documentId: string;
  readonly previousContentHash: string;
  readonly contentHash: string;
  readonly summary: string;
  readonly amendedAt: string;
}

export type TenderPublished = DomainEvent<'TenderPublished', TenderPublishedData>;
export type TenderClosed = DomainEvent<'TenderClosed', TenderClosedData>;
export type LotAwarded = DomainEvent<'LotAwarded', LotAwardedData>;
export type TenderCancelled = DomainEvent<'TenderCancelled', TenderCancelledData>;

export type ClarificationAsked = DomainEvent<'ClarificationAsked', ClarificationAskedData>;
export type ClarificationAnswered = DomainEvent<'ClarificationAnswered', ClarificationAnsweredData>;

export type TenderDeclaredUnsuccessful = DomainEvent<'TenderDeclaredUnsuccessful', { readonly tenderId: string; readonly reason: string; readonly declaredAt: string }>;
export type TenderDocumentAmended = DomainEvent<'TenderDocumentAmended', TenderDocumentAmendedData>;

export type TenderDrafted = DomainEvent<'TenderDrafted', TenderDraftedData>;
export type TenderDraftRevised = DomainEvent<'TenderDraftRevised', TenderDraftRevisedData>;
export type EvaluationStarted = DomainEvent<'EvaluationStarted', EvaluationStartedData>;
export type LotEvaluated = DomainEvent<'LotEvaluated', LotEvaluatedData>;
export type AwardProposed = DomainEvent<'AwardProposed', AwardProposedData>;
export type AwardChallenged = DomainEvent<'AwardChallenged', AwardChallengedData>;
export type ChallengeResolved = DomainEvent<'ChallengeResolved', ChallengeResolvedData>;
export type AwardWithdrawn = DomainEvent<'AwardWithdrawn', AwardWithdrawnData>;
export type TenderDeadlineExtended = DomainEvent<'TenderDeadlineExtended', TenderDeadlineExtendedData>;

export type TenderEvent =
  | TenderDrafted
  | TenderDraftRevised
  | EvaluationStarted
  | LotEvaluated
  | AwardProposed
  | AwardChallenged
  | ChallengeResolved
  | AwardWithdrawn
  | TenderDeadlineExtended
  | TenderPublished
  | TenderClosed
  | LotAwarded
  | TenderCancelled
  | ClarificationAsked
  | ClarificationAnswered
  | TenderDocumentAmended
  | TenderDeclaredUnsuccessful;

export const TENDER_EVENT_TYPES: readonly TenderEvent['type'][] = [
  'TenderDrafted',
  'TenderDraftRevised',
  'EvaluationStarted',
  'LotEvaluated',
  'AwardProposed',
  'AwardChallenged',
  'ChallengeResolved',
  'AwardWithdrawn',
  'TenderDeadlineExtended',
  'TenderPublished',
  'TenderClosed',
  'LotAwarded',
  'TenderCancelled',
  'ClarificationAsked',
  'ClarificationAnswered',
  'TenderDocumentAmended',
  'TenderDeclaredUnsuccessful',
];
