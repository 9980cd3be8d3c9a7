import type { ContractOutcomeMeasure } from './contract.commands';
import type { ContractEvent, TermChanges, TransitionOutcome } from './contract.events';

export interface Subcontract {
  readonly subcontractId: string;
  readonly parentSubcontractId: string | null;
  readonly organisationId: string;
  readonly tier: number;
  readonly valuePence: number;
  readonly scope: string;
  readonly area: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly status: 'active' | 'ended';
  readonly mayLetSubcontracts: boolean;
}

export interface NoContract {
  readonly status: 'none';
}

export interface DecommissioningCase {
  readonly caseId: string;
  readonly status: 'open' | 'improvement_plan' | 'decommissioned';
  readonly evidenceRefs: readonly string[];
  readonly answered: boolean;
  /** The decided transition plan (empty until decommissioned), and whether the platform has carried it out. */
  readonly transition: readonly TransitionOutcome[];
  readonly transitionCompleted: boolean;
}

/**
 * A contract stays `active` until terminated or decommissioned (it then runs out its notice period, taking
 * no new work); it also stops accepting changes after its end date.
 */
export interface ExistingContract {
  readonly status: 'active' | 'terminated' | 'decommissioned';
  readonly decommissioningCases: readonly DecommissioningCase[];
  /** `awarded` from a tender; `internal` for an in-house strand's agreement (no tender or bid: empty ids). */
  readonly kind: 'awarded' | 'internal';
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
  /** The plan strand the contract delivers (null for awards that did not name one). */
  readonly strandId: string | null;
  /** The strand's outcome measures with targets: every return reports a figure for each. */
  readonly outcomeMeasures: readonly ContractOutcomeMeasure[];
  /** The scope as varied by the commissioner; null while it is the scope tendered for the lot. */
  readonly scope: string | null;
  /** Every variation id used on this contract or its subcontracts: a variation is recorded once. */
  readonly variationIds: readonly string[];
  /** `period|subcontractId-or-prime` of every return received: one return per organisation and quarter. */
  readonly returnsReceived: readonly string[];
  /** Each quarter's rating, oldest first. */
  readonly ratings: readonly { readonly period: string; readonly rating: string }[];
  /** The whole supply chain under the prime, in the order subcontracts were added. */
  readonly subcontracts: readonly Subcontract[];
}

export type ContractState = NoContract | ExistingContract;

export const initialContractState = (): ContractState => ({ status: 'none' });

const existing = (state: ContractState, eventType: string): ExistingContract => {
  if (state.status === 'none') throw new Error(`${eventType} applied to a contract that was never created`);
  return state;
};

export const returnKey = (period: string, subcontractId: string | null): string => `${period}|${subcontractId ?? 'prime'}`;

const withTerms = (changes: TermChanges): TermChanges => {
  const { valuePence, endDate, scope, area } = changes;
  return {
    ...(valuePence === undefined ? {} : { valuePence }),
    ...(endDate === undefined ? {} : { endDate }),
    ...(scope === undefined ? {} : { scope }),
    ...(area === undefined ? {} : { area }),
  };
};

