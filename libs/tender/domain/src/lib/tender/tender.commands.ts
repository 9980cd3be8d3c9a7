import type { Command } from '@tendril/shared/ddd';

export type CriterionKind = 'quality' | 'price' | 'social_value' | 'youth_panel';
export const CRITERION_KINDS: readonly CriterionKind[] = ['quality', 'price', 'social_value', 'youth_panel'];

export interface Lot {
  readonly lotId: string;
  readonly title: string;
  readonly estimatedValuePence: number;
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

export interface AwardLotData {
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  /** References (document ids or hashes) to the evaluation evidence behind the decision. */
  readonly evidenceRefs: readonly string[];
  /** The awarded contract's terms: subcontracting creates the contract from them. `YYYY-MM-DD`. */
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  /** Null when no evaluation was published for the lot (the award then rests on the opened bid and the rationale). */
  readonly evaluation: LotEvaluationResult | null;
}

export interface CancelTenderData {
  readonly tenderId: string;
  readonly reason: string;
}

export interface AmendTenderDocumentData {
  readonly tenderId: string;
  readonly documentId: string;
  readonly contentHash: string;
  /** What changed, as every interested provider will read it. */
  readonly summary: string;
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
export type CloseTender = Command<'CloseTender', CloseTenderData>;
export type AwardLot = Command<'AwardLot', AwardLotData>;
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

export type TenderCommand = PublishTender | CloseTender | AwardLot | CancelTender | AskClarification | AnswerClarification | AmendTenderDocument | DeclareTenderUnsuccessful;
