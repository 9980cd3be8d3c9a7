import type { Actor } from '@tendril/shared/event-store';

export interface SubcontractView {
  readonly subcontractId: string;
  readonly parentSubcontractId: string | null;
  readonly parentOrganisationId: string;
  readonly subcontractorOrganisationId: string;
  readonly tier: number;
  readonly valuePence: number;
  readonly scope: string;
  readonly area: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly status: 'active' | 'ended';
  readonly addedAt: string;
  readonly endedAt: string | null;
  readonly endReason: string | null;
}

export interface ContractView {
  readonly contractId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly commissionerOrganisationId: string;
  readonly primeOrganisationId: string;
  readonly valuePence: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly status: 'active' | 'terminated';
  readonly createdAt: string;
  /** The part of the chain the reader may see: all of it for the commissioner, prime and auditors; a subcontractor's own branch otherwise. */
  readonly subcontracts: readonly SubcontractView[];
}

export interface ContractFilter {
  readonly tenderId?: string;
}

/** Contracts as a reader may see them; the visibility rule is applied here, where data is read. */
export abstract class ContractReadModel {
  abstract findVisibleContract(contractId: string, reader: Actor): Promise<ContractView | null>;
  abstract findVisibleContracts(filter: ContractFilter, reader: Actor): Promise<readonly ContractView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}