export const evolveContract = (state: ContractState, event: ContractEvent): ContractState => {
  switch (event.type) {
    case 'ContractCreated': {
      const { createdAt: _createdAt, planId: _planId, strandId, outcomeMeasures, ...terms } = event.data;
      return { status: 'active', kind: 'awarded', ...terms, strandId: strandId ?? null, outcomeMeasures: outcomeMeasures ?? [], scope: null, variationIds: [], returnsReceived: [], ratings: [], decommissioningCases: [], subcontracts: [] };
    }
    case 'InternalAgreementMade': {
      const d = event.data;
      return {
        status: 'active',
        kind: 'internal',
        contractId: d.contractId,
        tenderId: '',
        lotId: d.strandId,
        bidId: '',
        commissionerOrganisationId: d.commissionerOrganisationId,
        primeOrganisationId: d.inHouseOrganisationId,
        valuePence: d.valuePence,
        startDate: d.startDate,
        endDate: d.endDate,
        paymentTermsDays: d.paymentTermsDays,
        strandId: d.strandId,
        outcomeMeasures: d.outcomeMeasures ?? [],
        scope: null,
        variationIds: [],
        returnsReceived: [],
        ratings: [],
        decommissioningCases: [],
        subcontracts: [],
      };
    }
    case 'SubcontractorAdded': {
      const contract = existing(state, event.type);
      const { data } = event;
      const subcontract: Subcontract = {
        subcontractId: data.subcontractId,
        parentSubcontractId: data.parentSubcontractId,
        organisationId: data.subcontractorOrganisationId,
        tier: data.tier,
        valuePence: data.valuePence,
        scope: data.scope,
        area: data.area,
        startDate: data.startDate,
        endDate: data.endDate,
        paymentTermsDays: data.paymentTermsDays,
        status: 'active',
        mayLetSubcontracts: data.mayLetSubcontracts ?? true,
      };
      return { ...contract, subcontracts: [...contract.subcontracts, subcontract] };
    }
    case 'SubcontractEnded': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        subcontracts: contract.subcontracts.map((subcontract) =>
          subcontract.subcontractId === event.data.subcontractId ? { ...subcontract, status: 'ended' } : subcontract,
        ),
      };
    }
    case 'ContractTerminated':
      return { ...existing(state, event.type), status: 'terminated' };
    case 'ContractVaried': {
      const contract = existing(state, event.type);
      return { ...contract, ...withTerms(event.data.changes), variationIds: [...contract.variationIds, event.data.variationId] };
    }
    case 'SubcontractVaried': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        variationIds: [...contract.variationIds, event.data.variationId],
        subcontracts: contract.subcontracts.map((subcontract) =>
          subcontract.subcontractId === event.data.subcontractId ? { ...subcontract, ...withTerms(event.data.changes) } : subcontract,
        ),
      };
    }
    // Targets shape no later decision yet: they are read-model facts for ratings and value for money.
    case 'OutcomeTargetsSet':
      return existing(state, event.type);
    case 'ReturnSubmitted': {
      const contract = existing(state, event.type);
      return { ...contract, returnsReceived: [...contract.returnsReceived, returnKey(event.data.period, event.data.subcontractId)] };
    }
    case 'ContractRated': {
      const contract = existing(state, event.type);
      return { ...contract, ratings: [...contract.ratings, { period: event.data.period, rating: event.data.rating }] };
    }
    case 'DecommissioningCaseOpened': {
      const contract = existing(state, event.type);
      const opened: DecommissioningCase = {
        caseId: event.data.caseId,
        status: 'open',
        evidenceRefs: event.data.evidenceRefs,
        answered: false,
        transition: [],
        transitionCompleted: false,
      };
      return { ...contract, decommissioningCases: [...contract.decommissioningCases, opened] };
    }
    case 'DecommissioningCaseAnswered': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        decommissioningCases: contract.decommissioningCases.map((c) =>
          c.caseId === event.data.caseId ? { ...c, answered: true, evidenceRefs: [...c.evidenceRefs, ...event.data.evidenceRefs] } : c,
        ),
      };
    }
    case 'ImprovementPlanRequired': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        decommissioningCases: contract.decommissioningCases.map((c) => (c.caseId === event.data.caseId ? { ...c, status: 'improvement_plan' } : c)),
      };
    }
    case 'ContractDecommissioned': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        status: 'decommissioned',
        endDate: event.data.endDate,
        decommissioningCases: contract.decommissioningCases.map((c) =>
          c.caseId === event.data.caseId ? { ...c, status: 'decommissioned', transition: event.data.transition } : c,
        ),
      };
    }
    case 'TransitionCompleted': {
      const contract = existing(state, event.type);
      return {
        ...contract,
        decommissioningCases: contract.decommissioningCases.map((c) => (c.caseId === event.data.caseId ? { ...c, transitionCompleted: true } : c)),
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown contract event ${(unknown as { type: string }).type}`);
    }
  }
};
