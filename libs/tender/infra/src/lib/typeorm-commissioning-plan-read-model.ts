import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommissioningPlanPage,
  CommissioningPlanReadModel,
  type CommissioningPlanView,
  type EngagementNoticeView,
  type MarketInterestView,
  type NeedsEvidenceView,
  type ProviderNoticeView,
} from '@tendril/tender/application';
import type { Actor } from '@tendril/shared/event-store';
import { type OutcomeMeasure, PROVIDER_KINDS } from '@tendril/tender/domain';
import { DataSource, In, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { CommissioningPlanRow, EngagementNoticeRow } from './commissioning-plan-read-model.entities';
import type { StoredStrand } from './commissioning-plan.projection';
import { TENDER_PROJECTION_PROGRESS, type ProjectionProgress } from './typeorm-tender-read-model';

const isOversight = (reader: Actor): boolean => reader.role === 'auditor' || reader.role === 'admin';
const mayRead = (reader: Actor, organisationId: string): boolean =>
  isOversight(reader) || (reader.role === 'commissioner' && reader.organisationId === organisationId);

const toNotice = (row: EngagementNoticeRow): EngagementNoticeView => ({
  noticeId: row.noticeId,
  planId: row.planId,
  organisationId: row.organisationId,
  strandIds: JSON.parse(row.strandIdsJson) as string[],
  summary: row.summary,
  respondBy: row.respondBy,
  publishedAt: row.publishedAt,
  interests: JSON.parse(row.interestsJson) as MarketInterestView[],
});

const toView = (row: CommissioningPlanRow, notices: readonly EngagementNoticeView[]): CommissioningPlanView => ({
  planId: row.planId,
  organisationId: row.organisationId,
  title: row.title,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  inHouseBudgetPence: row.inHouseBudgetPence,
  externalBudgetPence: row.externalBudgetPence,
  outcomes: JSON.parse(row.outcomesJson) as OutcomeMeasure[],
  strands: (JSON.parse(row.strandsJson) as StoredStrand[]).map((strand) => {
    const kinds = new Set(notices.filter((n) => n.strandIds.includes(strand.strandId)).flatMap((n) => n.interests.map((i) => i.providerKind)));
    return { ...strand, providerKindsEngaged: PROVIDER_KINDS.filter((kind) => kinds.has(kind)) };
  }),
  needsEvidence: JSON.parse(row.evidenceJson) as NeedsEvidenceView[],
  notices,
  draftedAt: row.draftedAt,
  lastPosition: row.lastPosition,
});

const encodeCursor = (position: number) => Buffer.from(`plan:${position}`).toString('base64url');
const decodeCursor = (cursor: string): number => {
  const match = /^plan:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new RangeError('The cursor is not one this API gave out');
  return Number(match[1]);
};

@Injectable()
export class TypeormCommissioningPlanReadModel extends CommissioningPlanReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TENDER_PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {
    super();
  }

  async findPlan(planId: string, reader: Actor): Promise<CommissioningPlanView | null> {
    const row = await this.dataSource.getRepository(CommissioningPlanRow).findOneBy({ planId });
    if (!row || !mayRead(reader, row.organisationId)) return null;
    return toView(row, await this.noticesOf([planId]).then((byPlan) => byPlan.get(planId) ?? []));
  }

  async listPlans(reader: Actor, first: number, after: string | null): Promise<CommissioningPlanPage> {
    if (!isOversight(reader) && reader.role !== 'commissioner') return { items: [], endCursor: null, hasNextPage: false };
    const where: FindOptionsWhere<CommissioningPlanRow> = {};
    if (!isOversight(reader)) where.organisationId = reader.organisationId ?? '';
    if (after) where.draftedPosition = LessThan(decodeCursor(after));
    const rows = await this.dataSource.getRepository(CommissioningPlanRow).find({ where, order: { draftedPosition: 'DESC' }, take: first + 1 });
    const page = rows.slice(0, first);
    const notices = await this.noticesOf(page.map((row) => row.planId));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toView(row, notices.get(row.planId) ?? [])),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.draftedPosition) : null,
    };
  }

  async openNotices(reader: Actor, today: string): Promise<readonly ProviderNoticeView[]> {
    const rows = await this.dataSource
      .getRepository(EngagementNoticeRow)
      .find({ where: { respondBy: MoreThanOrEqual(today) }, order: { publishedPosition: 'DESC' }, take: 100 });
    if (rows.length === 0) return [];
    const plans = await this.dataSource.getRepository(CommissioningPlanRow).findBy({ planId: In([...new Set(rows.map((row) => row.planId))]) });
    const planById = new Map(plans.map((plan) => [plan.planId, plan]));
    return rows.flatMap((row): ProviderNoticeView[] => {
      const plan = planById.get(row.planId);
      if (!plan) return [];
      const strandIds = JSON.parse(row.strandIdsJson) as string[];
      const strands = (JSON.parse(plan.strandsJson) as StoredStrand[])
        .filter((strand) => strandIds.includes(strand.strandId))
        .map(({ strandId, name, area }) => ({ strandId, name, area }));
      // A provider learns only whether its own organisation answered, never who else did.
      const interests = JSON.parse(row.interestsJson) as MarketInterestView[];
      return [
        {
          noticeId: row.noticeId,
          planId: row.planId,
          organisationId: row.organisationId,
          planTitle: plan.title,
          strands,
          summary: row.summary,
          respondBy: row.respondBy,
          publishedAt: row.publishedAt,
          interestRegistered: interests.some((interest) => interest.providerOrganisationId === reader.organisationId),
        },
      ];
    });
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }

  private async noticesOf(planIds: readonly string[]): Promise<Map<string, EngagementNoticeView[]>> {
    const byPlan = new Map<string, EngagementNoticeView[]>();
    if (planIds.length === 0) return byPlan;
    const rows = await this.dataSource.getRepository(EngagementNoticeRow).find({ where: { planId: In([...planIds]) }, order: { publishedPosition: 'ASC' } });
    for (const row of rows) byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), toNotice(row)]);
    return byPlan;
  }
}
