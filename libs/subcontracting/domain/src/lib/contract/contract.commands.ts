import type { Command } from '@tendril/shared/ddd';

/**
 * What the provider registry (bidding context) last said about an organisation, as this context's read
 * model holds it. The handler looks it up; the decider judges it against the command's `now`.
 */
export interface ProviderEligibility {
  readonly registered: boolean;
  /** The latest declaration of each kind of due diligence and when it stops counting (UTC instant). */
  readonly declarations: readonly { readonly kind: string; readonly expiresAt: string }[];
}

/** One measure of a plan's outcomes framework, with the target as the council states it. */
export interface ContractOutcomeMeasure {
  readonly measureId: string;
  readonly name: string;
  /** `learning_achievement_progress`, `reach` or `other`, as the plan names it. */
  readonly kind: string;
  readonly target: string;
}

/** A plan strand's outcomes framework, as published by the tender context when the strand left commissioning. */
export interface StrandOutcomeFramework {
  readonly planId: string;
  readonly strandId: string;
  readonly commissionerOrganisationId: string;
  readonly deliveryModel: string;
  readonly measures: readonly ContractOutcomeMeasure[];
}

/** Issued by the platform on `tender.lot-awarded.v1`. Dates are `YYYY-MM-DD`. */
export type CreateContract = Command<
  'CreateContract',
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
    /** The plan strand the lot commissions, when the award names one. */
    readonly strandId?: string | null;
    /** That strand's outcomes framework, when this context has it: the contract reports against its measures. */
    readonly outcomeFramework?: StrandOutcomeFramework | null;
  }
>;

/**
 * An in-house strand gets an internal agreement with the same shape as an awarded contract, so the
 * council's own team is measured like every prime. Made by the council's commissioner.
 */
export type MakeInternalAgreement = Command<
  'MakeInternalAgreement',
  {
    readonly contractId: string;
    /** The plan's strand (the lot a tender would have had). */
    readonly strandId: string;
    /** The council's in-house team as a provider organisation (not the council itself). */
    readonly inHouseOrganisationId: string;
    readonly valuePence: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly paymentTermsDays: number;
    /** The strand's outcomes framework as this context knows it (null: the strand is not in any plan it has heard of). */
    readonly outcomeFramework: StrandOutcomeFramework | null;
  }
>;

export type AddSubcontractor = Command<
  'AddSubcontractor',
  {
    readonly contractId: string;
    readonly subcontractId: string;
    /** null: directly under the prime; otherwise the subcontract this one sits under (deeper tiers). */
    readonly parentSubcontractId: string | null;
    readonly subcontractorOrganisationId: string;
    readonly valuePence: number;
    readonly scope: string;
    /** Where the work is delivered (e.g. a borough or ward). */
    readonly area: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly paymentTermsDays: number;
    /** Whether the subcontractor may let part of this work further down (the parent decides; default no). */
    readonly mayLetSubcontracts?: boolean;
    /** The registry's facts about the subcontractor: only registered providers with current due diligence take on work. */
    readonly subcontractorEligibility: ProviderEligibility;
  }
>;

export type EndSubcontract = Command<
  'EndSubcontract',
  { readonly contractId: string; readonly subcontractId: string; readonly reason: string }
>;

export type TerminateContract = Command<'TerminateContract', { readonly contractId: string; readonly reason: string }>;

/** The terms a variation may change; omitted or null terms stay as they are. */
export interface VariedTerms {
  readonly valuePence?: number | null;
  readonly endDate?: string | null;
  readonly scope?: string | null;
}

/** The commissioner varies the prime contract; the acting commissioner is recorded as the approver. */
export type VaryContract = Command<
  'VaryContract',
  { readonly contractId: string; readonly variationId: string; readonly changes: VariedTerms; readonly reason: string }
>;

/** The organisation that let a subcontract varies it; its acting user is recorded as the approver. */
export type VarySubcontract = Command<
  'VarySubcontract',
  {
    readonly contractId: string;
    readonly subcontractId: string;
    readonly variationId: string;
    readonly changes: VariedTerms & { readonly area?: string | null };
    readonly reason: string;
  }
>;

