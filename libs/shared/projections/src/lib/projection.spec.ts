/// <reference types="jest" />
import type { RecordedEvent } from '@tendril/shared/event-store';
import { matchesFilter, type ProjectedEvent } from './projection';
import { retryDelayMs } from './projector';
import { tenderBoardProjection, type TenderBoardEvent } from '../testing/tender-board.fixture';

let position = 0;
const recorded = <E extends TenderBoardEvent>(event: E): ProjectedEvent<E> =>
  ({
    ...event,
    streamName: `tender-${event.data.tenderId}`,
    revision: 0,
    position: ++position,
    recordedAt: '2030-05-01T10:00:00.000Z',
    metadata: {
      eventId: '00000000-0000-4000-8000-000000000000',
      schemaVersion: 1,
      occurredAt: '2030-05-01T10:00:00.000Z',
      correlationId: 'c',
      causationId: null,
      actor: { userId: 'u', role: 'commissioner', organisationId: 'o' },
    },
  }) as ProjectedEvent<E>;

describe('A row projection', () => {
  // The mapping is a pure function over rows: no database needed to check it.
  const { evolve } = tenderBoardProjection;

  it('creates the row when the tender is published', () => {
    expect(evolve(null, recorded({ type: 'TenderPublished', data: { tenderId: 't1', title: 'Mentoring' } }))).toEqual({
      tenderId: 't1',
      title: 'Mentoring',
      status: 'open',
      bidCount: 0,
      totalAmount: 0,
    });
  });

  it('counts bids in and out', () => {
    const open = { tenderId: 't1', title: 'Mentoring', status: 'open' as const, bidCount: 2, totalAmount: 300 };
    const bid = { tenderId: 't1', bidId: 'b3', amount: 50 };
    const withBid = evolve(open, recorded({ type: 'BidSubmitted', data: bid }));
    expect(withBid).toMatchObject({ bidCount: 3, totalAmount: 350 });
    expect(evolve(withBid, recorded({ type: 'BidWithdrawn', data: bid }))).toEqual(open);
  });

  it('leaves no row for an event about a tender it never saw published', () => {
    expect(evolve(null, recorded({ type: 'TenderClosed', data: { tenderId: 'nope' } }))).toBeNull();
  });

  it('asks the log for exactly the event types it handles', () => {
    expect(tenderBoardProjection.filter).toEqual({
      eventTypes: ['TenderPublished', 'BidSubmitted', 'BidWithdrawn', 'TenderClosed'],
    });
  });
});

describe('matchesFilter', () => {
  const event = { type: 'BidSubmitted', streamName: 'bid-42' } as Pick<RecordedEvent, 'type' | 'streamName'>;

  it('lets through events of the listed types and stream prefixes', () => {
    expect(matchesFilter(event, { eventTypes: ['BidSubmitted'], streamPrefixes: ['bid-'] })).toBe(true);
    expect(matchesFilter(event, {})).toBe(true);
  });

  it('stops events of other types or other streams', () => {
    expect(matchesFilter(event, { eventTypes: ['BidWithdrawn'] })).toBe(false);
    expect(matchesFilter(event, { streamPrefixes: ['tender-'] })).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 50].map((attempt) => retryDelayMs(attempt, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
