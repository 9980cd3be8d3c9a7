import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type LotResultEntryView, LotResultReadModel, type LotResultView } from '@tendril/bidding/application';
import { EVALUATORS_STREAM_PREFIX, type LotEvaluationCompleted, type LotEvaluationReopened, type RankedBid } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import {
  AWARD_PROPOSED_V1,
  AWARD_WITHDRAWN_V1,
  type AwardProposedV1Data,
  type AwardWithdrawnV1Data,
  LOT_AWARDED_V1,
  type LotAwardedV1Data,
  TENDER_INTEGRATION_STREAM_PREFIX,
} from '@tendril/tender/contracts';
import type { Actor } from '@tendril/shared/event-store';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

/** A lot's evaluation result, and how far its award has gone. Read only through VisibleLotResultReadModel. */
@Entity({ name: 'lot_result_view' })
export class LotResultRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tenderId!: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) lotId!: string;
  @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'text' }) rankingJson!: string;
  @Column({ type: 'varchar', length: 30 }) completedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) awardedAt!: string | null;
  /** When the award now standing was proposed; null before a proposal and after its withdrawal. */
  @Column({ type: 'varchar', length: 30, nullable: true }) awardProposedAt!: string | null;
  /** When a withdrawn award sent the lot back to evaluation; null once it is completed again. */
  @Column({ type: 'varchar', length: 30, nullable: true }) reopenedAt!: string | null;
}

type LotResultEvent =
  | LotEvaluationCompleted
  | LotEvaluationReopened
  | { readonly type: typeof AWARD_PROPOSED_V1; readonly data: AwardProposedV1Data }
  | { readonly type: typeof AWARD_WITHDRAWN_V1; readonly data: AwardWithdrawnV1Data }
  | { readonly type: typeof LOT_AWARDED_V1; readonly data: LotAwardedV1Data };

/**
 * Pure: the row after the evaluation completes, the tender context proposes the award (the debrief
 * opens), withdraws it (the debrief closes with it and the lot is reopened), or awards the lot (older
 * histories award with no proposal first: the debrief opens then).
 */
export const evolveLotResultRow = (row: LotResultRow | null, event: LotResultEvent): LotResultRow | null => {
  switch (event.type) {
    case 'LotEvaluationCompleted': {
      const { tenderId, lotId, commissionerOrganisationId, ranking, completedAt } = event.data;
      return {
        tenderId,
        lotId,
        commissionerOrganisationId,
        rankingJson: JSON.stringify(ranking),
        completedAt,
        awardedAt: row?.awardedAt ?? null,
        awardProposedAt: row?.awardProposedAt ?? null,
        reopenedAt: null,
      };
    }
    case 'LotEvaluationReopened':
      return row && { ...row, reopenedAt: event.data.reopenedAt, awardProposedAt: null };
    case AWARD_PROPOSED_V1:
      return row && { ...row, awardProposedAt: event.data.proposedAt };
    case AWARD_WITHDRAWN_V1:
      return row && { ...row, awardProposedAt: null };
    case LOT_AWARDED_V1:
      return row && { ...row, awardedAt: event.data.awardedAt };
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled lot result event ${(unknown as { type: string }).type}`);
    }
  }
};

export const lotResultProjection = rowProjection<LotResultRow, LotResultEvent>({
  name: 'lot-result-read-model',
  entity: LotResultRow,
  eventTypes: ['LotEvaluationCompleted', 'LotEvaluationReopened', AWARD_PROPOSED_V1, AWARD_WITHDRAWN_V1, LOT_AWARDED_V1],
  streamPrefixes: [EVALUATORS_STREAM_PREFIX, TENDER_INTEGRATION_STREAM_PREFIX],
  rowKey: (event) => ({ tenderId: event.data.tenderId, lotId: event.data.lotId }),
  evolve: evolveLotResultRow,
});

export const toLotResultView = (row: LotResultRow, reader: Actor): LotResultView | null => {
  const ranking = JSON.parse(row.rankingJson) as RankedBid[];
  const winnerBidId = ranking[0]?.bidId;
  const entries: LotResultEntryView[] = ranking.map((r) => ({
    rank: r.rank,
    bidId: r.bidId,
    supplierOrganisationId: r.organisationId,
    pricePence: r.pricePence,
    totalScore: r.totalScore,
    scores: r.scores,
    winner: r.bidId === winnerBidId,
  }));
  const view = {
    tenderId: row.tenderId,
    lotId: row.lotId,
    completedAt: row.completedAt,
    awardedAt: row.awardedAt,
    awardProposedAt: row.awardProposedAt,
    reopenedAt: row.reopenedAt,
  };
  if (reader.role === 'auditor' || (reader.role === 'commissioner' && reader.organisationId === row.commissionerOrganisationId)) return { ...view, entries };
  const bidder = reader.role === 'provider' || reader.role === 'prime';
  const debriefOpen = row.reopenedAt === null && (row.awardProposedAt !== null || row.awardedAt !== null);
  if (!bidder || !debriefOpen || !entries.some((e) => e.supplierOrganisationId === reader.organisationId)) return null;
  return { ...view, entries: entries.filter((e) => e.winner || e.supplierOrganisationId === reader.organisationId) };
};

@Injectable()
export class VisibleLotResultReadModel extends LotResultReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async findLotResult(tenderId: string, lotId: string, reader: Actor): Promise<LotResultView | null> {
    const row = await this.dataSource.getRepository(LotResultRow).findOneBy({ tenderId, lotId });
    return row ? toLotResultView(row, reader) : null;
  }
}
