import type { Command } from '@tendril/shared/ddd';

export type CriterionKind = 'quality' | 'price' | 'social_value' | 'youth_panel';
export const CRITERION_KINDS: readonly CriterionKind[] = ['quality', 'price', 'social_value', 'youth_panel'];

export interface Lot {
  readonly lotId: string;
  readonly title: string;
  readonly estimatedValuePence: number;
  /** The plan strand the lot commissions (a strand of the tender's plan), or null/absent for the tender's own strand. */
  readonly strandId?: string | null;
  /** The locality the lot covers, or null/absent for the whole of the tender. */
  readonly area?: string | null;
}

export interface EvaluationCriterion {
  readonly criterionId: string;
  readonly name: string;
  readonly kind: CriterionKind;
  /** Whole percent; a tender's weights sum to exactly 100. */
  readonly weightPercent: number;
}

export type TenderDocumentKind = 'specification' | 'terms' | 'other';
export const TENDER_DOCUMENT_KINDS: readonly TenderDocumentKind[] = ['specification', 'terms', 'other'];

/** A tender document by reference: its content lives in the document store under its SHA-256. */
export interface TenderDocument {
  readonly documentId: string;
  readonly kind: TenderDocumentKind;
  readonly title: string;
  /** Lower-case hex SHA-256 of the content. */
  readonly contentHash: string;
}

/** The plan strand a tender commissions, as the commissioning plan recorded it (looked up by the handler). */
export interface CommissionedStrand {
  readonly planId: string;
  readonly strandId: string;
  /** The strand's locality, or null for borough-wide. */
  readonly area: string | null;
  readonly planOrganisationId: string;
  readonly deliveryModel: 'in_house' | 'external' | 'mixed';
  readonly releasedForTender: boolean;
  /** Every strand of the plan, so lots may name one; absent when the handler did not look them up. */
  readonly planStrands?: readonly PlanStrandSummary[];
}

export interface PlanStrandSummary {
  readonly strandId: string;
  readonly deliveryModel: 'in_house' | 'external' | 'mixed';
  readonly releasedForTender: boolean;
}

export interface PublishTenderData {
  readonly tenderId: string;
  /** The commissioning council's organisation; the acting commissioner must belong to it. */
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly lots: readonly Lot[];
  readonly criteria: readonly EvaluationCriterion[];
  /** ISO-8601 instant with an offset; must be after `metadata.now`. */
  readonly submissionDeadline: string;
  /** ISO-8601 instant: providers may ask questions until then. Null means until the submission deadline. */
  readonly clarificationDeadline: string | null;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  /** Null for a tender published outside a commissioning plan. */
  readonly commissionedStrand: CommissionedStrand | null;
  readonly documents: readonly TenderDocument[];
}

export interface CloseTenderData {
  readonly tenderId: string;
}

/** The bidding context's evaluation of a lot, when it has published one: an award must follow it. */
export interface LotEvaluationResult {
  readonly winnerBidId: string;
  readonly winnerOrganisationId: string;
  readonly evidenceRefs: readonly string[];
}

/** How long the standstill after a proposed award lasts: working days (England and Wales) or, for tests and demos, seconds. */
export type StandstillPeriod = { readonly kind: 'working_days'; readonly days: number } | { readonly kind: 'seconds'; readonly seconds: number };

export interface AwardLotData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly valuePence: number;
  readonly rationale: string;
  /** References (document ids or hashes) to the evaluation evidence behind the decision. */
  readonly evidenceRefs: readonly string[];
  /** The awarded contract's terms: subcontracting creates the contract from them. `YYYY-MM-DD`. */
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  /** The platform's standstill period; the decider computes when it ends from `metadata.now`. */
  readonly standstill: StandstillPeriod;
}

export interface CancelTenderData {
  readonly tenderId: string;
  readonly reason: string;
}

/** An amendment: a changed document, a later deadline, or both. */
export interface AmendTenderDocumentData {
  readonly tenderId: string;
  /** Null when the amendment only extends the deadline. */
  readonly documentId: string | null;
  readonly contentHash: string | null;
  /** What changed, as every interested provider will read it. */
  readonly summary: string;
  /** A later submission deadline (ISO-8601 instant with an offset), or null to keep it. */
  readonly submissionDeadline?: string | null;
  /** A later clarification deadline, or null to keep it (moved with the submission deadline when that moves past it). */
  readonly clarificationDeadline?: string | null;
}

export interface AskClarificationData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly question: string;
}

