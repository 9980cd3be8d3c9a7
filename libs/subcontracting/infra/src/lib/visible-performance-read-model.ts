import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainRuleBroken } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import {
  type ContractOutcomeMeasureView,
  type ContractPerformanceView,
  ContractReadModel,
  type OutcomeMeasureProgressView,
  type CouncilBenchmarkView,
  type DeliveryTotals,
  PerformanceReadModel,
  type PeriodPerformanceView,
  type ProviderValueView,
  type ReturnView,
  type StrandValueView,
  type TargetProgressView,
  type ValueForMoneyFigures,
  type ValueForMoneyView,
} from '@tendril/subcontracting/application';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { RatingRow, ReturnRow } from './contract-read-model.entities';

/** Delivery sums, with the young people who achieved an outcome as the returns counted them. */
type SummedDelivery = DeliveryTotals & { readonly outcomesAchieved: number };

const NO_DELIVERY: SummedDelivery = { youngPeopleReached: 0, hoursDelivered: 0, spendPence: 0, learning: 0, achievement: 0, progress: 0, outcomesAchieved: 0 };
const TOTAL_COLUMNS = Object.keys(NO_DELIVERY) as (keyof SummedDelivery)[];

const addUp = (rows: readonly SummedDelivery[]): SummedDelivery =>
  rows.reduce<SummedDelivery>(
    (sum, row) => Object.fromEntries(TOTAL_COLUMNS.map((column) => [column, sum[column] + row[column]])) as unknown as SummedDelivery,
    NO_DELIVERY,
  );

/**
 * Cost per young person reached and per outcome achieved. Outcomes are the contract's outcome measures
 * from the plan's framework where it has them (reach aside), else learning + achievement + progress.
 */
export const valueForMoney = (totals: DeliveryTotals & { readonly outcomesAchieved?: number }): ValueForMoneyFigures => {
  const outcomesAchieved = totals.outcomesAchieved ?? totals.learning + totals.achievement + totals.progress;
  const { outcomesAchieved: _counted, ...delivery } = totals;
  return {
    ...delivery,
    outcomesAchieved,
    costPerYoungPersonPence: totals.youngPeopleReached > 0 ? Math.round(totals.spendPence / totals.youngPeopleReached) : null,
    costPerOutcomePence: outcomesAchieved > 0 ? Math.round(totals.spendPence / outcomesAchieved) : null,
  };
};

/** Cheapest per young person first; those that reached nobody last. */
const byCostPerYoungPerson = (a: ValueForMoneyFigures, b: ValueForMoneyFigures): number =>
  (a.costPerYoungPersonPence ?? Number.MAX_SAFE_INTEGER) - (b.costPerYoungPersonPence ?? Number.MAX_SAFE_INTEGER);

const toReturnView = (row: ReturnRow): ReturnView => ({
  returnId: row.returnId,
  period: row.period,
  subcontractId: row.subcontractId,
  organisationId: row.organisationId,
  tier: row.tier,
  youngPeopleReached: row.youngPeopleReached,
  hoursDelivered: row.hoursDelivered,
  spendPence: row.spendPence,
  learning: row.learning,
  achievement: row.achievement,
  progress: row.progress,
  submittedAt: row.submittedAt,
  measures: row.measures ? (JSON.parse(row.measures) as { measureId: string; value: number }[]).map(({ measureId, value }) => ({ measureId, value })) : [],
});

const deliveryOf = (row: ReturnRow): SummedDelivery =>
  Object.fromEntries(TOTAL_COLUMNS.map((column) => [column, row[column]])) as unknown as SummedDelivery;

/** Each of the contract's outcome measures, with the returns' figures for it added up. */
export const againstMeasures = (measures: readonly ContractOutcomeMeasureView[], returns: readonly ReturnView[]): OutcomeMeasureProgressView[] =>
  measures.map((measure) => ({
    ...measure,
    actual: returns.reduce((sum, r) => sum + (r.measures.find((m) => m.measureId === measure.measureId)?.value ?? 0), 0),
  }));

const ACTUAL_OF: Record<string, keyof DeliveryTotals> = {
  young_people_reached: 'youngPeopleReached',
  learning: 'learning',
  achievement: 'achievement',
  progress: 'progress',
};

export const againstTargets = (
  targets: readonly { readonly measure: string; readonly quarterlyTarget: number }[],
  totals: DeliveryTotals,
): TargetProgressView[] =>
  targets.map(({ measure, quarterlyTarget }) => {
    const column = ACTUAL_OF[measure];
    const actual = column ? totals[column] : 0;
    return { measure, target: quarterlyTarget, actual, percentOfTarget: quarterlyTarget > 0 ? Math.round((actual * 100) / quarterlyTarget) : null };
  });

export class PerformanceFiguresNotVisible extends DomainRuleBroken {
  constructor() {
    super('NOT_ALLOWED_TO_READ_VALUE_FOR_MONEY', 'Value-for-money figures are for the council’s commissioners and auditors');
  }
}

const seesEverything = (reader: Actor): boolean => reader.role === 'auditor' || reader.role === 'admin';

/**
 * Returns, ratings and value-for-money sums, all from read-model rows (grouped in SQL, never replayed).
 * A contract's returns follow the supply-chain visibility; value for money is for the council's commissioners and auditors.
 */
