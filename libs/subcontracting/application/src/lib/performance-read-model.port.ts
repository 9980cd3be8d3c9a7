import type { Actor } from '@tendril/shared/event-store';

export interface DeliveryTotals {
  readonly youngPeopleReached: number;
  readonly hoursDelivered: number;
  readonly spendPence: number;
  readonly learning: number;
  readonly achievement: number;
  readonly progress: number;
}

export interface ReturnView extends DeliveryTotals {
  readonly returnId: string;
  readonly period: string;
  readonly subcontractId: string | null;
  readonly organisationId: string;
  readonly tier: number;
  readonly submittedAt: string;
  /** The figure for each of the contract's outcome measures (empty when it has none). */
  readonly measures: readonly { readonly measureId: string; readonly value: number }[];
}

export interface OutcomeMeasureProgressView {
  readonly measureId: string;
  readonly name: string;
  readonly kind: string;
  readonly target: string;
  readonly actual: number;
}

export interface RatingView {
  readonly period: string;
  readonly rating: string;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly ratedByUserId: string;
  readonly ratedAt: string;
}

export interface PeriodPerformanceView {
  readonly period: string;
  /** The returns the reader may see, prime first then down the chain. */
  readonly returns: readonly ReturnView[];
  /** The sum of those returns: for the prime and the council, the whole chain's delivery. */
  readonly chainTotals: DeliveryTotals;
  readonly rating: RatingView | null;
  /** The chain's delivery against each quarterly target (for the council, the prime and auditors). */
  readonly againstTargets: readonly TargetProgressView[];
  /** The visible returns against each of the contract's outcome measures. */
  readonly outcomeMeasures: readonly OutcomeMeasureProgressView[];
}

export interface TargetProgressView {
  readonly measure: string;
  readonly target: number;
  readonly actual: number;
  /** Whole percent of the target reached; null for a target of zero. */
  readonly percentOfTarget: number | null;
}

export interface ContractPerformanceView {
  readonly contractId: string;
  readonly periods: readonly PeriodPerformanceView[];
}

/** Delivery and what it cost: cost per young person reached and per outcome achieved (null when there is none). */
export interface ValueForMoneyFigures extends DeliveryTotals {
  readonly outcomesAchieved: number;
  readonly costPerYoungPersonPence: number | null;
  readonly costPerOutcomePence: number | null;
}

export interface ProviderValueView extends ValueForMoneyFigures {
  readonly organisationId: string;
}

export interface StrandValueView extends ValueForMoneyFigures {
  readonly contractId: string;
  readonly lotId: string;
  readonly primeOrganisationId: string;
}

export interface ValueForMoneyView {
  readonly commissionerOrganisationId: string;
  /** Null: every quarter reported so far. */
  readonly period: string | null;
  readonly council: ValueForMoneyFigures;
  /** Each delivering organisation's own delivery, cheapest per young person first. */
  readonly byProvider: readonly ProviderValueView[];
  /** Each contract's whole chain. */
  readonly byStrand: readonly StrandValueView[];
}

export interface CouncilBenchmarkView extends ValueForMoneyFigures {
  /** `your council` for the reader's own; other councils are anonymous (`council 1`, `council 2`, ...). */
  readonly label: string;
  readonly yours: boolean;
}

export abstract class PerformanceReadModel {
  /** Null when the reader may not see the contract. */
  abstract findContractPerformance(contractId: string, reader: Actor): Promise<ContractPerformanceView | null>;
  abstract findValueForMoney(commissionerOrganisationId: string, period: string | null, reader: Actor): Promise<ValueForMoneyView>;
  /** Every council on the platform with returns, cheapest per young person first; only the reader's own is named. */
  abstract findCouncilBenchmarks(period: string | null, reader: Actor): Promise<readonly CouncilBenchmarkView[]>;
}