export const OUTCOME_MEASURES = ['young_people_reached', 'learning', 'achievement', 'progress'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/**
 * The commissioner sets the contract's outcome measures and quarterly targets, taken from the plan's
 * outcomes framework (`frameworkRef` says where). Replaces any earlier targets.
 */
export type SetOutcomeTargets = Command<
  'SetOutcomeTargets',
  {
    readonly contractId: string;
    readonly frameworkRef: string;
    readonly targets: readonly { readonly measure: OutcomeMeasure; readonly quarterlyTarget: number }[];
  }
>;

/** What one organisation delivered itself in a quarter: its subcontractors report their own. */
export interface DeliveryFigures {
  readonly youngPeopleReached: number;
  readonly hoursDelivered: number;
  readonly spendPence: number;
  /** Young people with each outcome in the quarter. */
  readonly outcomes: { readonly learning: number; readonly achievement: number; readonly progress: number };
}

/** A delivering organisation's quarterly return: the prime (subcontractId null) or a subcontractor. */
export type SubmitReturn = Command<
  'SubmitReturn',
  {
    readonly contractId: string;
    readonly returnId: string;
    /** Calendar quarter, `YYYY-Qn` (Q1 = January to March). */
    readonly period: string;
    readonly subcontractId: string | null;
    readonly figures: DeliveryFigures;
    /** One figure per outcome measure on the contract (young people with that outcome in the quarter). */
    readonly measures?: readonly MeasureFigure[];
  }
>;

export interface MeasureFigure {
  readonly measureId: string;
  readonly value: number;
}

export const CONTRACT_RATINGS = ['good', 'approaching_target', 'requires_improvement', 'inadequate'] as const;
export type ContractRating = (typeof CONTRACT_RATINGS)[number];

/** The commissioner's rating of a contract for a quarter, with the evidence it relied on. */
export type RateContract = Command<
  'RateContract',
  {
    readonly contractId: string;
    readonly period: string;
    readonly rating: ContractRating;
    readonly rationale: string;
    readonly evidenceRefs: readonly string[];
  }
>;

/** The commissioner opens a case to decommission a contract, on evidence (returns, ratings, value-for-money figures). */
export type OpenDecommissioningCase = Command<
  'OpenDecommissioningCase',
  { readonly contractId: string; readonly caseId: string; readonly reason: string; readonly evidenceRefs: readonly string[] }
>;

/** The prime answers the case before the commissioner decides. */
export type RespondToDecommissioningCase = Command<
  'RespondToDecommissioningCase',
  { readonly contractId: string; readonly caseId: string; readonly response: string; readonly evidenceRefs: readonly string[] }
>;

/** What happens to one live subcontract when its contract is decommissioned. */
export type TransitionStep =
  | { readonly subcontractId: string; readonly outcome: 'ends' }
  /** Under the council's in-house internal agreement: the one named, or else the one for this contract's strand. */
  | { readonly subcontractId: string; readonly outcome: 'moves-in-house'; readonly toContractId?: string | null }
  | { readonly subcontractId: string; readonly outcome: 'moves-to-prime'; readonly toContractId: string; readonly toPrimeOrganisationId: string };

/** What the read model says about a contract a subcontract could move under (the handler looks these up). */
export interface TransitionTarget {
  readonly contractId: string;
  readonly kind: 'awarded' | 'internal';
  readonly commissionerOrganisationId: string;
  readonly primeOrganisationId: string;
  readonly strandId: string | null;
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The contract's value less its live tier-1 subcontracts: what its prime may still let. */
  readonly headroomPence: number;
}

/** One subcontract moving under this contract, with its terms kept; ids are given by the platform. */
export interface IncomingSubcontract {
  readonly subcontractId: string;
  /** Null: directly under this contract's prime; otherwise another subcontract moving in the same batch. */
  readonly parentSubcontractId: string | null;
  readonly fromSubcontractId: string;
  readonly subcontractorOrganisationId: string;
  readonly valuePence: number;
  readonly scope: string;
  readonly area: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentTermsDays: number;
  readonly mayLetSubcontracts: boolean;
}

/** The platform carries out a decided transition plan: subcontracts move under this contract (another prime's, or the in-house agreement). */
export type TakeOverSubcontracts = Command<
  'TakeOverSubcontracts',
  {
    readonly contractId: string;
    readonly fromContractId: string;
    readonly caseId: string;
    readonly reason: string;
    readonly evidenceRefs: readonly string[];
    readonly decidedBy: { readonly userId: string; readonly organisationId: string };
    readonly subcontracts: readonly IncomingSubcontract[];
  }
>;

/** How one step of a transition plan was carried out. */
export type TransitionStepResult =
  | { readonly subcontractId: string; readonly outcome: 'ends'; readonly result: 'done' }
  | {
      readonly subcontractId: string;
      readonly outcome: 'moves-in-house' | 'moves-to-prime';
      readonly result: 'done';
      readonly toContractId: string;
      readonly toSubcontractId: string;
    }
  | {
      readonly subcontractId: string;
      readonly outcome: 'moves-in-house' | 'moves-to-prime';
      readonly result: 'refused';
      readonly toContractId: string;
      readonly refusalCode: string;
      readonly refusal: string;
    };

/** The platform records the plan carried out on the decommissioned contract: ended and moved work leaves its chain. */
export type CompleteTransition = Command<
  'CompleteTransition',
  { readonly contractId: string; readonly caseId: string; readonly steps: readonly TransitionStepResult[] }
>;

export type DecideDecommissioningCase = Command<
  'DecideDecommissioningCase',
  {
    readonly contractId: string;
    readonly caseId: string;
    readonly rationale: string;
    readonly decision:
      | { readonly kind: 'improvement_plan'; readonly reviewDate: string }
      | { readonly kind: 'decommission'; readonly noticePeriodDays: number; readonly transition: readonly TransitionStep[] };
    /** Contracts the plan's moves could land under (named ones and the council's in-house agreements). */
    readonly transitionTargets?: readonly TransitionTarget[];
    /** The registry's facts about the chain's subcontractors, by organisation: work moves only to providers with current due diligence. */
    readonly subcontractorEligibility?: Readonly<Record<string, ProviderEligibility>>;
  }
>;

export type ContractCommand =
  | TakeOverSubcontracts
  | CompleteTransition
  | SetOutcomeTargets
  | MakeInternalAgreement
  | OpenDecommissioningCase
  | RespondToDecommissioningCase
  | DecideDecommissioningCase
  | CreateContract
  | AddSubcontractor
  | EndSubcontract
  | TerminateContract
  | VaryContract
  | VarySubcontract
  | SubmitReturn
  | RateContract;
