import type { RequestContext } from '@tendril/shared/ddd';

export class MakeInternalAgreementCommand {
  constructor(
    readonly input: {
      readonly strandId: string;
      readonly inHouseOrganisationId: string;
      readonly valuePence: number;
      readonly startDate: string;
      readonly endDate: string;
      readonly paymentTermsDays: number;
    },
    readonly context: RequestContext,
  ) {}
}

export class AddSubcontractorCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly parentSubcontractId: string | null;
      readonly subcontractorOrganisationId: string;
      readonly valuePence: number;
      readonly scope: string;
      readonly area: string;
      readonly startDate: string;
      readonly endDate: string;
      readonly paymentTermsDays: number;
      readonly mayLetSubcontracts: boolean;
    },
    readonly context: RequestContext,
  ) {}
}

export class EndSubcontractCommand {
  constructor(
    readonly input: { readonly contractId: string; readonly subcontractId: string; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}

export interface TermsToVary {
  readonly valuePence?: number | null;
  readonly endDate?: string | null;
  readonly scope?: string | null;
}

export class VaryContractCommand {
  constructor(
    readonly input: { readonly contractId: string; readonly changes: TermsToVary; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}

export class VarySubcontractCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly subcontractId: string;
      readonly changes: TermsToVary & { readonly area?: string | null };
      readonly reason: string;
    },
    readonly context: RequestContext,
  ) {}
}

export class SetOutcomeTargetsCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly frameworkRef: string;
      readonly targets: readonly { readonly measure: 'young_people_reached' | 'learning' | 'achievement' | 'progress'; readonly quarterlyTarget: number }[];
    },
    readonly context: RequestContext,
  ) {}
}

export class SubmitReturnCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly period: string;
      readonly subcontractId: string | null;
      readonly figures: {
        readonly youngPeopleReached: number;
        readonly hoursDelivered: number;
        readonly spendPence: number;
        readonly outcomes: { readonly learning: number; readonly achievement: number; readonly progress: number };
      };
      /** A figure for each of the contract's outcome measures. */
      readonly measures?: readonly { readonly measureId: string; readonly value: number }[];
    },
    readonly context: RequestContext,
  ) {}
}

export class RateContractCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly period: string;
      readonly rating: 'good' | 'approaching_target' | 'requires_improvement' | 'inadequate';
      readonly rationale: string;
      readonly evidenceRefs: readonly string[];
    },
    readonly context: RequestContext,
  ) {}
}

export class OpenDecommissioningCaseCommand {
  constructor(
    readonly input: { readonly contractId: string; readonly reason: string; readonly evidenceRefs: readonly string[] },
    readonly context: RequestContext,
  ) {}
}

export class RespondToDecommissioningCaseCommand {
  constructor(
    readonly input: { readonly contractId: string; readonly caseId: string; readonly response: string; readonly evidenceRefs: readonly string[] },
    readonly context: RequestContext,
  ) {}
}

export type TransitionStepInput =
  | { readonly subcontractId: string; readonly outcome: 'ends' }
  | { readonly subcontractId: string; readonly outcome: 'moves-in-house'; readonly toContractId?: string | null }
  | { readonly subcontractId: string; readonly outcome: 'moves-to-prime'; readonly toContractId: string; readonly toPrimeOrganisationId: string };

export class DecideDecommissioningCaseCommand {
  constructor(
    readonly input: {
      readonly contractId: string;
      readonly caseId: string;
      readonly rationale: string;
      readonly decision:
        | { readonly kind: 'improvement_plan'; readonly reviewDate: string }
        | { readonly kind: 'decommission'; readonly noticePeriodDays: number; readonly transition: readonly TransitionStepInput[] };
    },
    readonly context: RequestContext,
  ) {}
}

export interface ContractCommandResult {
  readonly contractId: string;
  readonly subcontractId: string | null;
  readonly position: number | null;
}
