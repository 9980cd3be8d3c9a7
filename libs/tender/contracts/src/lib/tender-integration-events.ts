// The tender context's published language: what other contexts may know about tenders.
// Versioned: a breaking change adds a `.v2` type beside `.v1`; a published shape is never edited.

export type TenderId = string;
export type LotId = string;
export type CriterionId = string;
export type OrganisationId = string;

export type CriterionKindV1 = 'quality' | 'price' | 'social_value' | 'youth_panel';

export interface TenderLotV1 {
  readonly lotId: LotId;
  readonly title: string;
  readonly estimatedValuePence: number;
  /** Additive (absent on older events): the plan strand this lot commissions, and its area. */
  readonly strandId?: string | null;
  readonly area?: string | null;
}

export interface TenderCriterionV1 {
  readonly criterionId: CriterionId;
  readonly name: string;
  readonly kind: CriterionKindV1;
  readonly weightPercent: number;
}

export const TENDER_PUBLISHED_V1 = 'tender.tender-published.v1';
export const TENDER_CLOSED_V1 = 'tender.tender-closed.v1';
export const LOT_AWARDED_V1 = 'tender.lot-awarded.v1';
export const TENDER_CANCELLED_V1 = 'tender.tender-cancelled.v1';
export const CLARIFICATION_PUBLISHED_V1 = 'tender.clarification-published.v1';
export const TENDER_AMENDED_V1 = 'tender.tender-amended.v1';
export const TENDER_UNSUCCESSFUL_V1 = 'tender.tender-unsuccessful.v1';
export const AWARD_PROPOSED_V1 = 'tender.award-proposed.v1';
export const AWARD_WITHDRAWN_V1 = 'tender.award-withdrawn.v1';
export const DEADLINE_EXTENDED_V1 = 'tender.deadline-extended.v1';
export const STRAND_RELEASED_V1 = 'tender.strand-released.v1';

export interface TenderPublishedV1Data {
  readonly tenderId: TenderId;
  /** The commissioning organisation. */
  readonly organisationId: OrganisationId;
  readonly title: string;
  readonly category: string;
  readonly lots: readonly TenderLotV1[];
  readonly criteria: readonly TenderCriterionV1[];
  /** UTC ISO-8601 instant; bids are sealed until then. */
  readonly submissionDeadline: string;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  readonly publishedAt: string;
  /** Additive (absent on older events): the commissioning plan and strand the tender belongs to. */
  readonly planId?: string | null;
  readonly strandId?: string | null;
  /** Additive: the tender this one re-tenders after a decommissioning. */
  readonly retenderOfTenderId?: string | null;
}

export interface TenderClosedV1Data {
  readonly tenderId: TenderId;
  readonly closedAt: string;
}

export interface LotAwardedV1Data {
  readonly tenderId: TenderId;
  /** The commissioning organisation. */
  readonly organisationId: OrganisationId;
  readonly lotId: LotId;
  readonly bidId: string;
  readonly supplierOrganisationId: OrganisationId;
  readonly valuePence: number;
  /** `YYYY-MM-DD`: the terms the awarded contract is created with. */
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  /** The final award: published only once the standstill period has ended unchallenged or every challenge was dismissed. */
  readonly awardedAt: string;
  /** Additive (absent on older events): the plan strand the lot commissions, so the contract takes its outcome targets. */
  readonly planId?: string | null;
  readonly strandId?: string | null;
}

/** The commissioner proposed an award for a lot; the standstill period runs until `standstillEndsAt`. Bidders may now see their debrief. */
export interface AwardProposedV1Data {
  readonly tenderId: TenderId;
  readonly organisationId: OrganisationId;
  readonly lotId: LotId;
  readonly bidId: string;
  readonly supplierOrganisationId: OrganisationId;
  readonly valuePence: number;
  readonly proposedAt: string;
  readonly standstillEndsAt: string;
}

/** A challenge during standstill was upheld: the proposed award is void and the lot goes back to evaluation. */
export interface AwardWithdrawnV1Data {
  readonly tenderId: TenderId;
  readonly lotId: LotId;
  readonly bidId: string;
  readonly reason: string;
  readonly withdrawnAt: string;
}

/** An amendment moved the submission deadline later; bids are accepted until the new instant. */
export interface DeadlineExtendedV1Data {
  readonly tenderId: TenderId;
  readonly previousSubmissionDeadline: string;
  readonly submissionDeadline: string;
  readonly reason: string;
  readonly extendedAt: string;
}

export interface StrandOutcomeMeasureV1 {
  readonly measureId: string;
  readonly name: string;
  /** `learning_achievement_progress`, `reach` or `other`, as the plan names it. */
  readonly kind: string;
  /** The target as the council states it. */
  readonly target: string;
}

/**
 * A plan strand left commissioning: released for tender (external or mixed) or confirmed for in-house
 * delivery. Carries the plan's outcomes framework so every contract on the strand reports against it.
 * Published on `planIntegrationStreamName(planId)`, under the same prefix as tenders' streams.
 */
