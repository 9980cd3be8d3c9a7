import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AuditEntryView,
  type ClarificationView,
  type LotEvaluationView,
  type OpenedBidView,
  type TenderListFilter,
  type TenderPage,
  TenderReadModel,
  type TenderView,
} from '@tendril/tender/application';
import type { EvaluationCriterion, TenderStatus } from '@tendril/tender/domain';
import { Between, DataSource, In, IsNull, LessThanOrEqual, MoreThan, MoreThanOrEqual, Not, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '@tendril/shared/event-store';
import { AuditEntryRow, CategoryInterestRow, ClarificationRow, LotEvaluationRow, OpenedBidRow, StandstillRow, TenderRow } from './tender-read-model.entities';
import { storedLots } from './tender.projection';

/** Provided by the service: resolves once its projector has applied the log up to a position. */
export const TENDER_PROJECTION_PROGRESS = Symbol.for('tendril.tender.ProjectionProgress');
export interface ProjectionProgress {
  waitForPosition(position: number): Promise<void>;
}

const toView = (row: TenderRow): TenderView => ({
  tenderId: row.tenderId,
  organisationId: row.organisationId,
  title: row.title,
  description: row.description,
  category: row.category,
  status: row.status as TenderStatus,
  submissionDeadline: row.submissionDeadline,
  clarificationDeadline: row.clarificationDeadline ?? row.submissionDeadline,
  planId: row.planId,
  strandId: row.strandId,
  area: row.area,
  documents: JSON.parse(row.documentsJson) as TenderView['documents'],
  amendments: JSON.parse(row.amendmentsJson) as TenderView['amendments'],
  totalEstimatedValuePence: row.totalEstimatedValuePence,
  lots: storedLots(row),
  criteria: JSON.parse(row.criteriaJson) as EvaluationCriterion[],
  lightTouchRegime: row.lightTouchRegime,
  suitableForVcse: row.suitableForVcse,
  reservedParticipation: row.reservedParticipation,
  publishedAt: row.publishedAt,
  draftedAt: row.draftedAt,
  retenderOfTenderId: row.retenderOfTenderId,
  deadlineExtensions: JSON.parse(row.deadlineExtensionsJson) as TenderView['deadlineExtensions'],
  challenges: JSON.parse(row.challengesJson) as TenderView['challenges'],
  closedAt: row.closedAt,
  cancelledAt: row.cancelledAt,
  cancellationReason: row.cancellationReason,
  lastPosition: row.lastPosition,
});

const encodeCursor = (position: number) => Buffer.from(`tender:${position}`).toString('base64url');
const decodeCursor = (cursor: string): number => {
  const match = /^tender:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new RangeError('The cursor is not one this API gave out');
  return Number(match[1]);
};

@Injectable()
export class TypeormTenderReadModel extends TenderReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TENDER_PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {
    super();
  }

  async findTender(tenderId: string): Promise<TenderView | null> {
    const row = await this.dataSource.getRepository(TenderRow).findOneBy({ tenderId });
    return row ? toView(row) : null;
  }

  async listTenders(filter: TenderListFilter): Promise<TenderPage> {
    const where: FindOptionsWhere<TenderRow> = {};
    if (filter.status) where.status = filter.status;
    if (filter.organisationId) where.organisationId = filter.organisationId;
    if (filter.planId) where.planId = filter.planId;
    if (filter.strandId) where.strandId = filter.strandId;
    if (filter.categories) {
      const allowed = filter.category ? filter.categories.filter((category) => category === filter.category) : filter.categories;
      if (allowed.length === 0) return { items: [], hasNextPage: false, endCursor: null };
      where.category = In([...allowed]);
    } else if (filter.category) {
      where.category = filter.category;
    }
    if (filter.area) where.area = filter.area;
    const range = <T>(min: T | undefined, max: T | undefined) =>
      min !== undefined && max !== undefined ? Between(min, max) : min !== undefined ? MoreThanOrEqual(min) : max !== undefined ? LessThanOrEqual(max) : undefined;
    const value = range(filter.minValuePence, filter.maxValuePence);
    if (value) where.totalEstimatedValuePence = value;
    const deadline = range(filter.deadlineFrom, filter.deadlineTo);
    if (deadline) where.submissionDeadline = deadline;
    // Newest first; the cursor is the publishing position, stable under concurrent inserts.
    if (filter.after) where.publishedPosition = LessThanOrEqual(decodeCursor(filter.after) - 1);
    // Drafts (never published, cancelled or not) are listed only to their own council.
    const draftsOf = filter.draftsOf ?? null;
    if (draftsOf === null && filter.status === 'draft') return { items: [], hasNextPage: false, endCursor: null };
    const visible: FindOptionsWhere<TenderRow>[] =
      draftsOf === null
        ? [{ ...where, publishedAt: Not(IsNull()) }]
        : filter.organisationId && filter.organisationId !== draftsOf
          ? [{ ...where, publishedAt: Not(IsNull()) }]
          : [{ ...where, publishedAt: Not(IsNull()) }, { ...where, publishedAt: IsNull(), organisationId: draftsOf }];
    const rows = await this.dataSource
      .getRepository(TenderRow)
      .find({ where: visible, order: { publishedPosition: 'DESC' }, take: filter.first + 1 });
    const items = rows.slice(0, filter.first).map(toView);
    const last = rows[Math.min(rows.length, filter.first) - 1];
    return { items, hasNextPage: rows.length > filter.first, endCursor: last ? encodeCursor(last.publishedPosition) : null };
  }

  async findTendersDueForClosing(now: Date): Promise<readonly { tenderId: string }[]> {
    const rows = await this.dataSource.getRepository(TenderRow).find({
      select: { tenderId: true },
      where: { status: 'open', submissionDeadline: LessThanOrEqual(now.toISOString()) },
      order: { submissionDeadline: 'ASC' },
      take: 100,
    });
    return rows.map(({ tenderId }) => ({ tenderId }));
  }

  async findAwardsDueForFinalising(now: Date): Promise<readonly { tenderId: string; lotId: string; standstillEndsAt: string }[]> {
    const rows = await this.dataSource.getRepository(StandstillRow).find({
      where: { openChallenges: 0, standstillEndsAt: LessThanOrEqual(now.toISOString()) },
      order: { standstillEndsAt: 'ASC' },
      take: 100,
    });
    return rows.map(({ tenderId, lotId, standstillEndsAt }) => ({ tenderId, lotId, standstillEndsAt }));
  }

  async findOpenedBid(tenderId: string, bidId: string): Promise<OpenedBidView | null> {
    return this.dataSource.getRepository(OpenedBidRow).findOneBy({ tenderId, bidId });
  }

  async history(tenderId: string): Promise<readonly AuditEntryView[]> {
    return this.dataSource
      .getRepository(AuditEntryRow)
      .find({ where: { tenderId, position: MoreThan(-1) }, order: { position: 'ASC' } });
  }

  async interestCategories(organisationId: string): Promise<readonly string[]> {
    const rows = await this.dataSource.getRepository(CategoryInterestRow).find({ where: { organisationId }, order: { category: 'ASC' } });
    return rows.map((row) => row.category);
  }

  async findLotEvaluation(tenderId: string, lotId: string): Promise<LotEvaluationView | null> {
    const row = await this.dataSource.getRepository(LotEvaluationRow).findOneBy({ tenderId, lotId });
    if (!row) return null;
    return {
      tenderId: row.tenderId,
      lotId: row.lotId,
      winnerBidId: row.winnerBidId,
      winnerOrganisationId: row.winnerOrganisationId,
      winnerPricePence: row.winnerPricePence,
      winnerTotalScore: row.winnerTotalScore,
      ranking: JSON.parse(row.rankingJson) as LotEvaluationView['ranking'],
      evidenceRefs: JSON.parse(row.evidenceRefsJson) as string[],
      completedAt: row.completedAt,
    };
  }

  async findClarificationTender(questionId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(ClarificationRow).findOne({ select: { tenderId: true }, where: { questionId } });
    return row?.tenderId ?? null;
  }

  async clarifications(tenderId: string, reader: Actor): Promise<readonly ClarificationView[]> {
    const tender = await this.dataSource.getRepository(TenderRow).findOne({ select: { organisationId: true }, where: { tenderId } });
    if (!tender) return [];
    const oversees =
      reader.role === 'auditor' || reader.role === 'admin' || (reader.role === 'commissioner' && reader.organisationId === tender.organisationId);
    const rows = await this.dataSource.getRepository(ClarificationRow).find({ where: { tenderId }, order: { askedPosition: 'ASC' } });
    return rows.flatMap((row): ClarificationView[] => {
      const askedByReader = reader.organisationId !== null && row.askedByOrganisationId === reader.organisationId;
      // Unanswered questions stay with the asker and the commissioners; answers go to everyone, anonymised.
      if (!oversees && !askedByReader && row.answer === null) return [];
      return [
        {
          questionId: row.questionId,
          tenderId: row.tenderId,
          question: row.question,
          answer: row.answer,
          askedAt: row.askedAt,
          answeredAt: row.answeredAt,
          askedByOrganisationId: oversees ? row.askedByOrganisationId : null,
          askedByReader,
        },
      ];
    });
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