@Injectable()
export class VisiblePerformanceReadModel extends PerformanceReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractReadModel,
  ) {
    super();
  }

  async findContractPerformance(contractId: string, reader: Actor): Promise<ContractPerformanceView | null> {
    const contract = await this.contracts.findVisibleContract(contractId, reader);
    if (!contract) return null;
    const whole =
      seesEverything(reader) ||
      reader.organisationId === contract.commissionerOrganisationId ||
      reader.organisationId === contract.primeOrganisationId;
    const visibleSubcontracts = new Set(contract.subcontracts.map((s) => s.subcontractId));
    const [returns, ratings] = await Promise.all([
      this.dataSource.getRepository(ReturnRow).find({ where: { contractId }, order: { period: 'ASC', tier: 'ASC', position: 'ASC' } }),
      whole ? this.dataSource.getRepository(RatingRow).find({ where: { contractId }, order: { period: 'ASC' } }) : Promise.resolve([]),
    ]);
    const visible = returns.filter((r) => (r.subcontractId === null ? whole : visibleSubcontracts.has(r.subcontractId)));
    const periods = [...new Set([...visible.map((r) => r.period), ...ratings.map((r) => r.period)])].sort();
    return {
      contractId,
      periods: periods.map((period): PeriodPerformanceView => {
        const rows = visible.filter((r) => r.period === period);
        const inPeriod = rows.map(toReturnView);
        const rating = ratings.find((r) => r.period === period);
        const { outcomesAchieved: _outcomesAchieved, ...chainTotals } = addUp(rows.map(deliveryOf));
        return {
          period,
          returns: inPeriod,
          chainTotals,
          againstTargets: whole ? againstTargets(contract.outcomeTargets?.targets ?? [], chainTotals) : [],
          outcomeMeasures: againstMeasures(contract.outcomeMeasures, inPeriod),
          rating: rating
            ? {
                period,
                rating: rating.rating,
                rationale: rating.rationale,
                evidenceRefs: JSON.parse(rating.evidenceRefs) as string[],
                ratedByUserId: rating.ratedByUserId,
                ratedAt: rating.ratedAt,
              }
            : null,
        };
      }),
    };
  }

  async findValueForMoney(commissionerOrganisationId: string, period: string | null, reader: Actor): Promise<ValueForMoneyView> {
    const isCouncil = reader.role === 'commissioner' && reader.organisationId === commissionerOrganisationId;
    if (!isCouncil && !seesEverything(reader)) throw new PerformanceFiguresNotVisible();
    const scoped = (groupColumns: readonly string[]) => {
      const query = this.sums(groupColumns).where('r.commissionerOrganisationId = :council', { council: commissionerOrganisationId });
      if (period) query.andWhere('r.period = :period', { period });
      return query.getRawMany<Record<string, string | number>>();
    };
    const [providers, strands] = await Promise.all([scoped(['organisationId']), scoped(['contractId', 'lotId', 'primeOrganisationId'])]);
    const byProvider: ProviderValueView[] = providers
      .map((row) => ({ organisationId: String(row['organisationId']), ...valueForMoney(totalsOf(row)) }))
      .sort(byCostPerYoungPerson);
    const byStrand: StrandValueView[] = strands
      .map((row) => ({
        contractId: String(row['contractId']),
        lotId: String(row['lotId']),
        primeOrganisationId: String(row['primeOrganisationId']),
        ...valueForMoney(totalsOf(row)),
      }))
      .sort((a, b) => a.lotId.localeCompare(b.lotId));
    return { commissionerOrganisationId, period, council: valueForMoney(addUp(byProvider)), byProvider, byStrand };
  }

  async findCouncilBenchmarks(period: string | null, reader: Actor): Promise<readonly CouncilBenchmarkView[]> {
    if (reader.role !== 'commissioner' && !seesEverything(reader)) throw new PerformanceFiguresNotVisible();
    const query = this.sums(['commissionerOrganisationId']);
    if (period) query.where('r.period = :period', { period });
    const rows = await query.getRawMany<Record<string, string | number>>();
    const councils = rows
      .map((row) => ({ yours: row['commissionerOrganisationId'] === reader.organisationId, ...valueForMoney(totalsOf(row)) }))
      .sort(byCostPerYoungPerson);
    // Other councils are numbered in the order shown, so a label says nothing about which council it is.
    let anonymous = 0;
    return councils.map((council) => ({ ...council, label: council.yours ? 'your council' : `council ${++anonymous}` }));
  }

  private sums(groupColumns: readonly string[]): SelectQueryBuilder<ReturnRow> {
    const query = this.dataSource.getRepository(ReturnRow).createQueryBuilder('r').select([]);
    for (const column of groupColumns) query.addSelect(`r.${column}`, column).addGroupBy(`r.${column}`);
    for (const column of TOTAL_COLUMNS) query.addSelect(`SUM(r.${column})`, column);
    return query;
  }
}

const totalsOf = (row: Record<string, string | number>): SummedDelivery =>
  Object.fromEntries(TOTAL_COLUMNS.map((column) => [column, Number(row[column] ?? 0)])) as unknown as SummedDelivery;
