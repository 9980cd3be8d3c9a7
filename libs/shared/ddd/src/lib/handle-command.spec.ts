/// <reference types="jest" />
import { randomUUID } from 'node:crypto';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type EventToAppend,
  type ExpectedRevision,
} from '@tendril/shared/event-store';
import { DomainRuleBroken } from './decider';
import { commandEventId } from './event-id';
import { handleCommand } from './handle-command';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import {
  awardContract,
  closeTender,
  commandMetadata,
  submitBid,
  tenderDecider,
  type TenderCommand,
} from '../testing/tender.decider';

const STREAM = 'tender-42';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const handle = (store: InMemoryEventStore, command: TenderCommand, maxAttempts?: number) =>
  handleCommand({ store, streamName: STREAM, decider: tenderDecider, command, maxAttempts });

/** Another writer that appends to the stream just before each of our next `times` appends. */
const competingWriter = (store: InMemoryEventStore, times: number, write: (round: number) => Promise<unknown>) => {
  let round = 0;
  const hook = async () => {
    if (round >= times) return;
    round++;
    store.beforeAppend = null;
    try {
      await write(round);
    } finally {
      store.beforeAppend = hook;
    }
  };
  store.beforeAppend = hook;
};

const appendRaw = (store: InMemoryEventStore, events: EventToAppend[], expectedRevision: ExpectedRevision) =>
  store.appendToStream(STREAM, events, { expectedRevision });

