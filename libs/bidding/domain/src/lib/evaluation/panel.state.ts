import type { PanelEvent } from './panel.events';

export interface PanelState {
  readonly commissionerOrganisationId: string | null;
  /** Shortlisted bid ids by lot. */
  readonly shortlists: Readonly<Record<string, readonly string[]>>;
  readonly visitedBidIds: readonly string[];
  readonly scores: readonly { readonly bidId: string; readonly panelMemberId: string; readonly mark: number }[];
}

export const initialPanelState = (): PanelState => ({ commissionerOrganisationId: null, shortlists: {}, visitedBidIds: [], scores: [] });

export const evolvePanel = (state: PanelState, event: PanelEvent): PanelState => {
  switch (event.type) {
    case 'BidsShortlisted':
      return {
        ...state,
        commissionerOrganisationId: event.data.commissionerOrganisationId,
        shortlists: { ...state.shortlists, [event.data.lotId]: event.data.bidIds },
      };
    case 'PanelVisitRecorded':
      return state.visitedBidIds.includes(event.data.bidId) ? state : { ...state, visitedBidIds: [...state.visitedBidIds, event.data.bidId] };
    case 'PanelScoreRecorded': {
      const { bidId, panelMemberId, mark } = event.data;
      return { ...state, scores: [...state.scores, { bidId, panelMemberId, mark }] };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown panel event ${(unknown as { type: string }).type}`);
    }
  }
};

/** The panel's score for a bid out of 100: the mean of its members' marks on the published scale; null before anyone scored. */
export const panelScoreOf = (state: PanelState, bidId: string, scaleMax: number): number | null => {
  const marks = state.scores.filter((s) => s.bidId === bidId).map((s) => s.mark);
  if (marks.length === 0) return null;
  return (marks.reduce((sum, mark) => sum + mark, 0) / marks.length / scaleMax) * 100;
};
