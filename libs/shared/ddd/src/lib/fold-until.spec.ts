/// <reference types="jest" />
import type { RecordedEvent } from '@tendril/shared/event-store';
import { auditTrailEntryOf, foldStreamUntil, foldUntil } from './fold-until';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { tenderDecider } from '../testing/tender.decider';

const actor = { userId: 'u-clara', role: 'commissioner', organisationId: 'org-council' } as const;

const recorded = (revision: number, type: string, data: unknown, occurredAt: string): RecordedEvent => ({
  streamName: 'tender-t1',
  revision,
  position: 100 + revision,
  type,
  data,
  metadata: { eventId: `00000000-0000-4000-8000-00000000000${revision}`, schemaVersion: 1, occurredAt, correlationId: 'c-1', causationId: null, actor },
  recordedAt: occurredAt,
});

const history = [
  recorded(0, 'BidSubmitted', { bidId: 'bid-a', amount: 120_000 }, '2026-03-01T09:00:00.000Z'),
  recorded(1, 'BidSubmitted', { bidId: 'bid-b', amount: 90_000 }, '2026-03-02T09:00:00.000Z'),
  recorded(2, 'ContractAwarded', { bidId: 'bid-b', amount: 90_000 }, '2026-03-10T12:00:00.000Z'),
  recorded(3, 'TenderClosed', {}, '2026-03-10T12:00:00.000Z'),
];

/** Counts how far a consumer pulled, so the spec can tell a streamed read from a whole-log load. */
const counted = (events: readonly RecordedEvent[]) => {
  const pulls = { count: 0, closedEarly: false };
  const iterable: AsyncIterable<RecordedEvent> = {
    [Symbol.asyncIterator]() {
      let index = 0;
      return {
        async next() {
          const event = events[index++];
          if (event === undefined) return { done: true, value: undefined };
          pulls.count++;
          return { done: false, value: event };
        },
        async return() {
          pulls.closedEarly = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { iterable, pulls };
};

describe('Folding a stream up to an instant', () => {
  it('gives the state before the award when asked for an instant before it', async () => {
    const { state, eventsApplied, lastEvent } = await foldUntil(counted(history).iterable, tenderDecider, new Date('2026-03-05T00:00:00Z'));
    expect(state).toEqual({ bids: { 'bid-a': 120_000, 'bid-b': 90_000 }, awardedTo: null, closed: false });
    expect(eventsApplied).toBe(2);
    expect(lastEvent).toEqual({ revision: 1, position: 101, type: 'BidSubmitted', occurredAt: '2026-03-02T09:00:00.000Z' });
  });

  it('includes events that happened exactly at the instant', async () => {
    const { state } = await foldUntil(counted(history).iterable, tenderDecider, new Date('2026-03-10T12:00:00.000Z'));
    expect(state).toMatchObject({ awardedTo: 'bid-b', closed: true });
  });

  it('stops pulling events at the first one after the instant and closes the read', async () => {
    const { iterable, pulls } = counted(history);
    await foldUntil(iterable, tenderDecider, new Date('2026-03-01T10:00:00Z'));
    expect(pulls.count).toBe(2);
    expect(pulls.closedEarly).toBe(true);
  });

  it('gives the initial state for an instant before the first event', async () => {
    const folded = await foldUntil(counted(history).iterable, tenderDecider, new Date('2020-01-01T00:00:00Z'));
    expect(folded).toEqual({ state: tenderDecider.initialState(), eventsApplied: 0, lastEvent: null });
  });

  it('refuses an instant that is not a date', async () => {
    await expect(foldUntil(counted(history).iterable, tenderDecider, new Date('not a date'))).rejects.toThrow(RangeError);
  });

  it('treats a stream that does not exist as nothing having happened yet', async () => {
    const store = new InMemoryEventStore();
    const folded = await foldStreamUntil(store, 'tender-nowhere', tenderDecider, new Date());
    expect(folded.eventsApplied).toBe(0);
    expect(folded.state).toEqual(tenderDecider.initialState());
  });

  it('reads a stored stream through the store port', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('tender-t2', history.map(({ type, data, metadata }) => ({ type, data, metadata })), { expectedRevision: 'no_stream' });
    const folded = await foldStreamUntil(store, 'tender-t2', tenderDecider, new Date('2026-03-01T09:00:00Z'));
    expect(folded.state).toEqual({ bids: { 'bid-a': 120_000 }, awardedTo: null, closed: false });
  });
});

describe('An audit trail entry', () => {
  it('carries the actor, the time, the reason in the event’s own words and its evidence references', () => {
    const entry = auditTrailEntryOf(
      recorded(2, 'LotAwarded', { rationale: 'Highest score', evidenceRefs: ['evaluation-ALL', 7], justification: 'ignored' }, '2026-03-10T12:00:00.000Z'),
    );
    expect(entry).toMatchObject({ eventType: 'LotAwarded', actor, occurredAt: '2026-03-10T12:00:00.000Z', reason: 'Highest score', evidenceRefs: ['evaluation-ALL'] });
  });

  it('has no reason and no evidence when the event records none', () => {
    expect(auditTrailEntryOf(recorded(0, 'BidSubmitted', { bidId: 'a', reason: '  ' }, '2026-03-01T09:00:00.000Z'))).toMatchObject({ reason: null, evidenceRefs: [] });
  });
});
