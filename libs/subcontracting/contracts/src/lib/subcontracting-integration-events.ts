// The subcontracting context's published language: awarded contracts and their supply chains.
// Versioned: a breaking change adds a `.v2` type beside `.v1`; a published shape is never edited.

export type ContractId = string;
export type SubcontractId = string;

export const CONTRACT_CREATED_V1 = 'subcontracting.contract-created.v1';
export const SUBCONTRACTOR_ADDED_V1 = 'subcontracting.subcontractor-added.v1';
export const SUBCONTRACT_ENDED_V1 = 'subcontracting.subcontract-ended.v1';
export const CONTRACT_TERMINATED_V1 = 'subcontracting.contract-terminated.v1';

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

export type SubcontractingIntegrationEvent = ContractCreatedV1 | SubcontractorAddedV1 | SubcontractEndedV1 | ContractTerminatedV1;

export const SUBCONTRACTING_INTEGRATION_EVENT_TYPES: readonly SubcontractingIntegrationEvent['type'][] = [
  CONTRACT_CREATED_V1,
  SUBCONTRACTOR_ADDED_V1,
  SUBCONTRACT_ENDED_V1,
  CONTRACT_TERMINATED_V1,
];

/** Narrows an event read from the store by its type; the producer guarantees the data shape. */
export const isSubcontractingIntegrationEvent = (event: {
  readonly type: string;
  readonly data: unknown;
}): event is SubcontractingIntegrationEvent => (SUBCONTRACTING_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

export const SUBCONTRACTING_INTEGRATION_STREAM_PREFIX = 'integration-subcontracting-';

export const subcontractingIntegrationStreamName = (contractId: ContractId): string =>
  `${SUBCONTRACTING_INTEGRATION_STREAM_PREFIX}${contractId}`;
