import type { ContractDecommissioned, ContractEvent, ContractVaried, SubcontractVaried } from './contract/contract.events';

// What this context publishes. The shapes mirror `@tendril/subcontracting/contracts` structurally
// (a domain library may not import a contracts library); the translator types the result with the
// contracts union so the compiler checks they agree.

export interface PublishedContractCreated {
  readonly type: 'subcontracting.contract-created.v1';
  readonly data: {
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
    readonly createdAt: string;
  };
}

export interface PublishedSubcontractorAdded {
  readonly type: 'subcontracting.subcontractor-added.v1';
  readonly data: {
    readonly contractId: string;
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
    readonly addedAt: string;
  };
}

export interface PublishedSubcontractEnded {
  readonly type: 'subcontracting.subcontract-ended.v1';
  readonly data: { readonly contractId: string; readonly subcontractId: string; readonly reason: string; readonly endedAt: string };
}

export interface PublishedContractTerminated {
  readonly type: 'subcontracting.contract-terminated.v1';
  readonly data: { readonly contractId: string; readonly reason: string; readonly terminatedAt: string };
}

export interface PublishedContractVaried {
  readonly type: 'subcontracting.contract-varied.v1';
  readonly data: ContractVaried['data'];
}

export interface PublishedSubcontractVaried {
  readonly type: 'subcontracting.subcontract-varied.v1';
  readonly data: SubcontractVaried['data'];
}

export interface PublishedStrandDecommissioned {
  readonly type: 'subcontracting.strand-decommissioned.v1';
  readonly data: Omit<ContractDecommissioned['data'], 'previousEndDate' | 'decidedBy'>;
}

export type SubcontractingPublishedFact =
  | PublishedStrandDecommissioned
  | PublishedContractCreated
  | PublishedSubcontractorAdded
  | PublishedSubcontractEnded
  | PublishedContractTerminated
  | PublishedContractVaried
  | PublishedSubcontractVaried;

export const toIntegrationEvents = (event: ContractEvent): readonly SubcontractingPublishedFact[] => {
  switch (event.type) {
    case 'ContractCreated': {
      // v1 predates the strand and its outcome measures; they stay inside the context.
      const { planId: _planId, strandId: _strandId, outcomeMeasures: _outcomeMeasures, ...data } = event.data;
      return [{ type: 'subcontracting.contract-created.v1', data }];
    }
    case 'SubcontractorAdded': {
      // v1 predates the parent's permission to subcontract further; it stays as published.
      const { mayLetSubcontracts: _mayLetSubcontracts, transferredFrom: _transferredFrom, ...data } = event.data;
      return [{ type: 'subcontracting.subcontractor-added.v1', data }];
    }
    case 'SubcontractEnded': {
      const { contractId, subcontractId, reason, endedAt } = event.data;
      return [{ type: 'subcontracting.subcontract-ended.v1', data: { contractId, subcontractId, reason, endedAt } }];
    }
    case 'ContractTerminated': {
      const { contractId, reason, terminatedAt } = event.data;
      return [{ type: 'subcontracting.contract-terminated.v1', data: { contractId, reason, terminatedAt } }];
    }
    // Internal agreements, returns, ratings and open cases stay inside the context: no other context acts on them yet.
    case 'InternalAgreementMade':
    case 'OutcomeTargetsSet':
    case 'ReturnSubmitted':
    case 'ContractRated':
    case 'DecommissioningCaseOpened':
    case 'DecommissioningCaseAnswered':
    case 'ImprovementPlanRequired':
    case 'TransitionCompleted':
      return [];
    // The tender context re-tenders the strand on this.
    case 'ContractDecommissioned': {
      const { previousEndDate: _previousEndDate, decidedBy: _decidedBy, ...data } = event.data;
      return [{ type: 'subcontracting.strand-decommissioned.v1', data }];
    }
    case 'ContractVaried':
      return [{ type: 'subcontracting.contract-varied.v1', data: { ...event.data } }];
    case 'SubcontractVaried':
      return [{ type: 'subcontracting.subcontract-varied.v1', data: { ...event.data } }];
    default: {
      const unknown: never = event;
      throw new Error(`Unknown contract event ${(unknown as { type: string }).type}`);
    }
  }
};
