import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type LotResultEntryView, LotResultReadModel, type LotResultView } from '@tendril/bidding/application';
import { EVALUATORS_STREAM_PREFIX, type LotEvaluationCompleted, type RankedBid } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import { LOT_AWARDED_V1, type LotAwardedV1Data, TENDER_INTEGRATION_STREAM_PREFIX } from '@tendril/tender/contracts';
import type { Actor } from '@tendril/shared/event-store';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

/** A lot's evaluation result, and whether it has been awarded yet. Read only through VisibleLotResultReadModel. */
@Entity({ name: 'lot_result_view' })
export class LotResultRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tenderId!: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) lotId!: string;
  @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'text' }) rankingJson!: string;
  @Column({ type: 'varchar', length: 30 }) completedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) awardedAt!: string | null;
}

type LotResultEvent = LotEvaluationCompleted | { readonly type: typeof LOT_AWARDED_V1; readonly data: LotAwardedV1Data };

/** Pure: the row after the evaluation completes, then after the tender context awards the lot. */
export const evolveLotResultRow = (row: LotResultRow | null, event: LotResultEvent): LotResultRow | null => {
  if (event.type === LOT_AWARDED_V1) return row && { ...row, awardedAt: event.data.awardedAt };
  const { tenderId, lotId, commissionerOrganisationId, ranking, completedAt } = event.data;
  return { tenderId, lotId, commissionerOrganisationId, rankingJson: JSON.stringify(ranking), completedAt, awardedAt: row?.awardedAt ?? null };
};

export const lotResultProjection = rowProjection<LotResultRow, LotResultEvent>({
  name: 'lot-result-read-model',
  entity: LotResultRow,
  eventTypes: ['LotEvaluationCompleted', LOT_AWARDED_V1],
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
  const view = { tenderId: row.tenderId, lotId: row.lotId, completedAt: row.completedAt, awardedAt: row.awardedAt };
  if (reader.role === 'auditor' || (reader.role === 'commissioner' && reader.organisationId === row.commissionerOrganisationId)) return { ...view, entries };
  const bidder = reader.role === 'provider' || reader.role === 'prime';
  if (!bidder || row.awardedAt === null || !entries.some((e) => e.supplierOrganisationId === reader.organisationId)) return null;
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
