import type { DomainEvent } from '@tendril/shared/ddd';
import type { ContractOutcomeMeasure, TransitionStepResult } from './contract.commands';

export type ContractCreated = DomainEvent<
  'ContractCreated',
  {
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
    /** Absent on contracts created before awards named their strand. */
    readonly planId?: string | null;
    readonly strandId?: string | null;
    /** The strand's outcome measures with their targets, from the plan's outcomes framework; absent or empty: none known. */
    readonly outcomeMeasures?: readonly ContractOutcomeMeasure[];
  }
>;

export type InternalAgreementMade = DomainEvent<
  'InternalAgreementMade',
  {
    readonly contractId: string;
    readonly strandId: string;
    readonly commissionerOrganisationId: string;
    readonly inHouseOrganisationId: string;
    readonly valuePence: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly paymentTermsDays: number;
    readonly madeAt: string;
    /** Absent on agreements made before strands' outcomes frameworks reached this context. */
    readonly planId?: string;
    readonly outcomeMeasures?: readonly ContractOutcomeMeasure[];
  }
>;

export type SubcontractorAdded = DomainEvent<
  'SubcontractorAdded',
  {
    readonly contractId: string;
    readonly subcontractId: string;
    readonly parentSubcontractId: string | null;
    /** Who let the subcontract: the prime, or the parent subcontractor. */
    readonly parentOrganisationId: string;
    readonly subcontractorOrganisationId: string;
    /** 1 directly under the prime, 2 under a tier-1 subcontractor, and so on. */
    readonly tier: number;
    readonly valuePence: number;
    readonly scope: string;
    readonly area: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly paymentTermsDays: number;
    readonly addedAt: string;
    /** Absent on subcontracts recorded before the parent could decide; those were allowed to subcontract. */
    readonly mayLetSubcontracts?: boolean;
    /** Present when the subcontract moved here under a decommissioned contract's transition plan. */
    readonly transferredFrom?: TransferRecord;
  }
>;

/** Where moved work came from, on whose decision, why and on what evidence. */
export interface TransferRecord {
  readonly contractId: string;
  readonly subcontractId: string;
  readonly caseId: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
  readonly decidedBy: { readonly userId: string; readonly organisationId: string };
}

export type SubcontractEnded = DomainEvent<
  'SubcontractEnded',
  {
    readonly contractId: string;
    readonly subcontractId: string;
    readonly reason: string;
    /** The value given back to the parent's headroom. */
    readonly releasedValuePence: number;
    readonly endedAt: string;
    /** Present when a decommissioning case's transition plan ended it; `transferredTo` when the work moved rather than stopped. */
    readonly caseId?: string;
    readonly transferredTo?: { readonly contractId: string; readonly subcontractId: string };
  }
>;

export type ContractTerminated = DomainEvent<
  'ContractTerminated',
  { readonly contractId: string; readonly reason: string; readonly terminatedAt: string }
>;

/** Only the terms that changed; `previous` holds the same keys as they were. */
export interface TermChanges {
  readonly valuePence?: number;
  readonly endDate?: string;
  readonly scope?: string;
  readonly area?: string;
}

export interface VariationApprover {
  readonly userId: string;
  readonly organisationId: string;
}

export type ContractVaried = DomainEvent<
  'ContractVaried',
  {
    readonly contractId: string;
    readonly variationId: string;
    readonly changes: TermChanges;
    readonly previous: TermChanges;
    readonly reason: string;
    readonly approvedBy: VariationApprover;
    readonly variedAt: string;
  }
>;

export type SubcontractVaried = DomainEvent<
  'SubcontractVaried',
  {
    readonly contractId: string;
    readonly subcontractId: string;
    readonly variationId: string;
    readonly changes: TermChanges;
    readonly previous: TermChanges;
    readonly reason: string;
    readonly approvedBy: VariationApprover;
    readonly variedAt: string;
  }
>;

export type OutcomeTargetsSet = DomainEvent<
  'OutcomeTargetsSet',
  {
    readonly contractId: string;
    readonly frameworkRef: string;
    readonly targets: readonly { readonly measure: 'young_people_reached' | 'learning' | 'achievement' | 'progress'; readonly quarterlyTarget: number }[];
    readonly setAt: string;
  }
>;

