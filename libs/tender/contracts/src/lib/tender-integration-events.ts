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
  readonly awardedAt: string;
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

export type TenderIntegrationEvent =
  | TenderPublishedV1
  | TenderClosedV1
  | LotAwardedV1
  | TenderCancelledV1
  | ClarificationPublishedV1
  | TenderAmendedV1
  | TenderUnsuccessfulV1;

export const TENDER_INTEGRATION_EVENT_TYPES: readonly TenderIntegrationEvent['type'][] = [
  TENDER_PUBLISHED_V1,
  TENDER_CLOSED_V1,
  LOT_AWARDED_V1,
  TENDER_CANCELLED_V1,
  CLARIFICATION_PUBLISHED_V1,
  TENDER_AMENDED_V1,
  TENDER_UNSUCCESSFUL_V1,
];

/** Narrows an event read from the store by its type; the producer guarantees the data shape. */
export const isTenderIntegrationEvent = (event: { readonly type: string; readonly data: unknown }): event is TenderIntegrationEvent =>
  (TENDER_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

export const TENDER_INTEGRATION_STREAM_PREFIX = 'integration-tender-';

/** Where the tender context publishes a tender's integration events, in order. */
export const tenderIntegrationStreamName = (tenderId: TenderId): string => `${TENDER_INTEGRATION_STREAM_PREFIX}${tenderId}`;
