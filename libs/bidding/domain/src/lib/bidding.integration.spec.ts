/// <reference types="jest" />
import { toIntegrationEvents, type BiddingEvent } from './bidding.integration';
import { bidSubmitted, competitionOpened, DEADLINE } from './testing/bidding.spec-fixtures';

describe('Bidding integration events', () => {
  it('announce an anonymous bid for a lot, without its bidder or content', () => {
    expect(
      toIntegrationEvents({
        type: 'BidEntered',
        data: { tenderId: 'tender-1', bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north', enteredAt: '2026-02-10T09:00:00.000Z' },
      }),
    ).toEqual([
      { type: 'bidding.bid-received.v1', data: { tenderId: 'tender-1', lotId: 'lot-north', bidId: 'bid-1', receivedAt: '2026-02-10T09:00:00.000Z' } },
    ]);
  });

  it('announce an anonymous withdrawal', () => {
    expect(
      toIntegrationEvents({
        type: 'BidEntryWithdrawn',
        data: { tenderId: 'tender-1', bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north', withdrawnAt: '2026-02-11T09:00:00.000Z' },
      }),
    ).toEqual([
      { type: 'bidding.bid-withdrawn.v1', data: { tenderId: 'tender-1', lotId: 'lot-north', bidId: 'bid-1', withdrawnAt: '2026-02-11T09:00:00.000Z' } },
    ]);
  });

  it('name the bidders only when the competition closes at the deadline', () => {
    expect(
      toIntegrationEvents({
        type: 'CompetitionClosed',
        data: { tenderId: 'tender-1', closedAt: DEADLINE, bids: [{ bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north' }] },
      }),
    ).toEqual([
      {
        type: 'bidding.bids-opened.v1',
        data: { tenderId: 'tender-1', openedAt: DEADLINE, bids: [{ bidId: 'bid-1', lotId: 'lot-north', organisationId: 'org-youth-trust' }] },
      },
    ]);
  });

  it.each<[string, BiddingEvent]>([
    ['sealed bid content', bidSubmitted],
    ['an echo of the tender being published', competitionOpened],
  ])('never publish %s', (_what, event) => {
    expect(toIntegrationEvents(event)).toEqual([]);
  });
});
