import type { CommandMetadata, Decider } from '@tendril/shared/ddd';
import { BiddingRuleBroken } from '../bidding.errors';
import { assertMarkOnScale } from './evaluation-scoring';
import { AGE_BANDS, PANEL_SCALE, type PanelCommand, type RecordPanelVisit, type ScoreAsPanelMember, type ShortlistBids } from './panel.commands';
import type { BidsShortlisted, PanelEvent, PanelScoreRecorded, PanelVisitRecorded } from './panel.events';
import { evolvePanel, initialPanelState, type PanelState } from './panel.state';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const shortlistedLotOf = (state: PanelState, bidId: string): string | null =>
  Object.entries(state.shortlists).find(([, bidIds]) => bidIds.includes(bidId))?.[0] ?? null;

const assertPanelMember = (state: PanelState, metadata: CommandMetadata, bidId: string): void => {
  const { actor } = metadata;
  if (actor.role !== 'youth_panel' || state.commissionerOrganisationId === null || actor.organisationId !== state.commissionerOrganisationId) {
    throw new BiddingRuleBroken('NOT_ON_THE_YOUTH_PANEL', "Only the commissioning council's youth panel may do this");
  }
  if (shortlistedLotOf(state, bidId) === null) {
    throw new BiddingRuleBroken('BID_NOT_SHORTLISTED', `Bid ${bidId} is not on a shortlist`, { bidId });
  }
};

const assertAgeBand = (ageBand: string): void => {
  if (!(AGE_BANDS as readonly string[]).includes(ageBand)) {
    throw new BiddingRuleBroken('AGE_BAND_INVALID', `Give an age band: ${AGE_BANDS.join(', ')}`, { ageBand });
  }
};

const shortlistBids = (command: ShortlistBids, state: PanelState): BidsShortlisted => {
  const { data, metadata } = command;
  const { competition } = data;
  if (competition.status !== 'closed' || competition.commissionerOrganisationId === null) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_NOT_REACHED', 'Shortlist only once the competition has closed and the bids are open');
  }
  if (metadata.actor.role !== 'commissioner' || metadata.actor.organisationId !== competition.commissionerOrganisationId) {
    throw new BiddingRuleBroken('NOT_THE_COMMISSIONER_OF_THE_TENDER', "Only the tender's own commissioners may shortlist");
  }
  if (state.shortlists[data.lotId] !== undefined) {
    throw new BiddingRuleBroken('SHORTLIST_ALREADY_SET', `Lot ${data.lotId} already has a shortlist`, { lotId: data.lotId });
  }
  const bidIds = [...new Set(data.bidIds)];
  if (bidIds.length === 0) throw new BiddingRuleBroken('SHORTLIST_EMPTY', 'Shortlist at least one bid');
  for (const bidId of bidIds) {
    if (!competition.liveBids.some((bid) => bid.bidId === bidId && bid.lotId === data.lotId)) {
      throw new BiddingRuleBroken('BID_NOT_FOUND', `Lot ${data.lotId} has no opened bid ${bidId}`, { bidId, lotId: data.lotId });
    }
  }
  if (data.reason.trim() === '') throw new BiddingRuleBroken('SHORTLIST_REASON_REQUIRED', 'Say why these bids are shortlisted');
  return {
    type: 'BidsShortlisted',
    data: {
      tenderId: data.tenderId,
      commissionerOrganisationId: competition.commissionerOrganisationId,
      lotId: data.lotId,
      bidIds,
      reason: data.reason.trim(),
      shortlistedAt: metadata.now.toISOString(),
    },
  };
};

const recordPanelVisit = (command: RecordPanelVisit, state: PanelState): PanelVisitRecorded => {
  const { data, metadata } = command;
  assertPanelMember(state, metadata, data.bidId);
  assertAgeBand(data.ageBand);
  if (!CALENDAR_DATE.test(data.visitedOn) || Number.isNaN(Date.parse(`${data.visitedOn}T00:00:00Z`)) || data.visitedOn > metadata.now.toISOString().slice(0, 10)) {
    throw new BiddingRuleBroken('VISIT_DATE_INVALID', 'Give the date of the visit (YYYY-MM-DD), today or earlier', { visitedOn: data.visitedOn });
  }
  if (data.observations.trim() === '') throw new BiddingRuleBroken('VISIT_OBSERVATIONS_REQUIRED', 'Say what the panel saw on the visit');
  return {
    type: 'PanelVisitRecorded',
    data: {
      tenderId: data.tenderId,
      bidId: data.bidId,
      panelMemberId: metadata.actor.userId,
      ageBand: data.ageBand,
      visitedOn: data.visitedOn,
      observations: data.observations.trim(),
      recordedAt: metadata.now.toISOString(),
    },
  };
};

const scoreAsPanelMember = (command: ScoreAsPanelMember, state: PanelState): PanelScoreRecorded => {
  const { data, metadata } = command;
  assertPanelMember(state, metadata, data.bidId);
  assertAgeBand(data.ageBand);
  if (!state.visitedBidIds.includes(data.bidId)) {
    throw new BiddingRuleBroken('PANEL_HAS_NOT_VISITED', 'The panel scores a finalist only after visiting it', { bidId: data.bidId });
  }
  if (state.scores.some((s) => s.bidId === data.bidId && s.panelMemberId === metadata.actor.userId)) {
    throw new BiddingRuleBroken('PANEL_MEMBER_ALREADY_SCORED', 'You have already scored this finalist', { bidId: data.bidId });
  }
  assertMarkOnScale(data.mark, PANEL_SCALE);
  if (data.justification.trim() === '') throw new BiddingRuleBroken('SCORE_JUSTIFICATION_REQUIRED', 'Say why you gave this score');
  return {
    type: 'PanelScoreRecorded',
    data: {
      tenderId: data.tenderId,
      bidId: data.bidId,
      panelMemberId: metadata.actor.userId,
      ageBand: data.ageBand,
      mark: data.mark,
      scaleMax: PANEL_SCALE.max,
      justification: data.justification.trim(),
      scoredAt: metadata.now.toISOString(),
    },
  };
};

export const decidePanel = (command: PanelCommand, state: PanelState): readonly PanelEvent[] => {
  switch (command.type) {
    case 'ShortlistBids':
      return [shortlistBids(command, state)];
    case 'RecordPanelVisit':
      return [recordPanelVisit(command, state)];
    case 'ScoreAsPanelMember':
      return [scoreAsPanelMember(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown panel command ${(unknown as { type: string }).type}`);
    }
  }
};

export const panelDecider: Decider<PanelCommand, PanelEvent, PanelState> = { decide: decidePanel, evolve: evolvePanel, initialState: initialPanelState };

export const PANEL_STREAM_PREFIX = 'shortlist-';

/** One stream per tender: its shortlists and the youth panel's visits and scores. */
export const panelStreamName = (tenderId: string): string => `${PANEL_STREAM_PREFIX}${tenderId}`;
