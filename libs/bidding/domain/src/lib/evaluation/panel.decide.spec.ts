/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { AFTER_DEADLINE, at, bidder, commissioner, otherCommissioner, youthPanel } from '../testing/bidding.spec-fixtures';
import type { ClosedCompetitionFacts, RecordPanelVisit, ScoreAsPanelMember, ShortlistBids } from './panel.commands';
import { panelDecider, panelStreamName } from './panel.decide';
import type { BidsShortlisted, PanelScoreRecorded, PanelVisitRecorded } from './panel.events';
import { panelScoreOf } from './panel.state';

const spec = DeciderSpecification.for(panelDecider);
const NOW = '2026-03-10T10:00:00.000Z';
const closed: ClosedCompetitionFacts = {
  status: 'closed',
  commissionerOrganisationId: 'org-leeds-council',
  liveBids: [
    { bidId: 'bid-1', lotId: 'lot-north' },
    { bidId: 'bid-2', lotId: 'lot-north' },
    { bidId: 'bid-3', lotId: 'lot-north' },
    { bidId: 'bid-9', lotId: 'lot-south' },
  ],
};
const otherPanelMember: Actor = { userId: 'user-jo', role: 'youth_panel', organisationId: 'org-leeds-council' };
const foreignPanel: Actor = { userId: 'user-kai', role: 'youth_panel', organisationId: 'org-york-council' };

const shortlist = (overrides: Partial<ShortlistBids['data']> = {}, actor: Actor = commissioner): ShortlistBids => ({
  type: 'ShortlistBids',
  data: { tenderId: 'tender-1', lotId: 'lot-north', bidIds: ['bid-1', 'bid-2'], reason: ' The two highest moderated quality scores ', competition: closed, ...overrides },
  metadata: at(AFTER_DEADLINE, actor),
});
const shortlisted: BidsShortlisted = {
  type: 'BidsShortlisted',
  data: {
    tenderId: 'tender-1',
    commissionerOrganisationId: 'org-leeds-council',
    lotId: 'lot-north',
    bidIds: ['bid-1', 'bid-2'],
    reason: 'The two highest moderated quality scores',
    shortlistedAt: AFTER_DEADLINE,
  },
};
const visit = (overrides: Partial<RecordPanelVisit['data']> = {}, actor: Actor = youthPanel): RecordPanelVisit => ({
  type: 'RecordPanelVisit',
  data: { tenderId: 'tender-1', bidId: 'bid-1', ageBand: '16-17', visitedOn: '2026-03-09', observations: 'A drop-in session; young people ran the tuck shop', ...overrides },
  metadata: at(NOW, actor),
});
const visited: PanelVisitRecorded = {
  type: 'PanelVisitRecorded',
  data: {
    tenderId: 'tender-1',
    bidId: 'bid-1',
    panelMemberId: 'user-ivy',
    ageBand: '16-17',
    visitedOn: '2026-03-09',
    observations: 'A drop-in session; young people ran the tuck shop',
    recordedAt: NOW,
  },
};
const score = (overrides: Partial<ScoreAsPanelMember['data']> = {}, actor: Actor = youthPanel): ScoreAsPanelMember => ({
  type: 'ScoreAsPanelMember',
  data: { tenderId: 'tender-1', bidId: 'bid-1', ageBand: '16-17', mark: 4, justification: 'Staff listened to us', ...overrides },
  metadata: at(NOW, actor),
});
const scored = (mark: number, panelMemberId = 'user-ivy'): PanelScoreRecorded => ({
  type: 'PanelScoreRecorded',
  data: { tenderId: 'tender-1', bidId: 'bid-1', panelMemberId, ageBand: '16-17', mark, scaleMax: 5, justification: 'Staff listened to us', scoredAt: NOW },
});