export type ReturnSubmitted = DomainEvent<
  'ReturnSubmitted',
  {
    readonly contractId: string;
    readonly returnId: string;
    readonly period: string;
    readonly subcontractId: string | null;
    readonly organisationId: string;
    /** 0 for the prime's own delivery. */
    readonly tier: number;
    readonly youngPeopleReached: number;
    readonly hoursDelivered: number;
    readonly spendPence: number;
    readonly outcomes: { readonly learning: number; readonly achievement: number; readonly progress: number };
    readonly submittedAt: string;
    /** One figure per outcome measure on the contract, with the measure's kind; absent on contracts without measures. */
    readonly measures?: readonly { readonly measureId: string; readonly kind: string; readonly value: number }[];
  }
>;

export type ContractRated = DomainEvent<
  'ContractRated',
  {
    readonly contractId: string;
    readonly period: string;
    readonly rating: 'good' | 'approaching_target' | 'requires_improvement' | 'inadequate';
    readonly rationale: string;
    readonly evidenceRefs: readonly string[];
    readonly ratedAt: string;
  }
>;

export type DecommissioningCaseOpened = DomainEvent<
  'DecommissioningCaseOpened',
  { readonly contractId: string; readonly caseId: string; readonly reason: string; readonly evidenceRefs: readonly string[]; readonly openedAt: string }
>;

export type DecommissioningCaseAnswered = DomainEvent<
  'DecommissioningCaseAnswered',
  { readonly contractId: string; readonly caseId: string; readonly response: string; readonly evidenceRefs: readonly string[]; readonly answeredAt: string }
>;

export type ImprovementPlanRequired = DomainEvent<
  'ImprovementPlanRequired',
  { readonly contractId: string; readonly caseId: string; readonly rationale: string; readonly reviewDate: string; readonly decidedAt: string }
>;

export type TransitionOutcome =
  | { readonly subcontractId: string; readonly subcontractorOrganisationId: string; readonly outcome: 'ends' }
  /** `toContractId` is the in-house agreement (absent on plans decided before moves were carried out). */
  | { readonly subcontractId: string; readonly subcontractorOrganisationId: string; readonly outcome: 'moves-in-house'; readonly toContractId?: string }
  | {
      readonly subcontractId: string;
      readonly subcontractorOrganisationId: string;
      readonly outcome: 'moves-to-prime';
      readonly toContractId: string;
      readonly toPrimeOrganisationId: string;
    };

/** The transition plan as carried out: each step done or, for a move its target refused, why. */
export type TransitionCompleted = DomainEvent<
  'TransitionCompleted',
  { readonly contractId: string; readonly caseId: string; readonly steps: readonly TransitionStepResult[]; readonly completedAt: string }
>;

export type ContractDecommissioned = DomainEvent<
  'ContractDecommissioned',
  {
    readonly contractId: string;
    readonly caseId: string;
    readonly tenderId: string;
    readonly lotId: string;
    readonly commissionerOrganisationId: string;
    readonly primeOrganisationId: string;
    readonly valuePence: number;
    readonly rationale: string;
    /** The case's evidence, with the prime's response evidence. */
    readonly evidenceRefs: readonly string[];
    readonly noticePeriodDays: number;
    /** The last day the prime delivers: the decision date plus the notice period. */
    readonly endDate: string;
    readonly previousEndDate: string;
    readonly transition: readonly TransitionOutcome[];
    readonly decidedAt: string;
    /** Absent on decisions recorded before plans were carried out. */
    readonly decidedBy?: { readonly userId: string; readonly organisationId: string };
  }
>;

export type ContractEvent =
  | TransitionCompleted
  | OutcomeTargetsSet
  | InternalAgreementMade
  | DecommissioningCaseOpened
  | DecommissioningCaseAnswered
  | ImprovementPlanRequired
  | ContractDecommissioned
  | ContractCreated
  | SubcontractorAdded
  | SubcontractEnded
  | ContractTerminated
  | ContractVaried
  | SubcontractVaried
  | ReturnSubmitted
  | ContractRated;

export const CONTRACT_EVENT_TYPES: readonly ContractEvent['type'][] = [
  'ContractCreated',
  'SubcontractorAdded',
  'SubcontractEnded',
  'ContractTerminated',
  'ContractVaried',
  'SubcontractVaried',
  'ReturnSubmitted',
  'ContractRated',
  'DecommissioningCaseOpened',
  'DecommissioningCaseAnswered',
  'ImprovementPlanRequired',
  'ContractDecommissioned',
  'InternalAgreementMade',
  'OutcomeTargetsSet',
  'TransitionCompleted',
];