describe('handleCommand', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });

  describe('on a stream that does not exist yet', () => {
    it('starts from the initial state and appends expecting no stream', async () => {
      const seen: ExpectedRevision[] = [];
      store.beforeAppend = (_stream, _events, options) => {
        seen.push(options.expectedRevision);
      };

      const result = await handle(store, submitBid('bid-a', 120_000));

      expect(seen).toEqual([NO_STREAM]);
      expect(result.events.map((event) => event.type)).toEqual(['BidSubmitted']);
      expect(result.state.bids).toEqual({ 'bid-a': 120_000 });
      expect(result.appendResult).toEqual({ nextExpectedRevision: 0, position: 0 });
      expect(store.eventsOf(STREAM)).toHaveLength(1);
    });
  });

  describe('on an existing stream', () => {
    it('decides on the folded state and appends at the exact revision it read', async () => {
      await handle(store, submitBid('bid-a', 120_000));
      await handle(store, submitBid('bid-b', 95_000));
      const seen: ExpectedRevision[] = [];
      store.beforeAppend = (_stream, _events, options) => {
        seen.push(options.expectedRevision);
      };

      const result = await handle(store, awardContract('bid-b'));

      expect(seen).toEqual([1]);
      expect(result.events.map(({ type, data }) => ({ type, data }))).toEqual([
        { type: 'ContractAwarded', data: { bidId: 'bid-b', amount: 95_000 } },
        { type: 'TenderClosed', data: {} },
      ]);
      expect(result.state).toEqual({ bids: { 'bid-a': 120_000, 'bid-b': 95_000 }, awardedTo: 'bid-b', closed: true });
      expect(result.appendResult).toEqual({ nextExpectedRevision: 3, position: 3 });
    });
  });

  describe('event metadata', () => {
    it("comes from the command's clock, actor, correlation and causation, with schema versions per type", async () => {
      await handle(store, submitBid('bid-a', 1));
      const metadata = commandMetadata({
        now: new Date('2030-04-02T14:00:00.000Z'),
        correlationId: 'corr-award',
        causationId: 'cmd-award-1',
      });

      const result = await handleCommand({
        store,
        streamName: STREAM,
        decider: tenderDecider,
        command: awardContract('bid-a', metadata),
        eventMetadata: { schemaVersions: { ContractAwarded: 3 } },
      });

      const stored = store.eventsOf(STREAM).slice(1).map((event) => event.metadata);
      expect(stored).toEqual(result.events.map((event) => event.metadata));
      expect(stored).toEqual([
        expect.objectContaining({
          schemaVersion: 3,
          occurredAt: '2030-04-02T14:00:00.000Z',
          correlationId: 'corr-award',
          causationId: 'cmd-award-1',
          actor: metadata.actor,
        }),
        expect.objectContaining({ schemaVersion: 1, occurredAt: '2030-04-02T14:00:00.000Z' }),
      ]);
    });

    it('uses fresh random event ids when the command has no idempotency key', async () => {
      await handle(store, submitBid('bid-a', 1));
      await handle(store, submitBid('bid-a', 1));

      const [first, second] = store.eventsOf(STREAM).map((event) => event.metadata.eventId);
      expect(first).toMatch(UUID);
      expect(second).toMatch(UUID);
      expect(first).not.toBe(second);
    });

    it('derives event ids from the idempotency key, stream and event index when a key is given', async () => {
      await handle(store, submitBid('bid-a', 1));
      const result = await handle(store, awardContract('bid-a', commandMetadata({ idempotencyKey: 'award-1' })));

      expect(result.events.map((event) => event.metadata.eventId)).toEqual([
        commandEventId({ idempotencyKey: 'award-1', streamName: STREAM, index: 0 }),
        commandEventId({ idempotencyKey: 'award-1', streamName: STREAM, index: 1 }),
      ]);
    });
  });

  describe('when decide has nothing to record', () => {
    it('appends nothing and returns the current state', async () => {
      await handle(store, closeTender());
      const callsBefore = store.appendCalls;

      const result = await handle(store, closeTender());

      expect(store.appendCalls).toBe(callsBefore);
      expect(result).toEqual({
        events: [],
        state: { bids: {}, awardedTo: null, closed: true },
        appendResult: null,
        alreadyApplied: false,
        attempts: 1,
      });
    });
  });

  describe('when a business rule refuses the command', () => {
    it('rethrows the broken rule and appends nothing', async () => {
      await handle(store, closeTender());

      await expect(handle(store, submitBid('bid-a', 1))).rejects.toMatchObject({ code: 'TENDER_CLOSED' });
      expect(store.eventsOf(STREAM)).toHaveLength(1);
    });
  });

  describe('when another writer appends between our read and our append', () => {
    it('reads again, decides again on the new state and appends after the other writer', async () => {
      await handle(store, submitBid('bid-a', 100));
      competingWriter(store, 1, () =>
        appendRaw(store, [{ type: 'BidSubmitted', data: { bidId: 'bid-b', amount: 80 }, metadata: meta() }], 0),
      );

      const result = await handle(store, submitBid('bid-c', 70));

      expect(result.attempts).toBe(2);
      expect(store.eventsOf(STREAM).map((event) => event.data)).toEqual([
        { bidId: 'bid-a', amount: 100 },
        { bidId: 'bid-b', amount: 80 },
        { bidId: 'bid-c', amount: 70 },
      ]);
      expect(result.state.bids).toEqual({ 'bid-a': 100, 'bid-b': 80, 'bid-c': 70 });
    });

    it('refuses the command when the other writer made it invalid, instead of awarding twice', async () => {
      await handle(store, submitBid('bid-a', 100));
      await handle(store, submitBid('bid-b', 80));
      competingWriter(store, 1, () => handle(store, awardContract('bid-a')));

      await expect(handle(store, awardContract('bid-b'))).rejects.toBeInstanceOf(DomainRuleBroken);
      expect(store.eventsOf(STREAM).filter((event) => event.type === 'ContractAwarded')).toHaveLength(1);
    });

    it('gives up after maxAttempts and rethrows the revision conflict', async () => {
      competingWriter(store, Infinity, (round) =>
        appendRaw(
          store,
          [{ type: 'BidSubmitted', data: { bidId: `rival-${round}`, amount: round }, metadata: meta() }],
          round === 1 ? NO_STREAM : round - 2,
        ),
      );

      await expect(handle(store, submitBid('bid-a', 1), 3)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(store.eventsOf(STREAM).map((event) => (event.data as { bidId: string }).bidId)).toEqual([
        'rival-1',
        'rival-2',
        'rival-3',
      ]);
    });

    it('refuses a maxAttempts that is not a positive integer', async () => {
      await expect(handle(store, submitBid('bid-a', 1), 0)).rejects.toThrow(TypeError);
      expect(store.appendCalls).toBe(0);
    });
  });

  describe('a command retried with the same idempotency key', () => {
    const keyed = (command: (metadata: ReturnType<typeof commandMetadata>) => TenderCommand, key: string) =>
      command(commandMetadata({ idempotencyKey: key }));

    it('after the first attempt committed, returns the stored events and appends nothing', async () => {
      await handle(store, submitBid('bid-a', 100));
      const first = await handle(store, keyed((m) => awardContract('bid-a', m), 'award-1'));
      const callsBefore = store.appendCalls;

      const retry = await handle(store, keyed((m) => awardContract('bid-a', m), 'award-1'));

      expect(store.appendCalls).toBe(callsBefore);
      expect(retry.alreadyApplied).toBe(true);
      expect(retry.events).toEqual(first.events);
      expect(retry.appendResult).toEqual(first.appendResult);
      expect(store.eventsOf(STREAM).filter((event) => event.type === 'ContractAwarded')).toHaveLength(1);
    });

    it('records a second bid once, even though the same bid without a key would be recorded twice', async () => {
      await handle(store, keyed((m) => submitBid('bid-a', 100, m), 'bid-a-submit'));
      await handle(store, keyed((m) => submitBid('bid-a', 100, m), 'bid-a-submit'));
      expect(store.eventsOf(STREAM)).toHaveLength(1);

      await handle(store, submitBid('bid-a', 100));
      expect(store.eventsOf(STREAM)).toHaveLength(2);
    });

    it('when the first attempt lands at the same revision while the retry decides, the store answers idempotently', async () => {
      await handle(store, submitBid('bid-a', 100));
      const command = keyed((m) => awardContract('bid-a', m), 'award-1');
      // The slow first attempt commits after the retry has read the stream at the same revision.
      competingWriter(store, 1, () => handle(store, command));

      const retry = await handle(store, command);

      expect(retry.attempts).toBe(1);
      expect(store.eventsOf(STREAM).map((event) => event.type)).toEqual([
        'BidSubmitted',
        'ContractAwarded',
        'TenderClosed',
      ]);
    });

    it('when the first attempt lands at a later revision, the duplicate event id is taken as already applied', async () => {
      await handle(store, submitBid('bid-a', 100));
      const command = keyed((m) => awardContract('bid-a', m), 'award-1');
      competingWriter(store, 1, async () => {
        await handle(store, submitBid('bid-b', 90));
        await handle(store, command);
      });

      const retry = await handle(store, command);

      expect(retry.alreadyApplied).toBe(true);
      expect(retry.events.map((event) => event.type)).toEqual(['ContractAwarded', 'TenderClosed']);
      expect(retry.appendResult).toEqual({ nextExpectedRevision: 3, position: 3 });
      expect(store.eventsOf(STREAM).filter((event) => event.type === 'ContractAwarded')).toHaveLength(1);
    });

    it('a different key is a different request', async () => {
      await handle(store, keyed((m) => submitBid('bid-a', 100, m), 'first'));
      await handle(store, keyed((m) => submitBid('bid-a', 100, m), 'second'));
      expect(store.eventsOf(STREAM)).toHaveLength(2);
    });
  });
});

const meta = () => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  occurredAt: '2030-03-01T09:00:00.000Z',
  correlationId: 'corr-rival',
  causationId: null,
  actor: { userId: 'user-rival', role: 'provider' as const, organisationId: 'org-rival' },
});