export interface AnswerClarificationData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly answer: string;
}

export type PublishTender = Command<'PublishTender', PublishTenderData>;

/** What a commissioner writes in a draft; deadlines may wait until publication. */
export interface TenderDraftContent {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly lots: readonly Lot[];
  readonly criteria: readonly EvaluationCriterion[];
  readonly submissionDeadline: string | null;
  readonly clarificationDeadline: string | null;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  readonly documents: readonly TenderDocument[];
}

export interface DraftTenderData {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly content: TenderDraftContent;
  readonly commissionedStrand: CommissionedStrand | null;
}

export interface ReviseTenderDraftData {
  readonly tenderId: string;
  readonly content: TenderDraftContent;
  readonly commissionedStrand: CommissionedStrand | null;
}

export interface PublishTenderDraftData {
  readonly tenderId: string;
  /** The draft's strand as the plan records it now (it may have been released since the draft was written). */
  readonly commissionedStrand: CommissionedStrand | null;
}

/** The decommissioned tender, as its own stream records it; the re-tender starts from it. */
export interface DraftRetenderData {
  readonly tenderId: string;
  readonly previousTenderId: string;
  readonly lotId: string;
  /** The decommissioned contract's value: the re-tender's estimate. */
  readonly valuePence: number;
  readonly reason: string;
  readonly previous: RetenderSource;
}

export interface RetenderSource {
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly lot: Lot;
  readonly criteria: readonly EvaluationCriterion[];
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  readonly documents: readonly TenderDocument[];
}

/** A bid as the bidding context opened it at the deadline. */
export interface OpenedBid {
  readonly bidId: string;
  readonly lotId: string;
  readonly organisationId: string;
}

export interface RecordBidsOpenedData {
  readonly tenderId: string;
  readonly bids: readonly OpenedBid[];
  readonly openedAt: string;
}

export interface RecordLotEvaluationData extends LotEvaluationResult {
  readonly tenderId: string;
  readonly lotId: string;
  readonly completedAt: string;
}

export interface FinaliseAwardData {
  readonly tenderId: string;
  readonly lotId: string;
}

export interface ChallengeAwardData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly challengeId: string;
  readonly grounds: string;
}

export type ChallengeOutcome = 'upheld' | 'dismissed';

export interface ResolveChallengeData {
  readonly tenderId: string;
  readonly challengeId: string;
  readonly outcome: ChallengeOutcome;
  readonly reasoning: string;
}

export type DraftTender = Command<'DraftTender', DraftTenderData>;
export type ReviseTenderDraft = Command<'ReviseTenderDraft', ReviseTenderDraftData>;
export type PublishTenderDraft = Command<'PublishTenderDraft', PublishTenderDraftData>;
export type DraftRetender = Command<'DraftRetender', DraftRetenderData>;
export type RecordBidsOpened = Command<'RecordBidsOpened', RecordBidsOpenedData>;
export type RecordLotEvaluation = Command<'RecordLotEvaluation', RecordLotEvaluationData>;
export type FinaliseAward = Command<'FinaliseAward', FinaliseAwardData>;
export type ChallengeAward = Command<'ChallengeAward', ChallengeAwardData>;
export type ResolveChallenge = Command<'ResolveChallenge', ResolveChallengeData>;
export type CloseTender = Command<'CloseTender', CloseTenderData>;
export type ProposeAward = Command<'ProposeAward', AwardLotData>;
export type CancelTender = Command<'CancelTender', CancelTenderData>;

export interface DeclareTenderUnsuccessfulData {
  readonly tenderId: string;
  /** Why no bid could be awarded, e.g. no compliant bid. */
  readonly reason: string;
}

export type DeclareTenderUnsuccessful = Command<'DeclareTenderUnsuccessful', DeclareTenderUnsuccessfulData>;
export type AmendTenderDocument = Command<'AmendTenderDocument', AmendTenderDocumentData>;
export type AskClarification = Command<'AskClarification', AskClarificationData>;
export type AnswerClarification = Command<'AnswerClarification', AnswerClarificationData>;

export type TenderCommand =
  | DraftTender
  | ReviseTenderDraft
  | PublishTenderDraft
  | DraftRetender
  | PublishTender
  | CloseTender
  | RecordBidsOpened
  | RecordLotEvaluation
  | ProposeAward
  | ChallengeAward
  | ResolveChallenge
  | FinaliseAward
  | CancelTender
  | AskClarification
  | AnswerClarification
  | AmendTenderDocument
  | DeclareTenderUnsuccessful;
