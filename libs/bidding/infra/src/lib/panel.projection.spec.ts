/// <reference types="jest" />
import type { PanelEvent } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { evolvePanelRow } from './panel.projection';
import { toPanelView } from './visible-evaluation-panel-read-model';

const events: PanelEvent[] = [
  {
    type: 'BidsShortlisted',
    data: { tenderId: 't-1', commissionerOrganisationId: 'org-council', lotId: 'L', bidIds: ['b-1'], reason: 'Met the threshold', shortlistedAt: '2026-03-01T12:00:00.000Z' },
  },
  {
    type: 'PanelVisitRecorded',
    data: { tenderId: 't-1', bidId: 'b-1', panelMemberId: 'u-kes', ageBand: '16-17', visitedOn: '2026-03-05', observations: 'Drop-in', recordedAt: '2026-03-05T18:00:00.000Z' },
  },
  {
    type: 'PanelScoreRecorded',
    data: { tenderId: 't-1', bidId: 'b-1', panelMemberId: 'u-kes', ageBand: '16-17', mark: 5, scaleMax: 5, justification: 'Great', scoredAt: '2026-03-06T10:00:00.000Z' },
  },
  {
    type: 'PanelScoreRecorded',
    data: { tenderId: 't-1', bidId: 'b-1', panelMemberId: 'u-ott', ageBand: '18-21', mark: 2, scaleMax: 5, justification: 'Fine', scoredAt: '2026-03-06T10:00:00.000Z' },
  },
];
const row = events.reduce(evolvePanelRow, null);
const reader = (userId: string, role: Actor['role'], organisationId: string | null): Actor => ({ userId, role, organisationId });

describe('Evaluation panel read model', () => {
  it('gives the commissioner every score and the mean out of 100', () => {
    const view = row && toPanelView(row, reader('u-clara', 'commissioner', 'org-council'));
    expect(view?.scores).toHaveLength(2);
    expect(view?.results).toEqual([{ bidId: 'b-1', score: 70, scoredBy: 2 }]);
  });

  it('gives a panel member only their own scores and no results', () => {
    const view = row && toPanelView(row, reader('u-kes', 'youth_panel', 'org-council'));
    expect(view?.scores).toEqual([{ bidId: 'b-1', ageBand: '16-17', mark: 5, scaleMax: 5, justification: 'Great', yours: true }]);
    expect(view?.results).toEqual([]);
    expect(view?.visits).toEqual([{ bidId: 'b-1', ageBand: '16-17', visitedOn: '2026-03-05', observations: 'Drop-in' }]);
  });

  it('shows nothing to bidders, other councils, their panels or admins', () => {
    if (!row) throw new Error('no row');
    for (const outsider of [
      reader('u-p', 'provider', 'org-bidder'),
      reader('u-e', 'commissioner', 'org-other'),
      reader('u-y', 'youth_panel', 'org-other'),
      reader('u-a', 'admin', null),
    ]) {
      expect(toPanelView(row, outsider)).toBeNull();
    }
    expect(toPanelView(row, reader('u-g', 'auditor', null))?.results).toHaveLength(1);
  });
});
