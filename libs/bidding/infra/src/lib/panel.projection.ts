import { PANEL_EVENT_TYPES, PANEL_STREAM_PREFIX, type PanelEvent } from '@tendril/bidding/domain';
import type { PanelVisitView, ShortlistView } from '@tendril/bidding/application';
import { rowProjection } from '@tendril/shared/projections';
import { EvaluationPanelRow } from './panel-read-model.entities';

export interface StoredPanelScore {
  readonly bidId: string;
  readonly panelMemberId: string;
  readonly ageBand: PanelVisitView['ageBand'];
  readonly mark: number;
  readonly scaleMax: number;
  readonly justification: string;
}

const append = <T>(json: string, item: T): string => JSON.stringify([...(JSON.parse(json) as T[]), item]);

/** Pure: the panel row after an event. A shortlist comes first, so it creates the row. */
export const evolvePanelRow = (row: EvaluationPanelRow | null, event: PanelEvent): EvaluationPanelRow | null => {
  switch (event.type) {
    case 'BidsShortlisted': {
      const { tenderId, commissionerOrganisationId, lotId, bidIds, reason, shortlistedAt } = event.data;
      const shortlist: ShortlistView = { lotId, bidIds, reason, shortlistedAt };
      const base = row ?? { tenderId, commissionerOrganisationId, shortlistsJson: '[]', visitsJson: '[]', scoresJson: '[]' };
      return { ...base, shortlistsJson: append(base.shortlistsJson, shortlist) };
    }
    case 'PanelVisitRecorded': {
      if (!row) return row;
      const { bidId, ageBand, visitedOn, observations } = event.data;
      const visit: PanelVisitView = { bidId, ageBand, visitedOn, observations };
      return { ...row, visitsJson: append(row.visitsJson, visit) };
    }
    case 'PanelScoreRecorded': {
      if (!row) return row;
      const { bidId, panelMemberId, ageBand, mark, scaleMax, justification } = event.data;
      const score: StoredPanelScore = { bidId, panelMemberId, ageBand, mark, scaleMax, justification };
      return { ...row, scoresJson: append(row.scoresJson, score) };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled panel event ${(unknown as { type: string }).type}`);
    }
  }
};

export const panelReadModelProjection = rowProjection<EvaluationPanelRow, PanelEvent>({
  name: 'evaluation-panel-read-model',
  entity: EvaluationPanelRow,
  eventTypes: PANEL_EVENT_TYPES,
  streamPrefixes: [PANEL_STREAM_PREFIX],
  rowKey: (event) => ({ tenderId: event.data.tenderId }),
  evolve: evolvePanelRow,
});
