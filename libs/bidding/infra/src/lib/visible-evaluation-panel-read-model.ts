import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EvaluationPanelReadModel,
  type EvaluationPanelView,
  type PanelResultView,
  type PanelVisitView,
  type ShortlistView,
} from '@tendril/bidding/application';
import type { Actor } from '@tendril/shared/event-store';
import { DataSource } from 'typeorm';
import { EvaluationPanelRow } from './panel-read-model.entities';
import type { StoredPanelScore } from './panel.projection';
import { BID_PROJECTION_PROGRESS, type BidProjectionProgress } from './sealed-bid-read-model';

type Audience = 'oversight' | 'panel' | 'none';

const audienceOf = (reader: Actor, row: EvaluationPanelRow): Audience => {
  if (reader.role === 'auditor') return 'oversight';
  if (reader.organisationId !== row.commissionerOrganisationId) return 'none';
  if (reader.role === 'commissioner') return 'oversight';
  if (reader.role === 'youth_panel') return 'panel';
  return 'none';
};

const resultsOf = (scores: readonly StoredPanelScore[]): PanelResultView[] => {
  const byBid = new Map<string, StoredPanelScore[]>();
  for (const score of scores) byBid.set(score.bidId, [...(byBid.get(score.bidId) ?? []), score]);
  return [...byBid.entries()].map(([bidId, list]) => ({
    bidId,
    score: Math.round((list.reduce((sum, s) => sum + s.mark / s.scaleMax, 0) / list.length) * 10_000) / 100,
    scoredBy: list.length,
  }));
};

/** Who sees what is decided per row, here where the data is read; bidders and other councils see nothing. */
export const toPanelView = (row: EvaluationPanelRow, reader: Actor): EvaluationPanelView | null => {
  const audience = audienceOf(reader, row);
  if (audience === 'none') return null;
  const scores = JSON.parse(row.scoresJson) as StoredPanelScore[];
  const visible = audience === 'oversight' ? scores : scores.filter((s) => s.panelMemberId === reader.userId);
  return {
    tenderId: row.tenderId,
    shortlists: JSON.parse(row.shortlistsJson) as ShortlistView[],
    visits: JSON.parse(row.visitsJson) as PanelVisitView[],
    scores: visible.map(({ bidId, ageBand, mark, scaleMax, justification, panelMemberId }) => ({
      bidId,
      ageBand,
      mark,
      scaleMax,
      justification,
      yours: panelMemberId === reader.userId,
    })),
    results: audience === 'oversight' ? resultsOf(scores) : [],
  };
};

@Injectable()
export class VisibleEvaluationPanelReadModel extends EvaluationPanelReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_PROJECTION_PROGRESS) private readonly progress: BidProjectionProgress,
  ) {
    super();
  }

  async findPanel(tenderId: string, reader: Actor): Promise<EvaluationPanelView | null> {
    const row = await this.dataSource.getRepository(EvaluationPanelRow).findOneBy({ tenderId });
    return row ? toPanelView(row, reader) : null;
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