describe('Shortlist and youth panel', () => {
  it('lives in a stream per tender', () => {
    expect(panelStreamName('tender-1')).toBe('shortlist-tender-1');
  });

  describe('shortlisting', () => {
    it("is done by the tender's commissioner once the bids are open, with a reason", () => {
      spec.given([]).when(shortlist()).then([shortlisted]);
    });

    it('is refused before the competition closes', () => {
      spec.given([]).when(shortlist({ competition: { ...closed, status: 'open' } })).thenThrows('TENDER_DEADLINE_NOT_REACHED');
    });

    it('is refused to anyone but the tender’s own commissioners', () => {
      spec.given([]).when(shortlist({}, otherCommissioner)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
      spec.given([]).when(shortlist({}, bidder)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
    });

    it('refuses a bid that is not open for the lot, an empty list, no reason, and a second shortlist', () => {
      spec.given([]).when(shortlist({ bidIds: ['bid-9'] })).thenThrows('BID_NOT_FOUND');
      spec.given([]).when(shortlist({ bidIds: [] })).thenThrows('SHORTLIST_EMPTY');
      spec.given([]).when(shortlist({ reason: ' ' })).thenThrows('SHORTLIST_REASON_REQUIRED');
      spec.given([shortlisted]).when(shortlist()).thenThrows('SHORTLIST_ALREADY_SET');
    });
  });

  describe('a panel visit', () => {
    it('records the date, what was seen and the member’s age band, never a name', () => {
      spec.given([shortlisted]).when(visit()).then([visited]);
    });

    it('is only to a shortlisted provider', () => {
      spec.given([shortlisted]).when(visit({ bidId: 'bid-3' })).thenThrows('BID_NOT_SHORTLISTED');
    });

    it("is recorded by the commissioning council's youth panel only", () => {
      spec.given([shortlisted]).when(visit({}, foreignPanel)).thenThrows('NOT_ON_THE_YOUTH_PANEL');
      spec.given([shortlisted]).when(visit({}, commissioner)).thenThrows('NOT_ON_THE_YOUTH_PANEL');
    });

    it('needs a past date, observations and a valid age band', () => {
      spec.given([shortlisted]).when(visit({ visitedOn: '2026-03-11' })).thenThrows('VISIT_DATE_INVALID');
      spec.given([shortlisted]).when(visit({ visitedOn: '9 March' })).thenThrows('VISIT_DATE_INVALID');
      spec.given([shortlisted]).when(visit({ observations: '' })).thenThrows('VISIT_OBSERVATIONS_REQUIRED');
      spec.given([shortlisted]).when(visit({ ageBand: '30-40' as never })).thenThrows('AGE_BAND_INVALID');
    });
  });

  describe('a panel score', () => {
    it('is given to a visited finalist on the published scale with a justification', () => {
      spec.given([shortlisted, visited]).when(score()).then([scored(4)]);
    });

    it('is refused before the panel has visited', () => {
      spec.given([shortlisted]).when(score()).thenThrows('PANEL_HAS_NOT_VISITED');
    });

    it('is given once per member, off-scale marks and bare marks refused', () => {
      spec.given([shortlisted, visited, scored(4)]).when(score()).thenThrows('PANEL_MEMBER_ALREADY_SCORED');
      spec.given([shortlisted, visited]).when(score({ mark: 6 })).thenThrows('SCORE_NOT_ON_THE_PUBLISHED_SCALE');
      spec.given([shortlisted, visited]).when(score({ justification: '' })).thenThrows('SCORE_JUSTIFICATION_REQUIRED');
    });

    it('lets each panel member score', () => {
      spec.given([shortlisted, visited, scored(4)]).when(score({ mark: 3, ageBand: '16-17' }, otherPanelMember)).then([scored(3, 'user-jo')]);
    });

    it("counts as the mean of the members' marks out of 100", () => {
      const state = spec.given([shortlisted, visited, scored(4), scored(3, 'user-jo')]).fold();
      expect(panelScoreOf(state, 'bid-1', 5)).toBe(70);
      expect(panelScoreOf(state, 'bid-2', 5)).toBeNull();
    });
  });
});
