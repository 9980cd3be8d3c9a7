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
  readonly mayLetSubcontracts: boolean;
  readonly addedAt: string;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly transferredFrom: {
    readonly contractId: string;
    readonly subcontractId: string;
    readonly caseId: string;
    readonly reason: string;
    readonly evidenceRefs: readonly string[];
    readonly decidedByUserId: string;
  } | null;
  readonly transferredTo: { readonly contractId: string; readonly subcontractId: string } | null;
}

export interface ContractOutcomeMeasureView {
  readonly measureId: string;
  readonly name: string;
  readonly kind: string;
  readonly target: string;
}

export interface OutcomeTargetsView {
  /** Where in the plan's outcomes framework the targets come from. */
  readonly frameworkRef: string;
  readonly targets: readonly { readonly measure: 'young_people_reached' | 'learning' | 'achievement' | 'progress'; readonly quarterlyTarget: number }[];
}

export interface VariedTermsView {
  readonly valuePence?: number;
  readonly endDate?: string;
  readonly scope?: string;
  readonly area?: string;
}

export interface VariationView {
  readonly variationId: string;
  /** Null for a variation of the prime contract itself. */
  readonly subcontractId: string | null;
  readonly changes: VariedTermsView;
  readonly previous: VariedTermsView;
  readonly reason: string;
  readonly approvedByUserId: string;
  readonly approvedByOrganisationId: string;
  readonly variedAt: string;
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
  readonly status: 'active' | 'terminated' | 'decommissioned';
  /** `awarded` from a tender; `internal` for an in-house strand's agreement (tenderId and bidId are empty). */
  readonly kind: 'awarded' | 'internal';
  readonly outcomeTargets: OutcomeTargetsView | null;
  readonly strandId: string | null;
  readonly outcomeMeasures: readonly ContractOutcomeMeasureView[];
  readonly createdAt: string;
  /** Null while the scope is the one tendered for the lot. */
  readonly scope: string | null;
  /** Variations of the contract and of the subcontracts the reader may see, oldest first. */
  readonly variations: readonly VariationView[];
  /** The part of the chain the reader may see: all of it for the commissioner, prime and auditors; a subcontractor's own branch otherwise. */
  readonly subcontracts: readonly SubcontractView[];
}

export interface ContractFilter {
  readonly tenderId?: string;
  readonly commissionerOrganisationId?: string;
}

/** One organisation delivering under a contract: the prime (tier 0) or a subcontractor. */
export interface SupplyChainNodeView {
  readonly contractId: string;
  readonly tenderId: string;
  readonly lotId: string;
  /** Null for the prime's own node. */
  readonly subcontractId: string | null;
  readonly parentSubcontractId: string | null;
  /** Who let this work: null for the prime (the council let it). */
  readonly parentOrganisationId: string | null;
  readonly organisationId: string;
  readonly tier: number;
  readonly valuePence: number;
  readonly scope: string | null;
  readonly area: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly status: string;
}

export interface SupplyChainTierView {
  readonly tier: number;
  readonly nodeCount: number;
  readonly organisationCount: number;
  readonly valuePence: number;
}

/** A council's supply chain as the reader may see it, answered from the read model. */
export interface SupplyChainView {
  readonly commissionerOrganisationId: string;
  readonly contractCount: number;
  readonly organisationCount: number;
  readonly nodes: readonly SupplyChainNodeView[];
  /** Live nodes per tier: how much of the money reaches each tier, through how many organisations. */
  readonly tiers: readonly SupplyChainTierView[];
}

export interface TransitionStepView {
  readonly subcontractId: string;
  readonly subcontractorOrganisationId: string;
  readonly outcome: 'ends' | 'moves-in-house' | 'moves-to-prime';
  readonly toContractId?: string;
  readonly toPrimeOrganisationId?: string;
  /** Once carried out: `done` or `refused`; null before. */
  readonly result: 'done' | 'refused' | null;
  readonly toSubcontractId: string | null;
  readonly refusalCode: string | null;
  readonly refusal: string | null;
}

export interface DecommissioningCaseView {
  readonly caseId: string;
  readonly contractId: string;
  readonly status: 'open' | 'improvement_plan' | 'decommissioned';
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
  readonly openedByUserId: string;
  readonly openedAt: string;
  readonly response: string | null;
  readonly responseEvidenceRefs: readonly string[];
  readonly respondedByUserId: string | null;
  readonly respondedAt: string | null;
  readonly rationale: string | null;
  readonly decidedByUserId: string | null;
  readonly decidedAt: string | null;
  readonly reviewDate: string | null;
  readonly noticePeriodDays: number | null;
  readonly endDate: string | null;
  readonly transition: readonly TransitionStepView[];
  /** When the platform carried the transition plan out; null before. */
  readonly transitionCompletedAt: string | null;
}

/** Contracts as a reader may see them; the visibility rule is applied here, where data is read. */
export abstract class ContractReadModel {
  abstract findVisibleContract(contractId: string, reader: Actor): Promise<ContractView | null>;
  abstract findVisibleContracts(filter: ContractFilter, reader: Actor): Promise<readonly ContractView[]>;
  /** Every live node (or every node, when `includeEnded`) of the council's contracts that the reader may see. */
  abstract findVisibleSupplyChain(commissionerOrganisationId: string, reader: Actor, includeEnded: boolean): Promise<SupplyChainView>;
  /** The council, the prime and auditors see a contract's decommissioning cases; nobody else does. */
  abstract findDecommissioningCases(contractId: string, reader: Actor): Promise<readonly DecommissioningCaseView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}
