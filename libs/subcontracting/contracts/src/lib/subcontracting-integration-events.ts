// The subcontracting context's published language: awarded contracts and their supply chains.
// Versioned: a breaking change adds a `.v2` type beside `.v1`; a published shape is never edited.

export type ContractId = string;
export type SubcontractId = string;

export const CONTRACT_CREATED_V1 = 'subcontracting.contract-created.v1';
export const SUBCONTRACTOR_ADDED_V1 = 'subcontracting.subcontractor-added.v1';
export const SUBCONTRACT_ENDED_V1 = 'subcontracting.subcontract-ended.v1';
export const CONTRACT_TERMINATED_V1 = 'subcontracting.contract-terminated.v1';
export const CONTRACT_VARIED_V1 = 'subcontracting.contract-varied.v1';
export const SUBCONTRACT_VARIED_V1 = 'subcontracting.subcontract-varied.v1';
export const STRAND_DECOMMISSIONED_V1 = 'subcontracting.strand-decommissioned.v1';

export interface ContractCreatedV1Data {
  readonly contractId: ContractId;
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly commissionerOrganisationId: string;
  readonly primeOrganisationId: string;
  readonly valuePence: number;
  /** `YYYY-MM-DD` */
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly createdAt: string;
}

export interface SubcontractorAddedV1Data {
  readonly contractId: ContractId;
  readonly subcontractId: SubcontractId;
  /** null when let directly by the prime. */
  readonly parentSubcontractId: SubcontractId | null;
  readonly parentOrganisationId: string;
  readonly subcontractorOrganisationId: string;
  /** 1 directly under the prime. */
  readonly tier: number;
  readonly valuePence: number;
  readonly scope: string;
  readonly area: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly addedAt: string;
}

export interface SubcontractEndedV1Data {
  readonly contractId: ContractId;
  readonly subcontractId: SubcontractId;
  readonly reason: string;
  readonly endedAt: string;
}

export interface ContractTerminatedV1Data {
  readonly contractId: ContractId;
  readonly reason: string;
  readonly terminatedAt: string;
}

/** Who approved a variation: the acting user and the organisation they approved it for. */
export interface VariationApproverV1 {
  readonly userId: string;
  readonly organisationId: string;
}

/** Only the terms that changed are present; `previous` holds their values before the variation. */
export interface VariedTermsV1 {
  readonly valuePence?: number;
  readonly endDate?: string;
  readonly scope?: string;
  readonly area?: string;
}

export interface ContractVariedV1Data {
  readonly contractId: ContractId;
  readonly variationId: string;
  readonly changes: VariedTermsV1;
  readonly previous: VariedTermsV1;
  readonly reason: string;
  readonly approvedBy: VariationApproverV1;
  readonly variedAt: string;
}

export interface SubcontractVariedV1Data extends ContractVariedV1Data {
  readonly subcontractId: SubcontractId;
}

/** What happens to one subcontract of a decommissioned strand, so no young person's service simply stops. */
export type TransitionOutcomeV1 =
  | { readonly subcontractId: SubcontractId; readonly subcontractorOrganisationId: string; readonly outcome: 'ends' }
  | {
      readonly subcontractId: SubcontractId;
      readonly subcontractorOrganisationId: string;
      readonly outcome: 'moves-to-prime';
      /** The prime (of another contract) that takes the subcontract over. */
      readonly toPrimeOrganisationId: string;
      readonly toContractId: ContractId;
    }
  | { readonly subcontractId: SubcontractId; readonly subcontractorOrganisationId: string; readonly outcome: 'moves-in-house'; /** Additive: the in-house agreement the work moves under. */ readonly toContractId?: string };

/**
 * A commissioner decided to decommission a contract: the strand (the contract's lot) goes back to the
 * tender context for re-tender. The contract ends on `endDate` after `noticePeriodDays`.
 */
export interface StrandDecommissionedV1Data {
  readonly contractId: ContractId;
  readonly caseId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly commissionerOrganisationId: string;
  readonly primeOrganisationId: string;
  /** The contract value, for sizing the re-tender. */
  readonly valuePence: number;
  readonly noticePeriodDays: number;
  /** `YYYY-MM-DD`: the last day the current prime delivers. */
  readonly endDate: string;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly transition: readonly TransitionOutcomeV1[];
  readonly decidedAt: string;
}

export interface ContractCreatedV1 {
  readonly type: typeof CONTRACT_CREATED_V1;
  readonly data: ContractCreatedV1Data;
}
export interface SubcontractorAddedV1 {
  readonly type: typeof SUBCONTRACTOR_ADDED_V1;
  readonly data: SubcontractorAddedV1Data;
}
export interface SubcontractEndedV1 {
  readonly type: typeof SUBCONTRACT_ENDED_V1;
  readonly data: SubcontractEndedV1Data;
}
export interface ContractTerminatedV1 {
  readonly type: typeof CONTRACT_TERMINATED_V1;
  readonly data: ContractTerminatedV1Data;
}

export interface ContractVariedV1 {
  readonly type: typeof CONTRACT_VARIED_V1;
  readonly data: ContractVariedV1Data;
}
export interface SubcontractVariedV1 {
  readonly type: typeof SUBCONTRACT_VARIED_V1;
  readonly data: SubcontractVariedV1Data;
}
export interface StrandDecommissionedV1 {
  readonly type: typeof STRAND_DECOMMISSIONED_V1;
  readonly data: StrandDecommissionedV1Data;
}

export type SubcontractingIntegrationEvent =
  | ContractCreatedV1
  | SubcontractorAddedV1
  | SubcontractEndedV1
  | ContractTerminatedV1
  | ContractVariedV1
  | SubcontractVariedV1
  | StrandDecommissionedV1;

export const SUBCONTRACTING_INTEGRATION_EVENT_TYPES: readonly SubcontractingIntegrationEvent['type'][] = [
  CONTRACT_CREATED_V1,
  SUBCONTRACTOR_ADDED_V1,
  SUBCONTRACT_ENDED_V1,
  CONTRACT_TERMINATED_V1,
  CONTRACT_VARIED_V1,
  SUBCONTRACT_VARIED_V1,
  STRAND_DECOMMISSIONED_V1,
];

/** Narrows an event read from the store by its type; the producer guarantees the data shape. */
export const isSubcontractingIntegrationEvent = (event: {
  readonly type: string;
  readonly data: unknown;
}): event is SubcontractingIntegrationEvent => (SUBCONTRACTING_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

export const SUBCONTRACTING_INTEGRATION_STREAM_PREFIX = 'integration-subcontracting-';

export const subcontractingIntegrationStreamName = (contractId: ContractId): string =>
  `${SUBCONTRACTING_INTEGRATION_STREAM_PREFIX}${contractId}`;