export interface StrandReleasedV1Data {
  readonly planId: string;
  readonly organisationId: OrganisationId;
  readonly strandId: string;
  readonly name: string;
  readonly area: string | null;
  readonly budgetPence: number;
  readonly deliveryModel: 'in_house' | 'external' | 'mixed';
  readonly outcomeMeasures: readonly StrandOutcomeMeasureV1[];
  readonly releasedAt: string;
}

export interface TenderCancelledV1Data {
  readonly tenderId: TenderId;
  readonly reason: string;
  readonly cancelledAt: string;
}

/** A clarification answered by the commissioner, for every provider: the asker is never named. */
export interface ClarificationPublishedV1Data {
  readonly tenderId: TenderId;
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly publishedAt: string;
}

/** A tender document changed after publication; `contentHash` is the new content's SHA-256. */
export interface TenderAmendedV1Data {
  readonly tenderId: TenderId;
  readonly documentId: string;
  readonly contentHash: string;
  readonly summary: string;
  readonly amendedAt: string;
}

/** The competition ended without an award (no compliant bid), with the commissioner's reason. */
export interface TenderUnsuccessfulV1Data {
  readonly tenderId: TenderId;
  readonly reason: string;
  readonly declaredAt: string;
}

export interface TenderUnsuccessfulV1 {
  readonly type: typeof TENDER_UNSUCCESSFUL_V1;
  readonly data: TenderUnsuccessfulV1Data;
}

export interface TenderPublishedV1 {
  readonly type: typeof TENDER_PUBLISHED_V1;
  readonly data: TenderPublishedV1Data;
}
export interface TenderClosedV1 {
  readonly type: typeof TENDER_CLOSED_V1;
  readonly data: TenderClosedV1Data;
}
export interface LotAwardedV1 {
  readonly type: typeof LOT_AWARDED_V1;
  readonly data: LotAwardedV1Data;
}
export interface TenderCancelledV1 {
  readonly type: typeof TENDER_CANCELLED_V1;
  readonly data: TenderCancelledV1Data;
}

export interface ClarificationPublishedV1 {
  readonly type: typeof CLARIFICATION_PUBLISHED_V1;
  readonly data: ClarificationPublishedV1Data;
}

export interface TenderAmendedV1 {
  readonly type: typeof TENDER_AMENDED_V1;
  readonly data: TenderAmendedV1Data;
}

export interface AwardProposedV1 {
  readonly type: typeof AWARD_PROPOSED_V1;
  readonly data: AwardProposedV1Data;
}
export interface AwardWithdrawnV1 {
  readonly type: typeof AWARD_WITHDRAWN_V1;
  readonly data: AwardWithdrawnV1Data;
}
export interface DeadlineExtendedV1 {
  readonly type: typeof DEADLINE_EXTENDED_V1;
  readonly data: DeadlineExtendedV1Data;
}
export interface StrandReleasedV1 {
  readonly type: typeof STRAND_RELEASED_V1;
  readonly data: StrandReleasedV1Data;
}

export type TenderIntegrationEvent =
  | TenderPublishedV1
  | TenderClosedV1
  | LotAwardedV1
  | TenderCancelledV1
  | ClarificationPublishedV1
  | TenderAmendedV1
  | TenderUnsuccessfulV1
  | AwardProposedV1
  | AwardWithdrawnV1
  | DeadlineExtendedV1
  | StrandReleasedV1;

export const TENDER_INTEGRATION_EVENT_TYPES: readonly TenderIntegrationEvent['type'][] = [
  TENDER_PUBLISHED_V1,
  TENDER_CLOSED_V1,
  LOT_AWARDED_V1,
  TENDER_CANCELLED_V1,
  CLARIFICATION_PUBLISHED_V1,
  TENDER_AMENDED_V1,
  TENDER_UNSUCCESSFUL_V1,
  AWARD_PROPOSED_V1,
  AWARD_WITHDRAWN_V1,
  DEADLINE_EXTENDED_V1,
  STRAND_RELEASED_V1,
];

/** Narrows an event read from the store by its type; the producer guarantees the data shape. */
export const isTenderIntegrationEvent = (event: { readonly type: string; readonly data: unknown }): event is TenderIntegrationEvent =>
  (TENDER_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

export const TENDER_INTEGRATION_STREAM_PREFIX = 'integration-tender-';

/** Where the tender context publishes a tender's integration events, in order. */
export const tenderIntegrationStreamName = (tenderId: TenderId): string => `${TENDER_INTEGRATION_STREAM_PREFIX}${tenderId}`;

/** Where the tender context publishes a commissioning plan's integration events (strand releases), in order. */
export const planIntegrationStreamName = (planId: string): string => `${TENDER_INTEGRATION_STREAM_PREFIX}plan-${planId}`;
