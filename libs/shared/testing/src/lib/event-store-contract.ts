/// <reference types="jest" />
import {
  DEFAULT_MAX_EVENT_BYTES,
  DuplicateEventIdError,
  type EventStore,
  EventStoreUnavailableError,
  EventTooLargeError,
  type EventToAppend,
  InvalidEventError,
  NO_STREAM,
  type RecordedEvent,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@tendril/shared/event-store';
import {
  aStreamName,
  aUniquePrefix,
  anEvent,
  collect,
  eventIds,
  refusal,
  someEvents,
  takeFromSubscription,
  within,
} from './event-store-contract.fixtures';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Releases what the factory made (closing the store again must be harmless). */
  dispose(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must show. Each test writes to streams whose names no
 * other test uses and filters the global log by its own prefix, so the suite also runs against a
 * shared, long-lived server. It never assumes positions are dense or start anywhere in particular.
 */
export interface EventStoreCapabilities {
  /**
   * Whether an event id already stored in one stream is refused in another. The embedded store keeps a
   * global index of ids; EventStoreDB has none and detects reuse only within a stream. Tendril derives
   * event ids from (idempotency key, stream, index), so an id can only recur in its own stream.
   */
  readonly refusesEventIdsReusedAcrossStreams: boolean;
}

export const describeEventStoreContract = (
  adapterName: string,
  factory: () => Promise<EventStoreUnderTest>,
  capabilities: EventStoreCapabilities = { refusesEventIdsReusedAcrossStreams: true },
): void => {
  describe(`The ${adapterName} event store (contract)`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.dispose();
    });

    const readStream = (streamName: string, options?: Parameters<EventStore['readStream']>[1]) =>
      collect(store.readStream(streamName, options));
    const readOwnLog = (prefix: string, options: Parameters<EventStore['readAll']>[0] = {}) =>
      collect(store.readAll({ ...options, filter: { ...options.filter, streamPrefixes: [prefix] } }));

    describe('appending to a stream that must not exist yet (NO_STREAM)', () => {
      it('creates the stream with revisions from 0 and returns the last revision and its position', async () => {
        const stream = aStreamName();
        const result = await store.appendToStream(stream, someEvents('TenderDrafted', 3), { expectedRevision: NO_STREAM });

        const events = await readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.nextExpectedRevision).toBe(2);
        expect(result.position).toBe(events[2]?.position);
        expect(await store.streamRevision(stream)).toBe(2);
      });

      it('is refused once the stream exists, naming the stream, the expectation and the actual revision', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('TenderDrafted', 2), { expectedRevision: NO_STREAM });

        const error = await refusal(store.appendToStream(stream, [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM }));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          streamName: stream,
          expectedRevision: NO_STREAM,
          actualRevision: 1,
        });
        expect(error.message).toContain(stream);
        expect(await readStream(stream)).toHaveLength(2);
      });
    });

    describe('appending to a stream that must exist (STREAM_EXISTS)', () => {
      it('appends after the last event of an existing stream', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('BidDrafted', 2), { expectedRevision: NO_STREAM });

        const result = await store.appendToStream(stream, [anEvent('BidSubmitted')], { expectedRevision: STREAM_EXISTS });

        expect(result.nextExpectedRevision).toBe(2);
        expect((await readStream(stream)).map((e) => e.type)).toEqual(['BidDrafted', 'BidDrafted', 'BidSubmitted']);
      });

      it('is refused for a stream that does not exist, which stays missing', async () => {
        const stream = aStreamName();

        const error = await refusal(store.appendToStream(stream, [anEvent('BidSubmitted')], { expectedRevision: STREAM_EXISTS }));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream, expectedRevision: STREAM_EXISTS, actualRevision: NO_STREAM });
        expect(await store.streamRevision(stream)).toBeNull();
      });
    });

    describe('appending at an exact revision', () => {
      it('appends when the stream is exactly at that revision', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('TenderDrafted', 2), { expectedRevision: NO_STREAM });

        const result = await store.appendToStream(stream, someEvents('TenderPublished', 2), { expectedRevision: 1 });

        expect(result.nextExpectedRevision).toBe(3);
        expect((await readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it('is refused when the stream has moved on since it was read, and writes nothing', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('TenderDrafted', 3), { expectedRevision: NO_STREAM });

        const error = await refusal(store.appendToStream(stream, someEvents('TenderPublished', 2), { expectedRevision: 0 }));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream, expectedRevision: 0, actualRevision: 2 });
        expect(error.message).toContain(stream);
        expect((await readStream(stream)).map((e) => e.type)).toEqual(['TenderDrafted', 'TenderDrafted', 'TenderDrafted']);
      });

      it('is refused when the expected revision is ahead of the stream', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });

        const error = await refusal(store.appendToStream(stream, [anEvent('TenderPublished')], { expectedRevision: 5 }));

        expect(error).toMatchObject({ streamName: stream, expectedRevision: 5, actualRevision: 0 });
      });

      it('is refused for a stream that does not exist', async () => {
        const stream = aStreamName();

        const error = await refusal(store.appendToStream(stream, [anEvent('TenderPublished')], { expectedRevision: 0 }));

        expect(error).toMatchObject({ streamName: stream, expectedRevision: 0, actualRevision: NO_STREAM });
        expect(await store.streamRevision(stream)).toBeNull();
      });

      it('lets exactly one of several concurrent appends at the same revision through', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, [anEvent('BidDrafted')], { expectedRevision: NO_STREAM });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 5 }, (_, n) => store.appendToStream(stream, [anEvent('BidAmended', { n })], { expectedRevision: 0 })),
        );

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(refusals).toHaveLength(4);
        for (const r of refusals) expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
      });
    });

    describe('a batch of events', () => {
      it('is stored whole, in order, with strictly increasing global positions', async () => {
        const stream = aStreamName();
        const batch = someEvents('ContractAwarded', 5);

        await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });

        const events = await readStream(stream);
        expect(eventIds(events)).toEqual(eventIds(batch));
        const positions = events.map((e) => e.position);
        for (let i = 1; i < positions.length; i += 1) expect(positions[i]).toBeGreaterThan(positions[i - 1] as number);
      });

      it('writes nothing when one of its events is not JSON', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, [anEvent('BidDrafted')], { expectedRevision: NO_STREAM });
        const batch: EventToAppend[] = [anEvent('BidAmended', { ok: true }), anEvent('BidAmended', { at: new Date() })];

        const error = await refusal(store.appendToStream(stream, batch, { expectedRevision: 0 }));

        expect(error).toBeInstanceOf(InvalidEventError);
        expect(await readStream(stream)).toHaveLength(1);
      });

      it.each([
        ['a function', { f: () => 1 }],
        ['a number that is not finite', { amount: Number.NaN }],
        ['undefined', { missing: undefined }],
        ['a class instance', { when: new Map() }],
      ])('refuses data containing %s', async (_what, data) => {
        const stream = aStreamName();

        const error = await refusal(store.appendToStream(stream, [anEvent('BidDrafted', data)], { expectedRevision: NO_STREAM }));

        expect(error).toBeInstanceOf(InvalidEventError);
        expect(await store.streamRevision(stream)).toBeNull();
      });

      it('writes nothing when one of its events is larger than the limit', async () => {
        const stream = aStreamName();
        const oversize = anEvent('DocumentAttached', { text: 'x'.repeat(DEFAULT_MAX_EVENT_BYTES + 1024) });

        const error = await refusal(store.appendToStream(stream, [anEvent('BidDrafted'), oversize], { expectedRevision: NO_STREAM }));

        expect(error).toBeInstanceOf(EventTooLargeError);
        expect(error).toMatchObject({ code: 'EVENT_TOO_LARGE', eventType: 'DocumentAttached' });
        expect(await store.streamRevision(stream)).toBeNull();
      });

      it('writes nothing when it is refused for its expected revision', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, [anEvent('BidDrafted')], { expectedRevision: NO_STREAM });

        await refusal(store.appendToStream(stream, someEvents('BidAmended', 3), { expectedRevision: NO_STREAM }));

        expect(await store.streamRevision(stream)).toBe(0);
      });

      it('is refused when it is empty, repeats an event id, or targets a reserved stream name', async () => {
        const stream = aStreamName();
        const event = anEvent('BidDrafted');

        expect(await refusal(store.appendToStream(stream, [], { expectedRevision: NO_STREAM }))).toBeInstanceOf(InvalidEventError);
        expect(await refusal(store.appendToStream(stream, [event, event], { expectedRevision: NO_STREAM }))).toBeInstanceOf(
          InvalidEventError,
        );
        expect(await refusal(store.appendToStream(`$${stream}`, [anEvent('BidDrafted')], { expectedRevision: NO_STREAM }))).toBeInstanceOf(
          InvalidEventError,
        );
        expect(await store.streamRevision(stream)).toBeNull();
      });
    });

    describe('retrying an append', () => {
      it('with the same event ids at the same expected revision returns the original result and writes nothing', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });
        const batch = someEvents('TenderAmended', 2);
        const original = await store.appendToStream(stream, batch, { expectedRevision: 0 });

        const retried = await store.appendToStream(stream, batch, { expectedRevision: 0 });

        expect(retried).toEqual(original);
        expect(eventIds(await readStream(stream))).toEqual([expect.any(String), ...eventIds(batch)]);
      });

      it('of a stream-creating append is idempotent too', async () => {
        const stream = aStreamName();
        const batch = someEvents('TenderDrafted', 2);
        const original = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });

        const retried = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });

        expect(retried).toEqual(original);
        expect(await readStream(stream)).toHaveLength(2);
      });

      it('still returns the original result after the stream has moved on', async () => {
        const stream = aStreamName();
        const batch = [anEvent('TenderDrafted')];
        const original = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
        await store.appendToStream(stream, [anEvent('TenderPublished')], { expectedRevision: 0 });

        const retried = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });

        expect(retried).toEqual(original);
        expect(await store.streamRevision(stream)).toBe(1);
      });
    });

    describe('an event id that is already stored', () => {
      it('is refused when appended again to the same stream at its current revision', async () => {
        const stream = aStreamName();
        const event = anEvent('BidDrafted');
        await store.appendToStream(stream, [event], { expectedRevision: NO_STREAM });

        const error = await refusal(store.appendToStream(stream, [event], { expectedRevision: 0 }));

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: event.metadata.eventId, streamName: stream });
        expect(await store.streamRevision(stream)).toBe(0);
      });

      (capabilities.refusesEventIdsReusedAcrossStreams ? it : it.skip)('is refused in another stream, and that append writes nothing', async () => {
        const prefix = aUniquePrefix();
        const first = aStreamName(prefix);
        const second = aStreamName(prefix);
        const event = anEvent('BidDrafted');
        await store.appendToStream(first, [event], { expectedRevision: NO_STREAM });

        const error = await refusal(store.appendToStream(second, [anEvent('BidDrafted'), event], { expectedRevision: NO_STREAM }));

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: event.metadata.eventId, streamName: first });
        expect(await store.streamRevision(second)).toBeNull();
      });
    });

    describe('reading a stream', () => {
      const aStreamOf = async (count: number): Promise<string> => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('LotAdded', count), { expectedRevision: NO_STREAM });
        return stream;
      };
      const numbers = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

      it('forwards from the start returns every event in order', async () => {
        const stream = await aStreamOf(6);
        expect(numbers(await readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
      });

      it('forwards from a revision (inclusive) with a maximum count', async () => {
        const stream = await aStreamOf(6);
        const events = await readStream(stream, { fromRevision: 2, maxCount: 3 });
        expect(events.map((e) => e.revision)).toEqual([2, 3, 4]);
      });

      it('backwards from the end returns the newest first', async () => {
        const stream = await aStreamOf(4);
        expect(numbers(await readStream(stream, { direction: 'backwards' }))).toEqual([3, 2, 1, 0]);
      });

      it('backwards from a revision (inclusive) with a maximum count', async () => {
        const stream = await aStreamOf(6);
        const events = await readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 });
        expect(events.map((e) => e.revision)).toEqual([3, 2]);
      });

      it('backwards with a maximum count of 1 gives the last event', async () => {
        const stream = await aStreamOf(3);
        const events = await readStream(stream, { direction: 'backwards', maxCount: 1 });
        expect(events.map((e) => e.revision)).toEqual([2]);
      });

      it('fails with StreamNotFoundError when the stream has no events', async () => {
        const stream = aStreamName();
        const error = await refusal(readStream(stream));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ code: 'STREAM_NOT_FOUND', streamName: stream });
      });
    });

    describe('reading the global log', () => {
      /** Two contexts' streams, appended alternately so their events interleave in the log. */
      const anInterleavedLog = async () => {
        const prefix = aUniquePrefix();
        const tenders = `${prefix}tender-`;
        const bids = `${prefix}bid-`;
        const tender = aStreamName(tenders);
        const bid = aStreamName(bids);
        const appended: { stream: string; event: EventToAppend }[] = [];
        for (let i = 0; i < 4; i += 1) {
          const t = anEvent(i % 2 === 0 ? 'TenderDrafted' : 'TenderAmended', { i });
          const b = anEvent('BidDrafted', { i });
          await store.appendToStream(tender, [t], { expectedRevision: i === 0 ? NO_STREAM : i - 1 });
          await store.appendToStream(bid, [b], { expectedRevision: i === 0 ? NO_STREAM : i - 1 });
          appended.push({ stream: tender, event: t }, { stream: bid, event: b });
        }
        return { prefix, tenders, bids, tender, bid, appended };
      };

      it('forwards, filtered by stream prefix, gives those streams in log order', async () => {
        const log = await anInterleavedLog();

        const events = await readOwnLog(log.prefix);

        expect(eventIds(events)).toEqual(log.appended.map((a) => a.event.metadata.eventId));
        expect(events.map((e) => e.streamName)).toEqual(log.appended.map((a) => a.stream));
      });

      it('with several prefixes gives the events of any of them, and only them', async () => {
        const log = await anInterleavedLog();
        const other = await anInterleavedLog();

        const events = await collect(store.readAll({ filter: { streamPrefixes: [log.bids, other.tenders] } }));

        const expected = [
          ...log.appended.filter((a) => a.stream === log.bid),
          ...other.appended.filter((a) => a.stream === other.tender),
        ].map((a) => a.event.metadata.eventId);
        expect(eventIds(events)).toEqual(expected);
      });

      it('filtered by event types gives only those types', async () => {
        const log = await anInterleavedLog();

        const events = await readOwnLog(log.prefix, { filter: { eventTypes: ['TenderAmended', 'BidDrafted'] } });

        expect(events.map((e) => e.type)).toEqual(['BidDrafted', 'TenderAmended', 'BidDrafted', 'BidDrafted', 'TenderAmended', 'BidDrafted']);
      });

      it('matches prefixes literally, with no wildcard characters', async () => {
        const prefix = aUniquePrefix();
        const streams = [`${prefix}a%b`, `${prefix}a_b`, `${prefix}axb`, `${prefix}A%b`];
        for (const stream of streams) await store.appendToStream(stream, [anEvent('Noted')], { expectedRevision: NO_STREAM });

        const percent = await collect(store.readAll({ filter: { streamPrefixes: [`${prefix}a%`] } }));
        const underscore = await collect(store.readAll({ filter: { streamPrefixes: [`${prefix}a_`] } }));

        expect(percent.map((e) => e.streamName)).toEqual([`${prefix}a%b`]);
        expect(underscore.map((e) => e.streamName)).toEqual([`${prefix}a_b`]);
      });

      it('forwards from a position (inclusive) with a maximum count', async () => {
        const log = await anInterleavedLog();
        const all = await readOwnLog(log.prefix);
        const third = all[2] as RecordedEvent;

        const events = await readOwnLog(log.prefix, { fromPosition: third.position, maxCount: 3 });

        expect(eventIds(events)).toEqual(eventIds(all.slice(2, 5)));
      });

      it('backwards from the end gives the newest first', async () => {
        const log = await anInterleavedLog();
        const all = await readOwnLog(log.prefix);

        const events = await readOwnLog(log.prefix, { direction: 'backwards', maxCount: 3 });

        expect(eventIds(events)).toEqual(eventIds(all.slice(-3).reverse()));
      });

      it('backwards from a position (inclusive) with a filter', async () => {
        const log = await anInterleavedLog();
        const bids = await readOwnLog(log.bids);
        const third = bids[2] as RecordedEvent;

        const events = await readOwnLog(log.bids, { direction: 'backwards', fromPosition: third.position, maxCount: 10 });

        expect(eventIds(events)).toEqual(eventIds(bids.slice(0, 3).reverse()));
      });
    });

    describe('a catch-up subscription to the global log', () => {
      it('starts after the checkpoint (exclusive), then delivers live events, in order, once each', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const history = someEvents('TenderAmended', 5);
        await store.appendToStream(stream, history, { expectedRevision: NO_STREAM });
        const checkpoint = (await readOwnLog(prefix))[1] as RecordedEvent;
        const live = someEvents('TenderPublished', 2, 5);
        const subscription = store.subscribeToAll({ afterPosition: checkpoint.position, filter: { streamPrefixes: [prefix] } });

        const received = await takeFromSubscription(subscription, 5, {
          onEvent: async (_event, index) => {
            if (index === 2) await store.appendToStream(stream, live, { expectedRevision: 4 });
          },
        });

        expect(eventIds(received)).toEqual(eventIds([...history.slice(2), ...live]));
      });

      it('loses and repeats nothing when events are appended while it is catching up', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const history = someEvents('BidAmended', 40);
        await store.appendToStream(stream, history, { expectedRevision: NO_STREAM });
        const checkpoint = (await readOwnLog(prefix, { maxCount: 10 }))[9] as RecordedEvent;
        const written = [...history];
        let appending: Promise<void> = Promise.resolve();

        const subscription = store.subscribeToAll({ afterPosition: checkpoint.position, filter: { streamPrefixes: [prefix] } });
        const received = await takeFromSubscription(subscription, 30 + 20, {
          timeoutMs: 10_000,
          onEvent: (_event, index) => {
            if (index !== 0) return;
            // Appends race the catch-up: some land before it reaches the end of history, some after.
            appending = (async () => {
              for (let batch = 0; batch < 4; batch += 1) {
                const events = someEvents('BidAmended', 5, 40 + batch * 5);
                written.push(...events);
                await store.appendToStream(stream, events, { expectedRevision: 39 + batch * 5 });
              }
            })();
          },
        });
        await appending;

        expect(eventIds(received)).toEqual(eventIds(written.slice(10)));
        const positions = received.map((e) => e.position);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
      });

      it('from the beginning delivers history of the filtered streams, then live events', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const first = someEvents('SupplierRegistered', 2);
        const later = [anEvent('SupplierVerified')];
        await store.appendToStream(stream, first, { expectedRevision: NO_STREAM });

        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const received = await takeFromSubscription(subscription, 3, {
          timeoutMs: 10_000,
          onEvent: async (_event, index) => {
            if (index === 1) await store.appendToStream(stream, later, { expectedRevision: 1 });
          },
        });

        expect(eventIds(received)).toEqual(eventIds([...first, ...later]));
      });

      it('delivers only the event types asked for', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const drafted = anEvent('BidDrafted');
        const submitted = anEvent('BidSubmitted');
        const checkpoint = await store.appendToStream(aStreamName(prefix), [anEvent('BidDrafted')], { expectedRevision: NO_STREAM });
        await store.appendToStream(stream, [drafted, anEvent('BidAmended'), submitted], { expectedRevision: NO_STREAM });

        const subscription = store.subscribeToAll({
          afterPosition: checkpoint.position,
          filter: { streamPrefixes: [prefix], eventTypes: ['BidDrafted', 'BidSubmitted', 'BidWithdrawn'] },
        });
        const withdrawn = anEvent('BidWithdrawn');
        const received = await takeFromSubscription(subscription, 3, {
          onEvent: async (_event, index) => {
            if (index === 1) await store.appendToStream(stream, [anEvent('BidAmended'), withdrawn], { expectedRevision: 2 });
          },
        });

        expect(eventIds(received)).toEqual(eventIds([drafted, submitted, withdrawn]));
      });

      it('ends the iteration of a consumer waiting for live events when it is closed', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const result = await store.appendToStream(stream, [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });
        const subscription = store.subscribeToAll({ afterPosition: result.position, filter: { streamPrefixes: [prefix] } });
        const received: RecordedEvent[] = [];

        const iterating = (async () => {
          for await (const event of subscription) received.push(event);
          return 'ended';
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();

        expect(await within(iterating, 2_000, 'still waiting')).toBe('ended');
        expect(received).toEqual([]);
      });
    });

    describe('metadata', () => {
      it('round-trips every field through stream reads, global reads and subscriptions', async () => {
        const prefix = aUniquePrefix();
        const stream = aStreamName(prefix);
        const event = anEvent(
          'ContractAwarded',
          { amountPence: 1_250_000, lots: ['lot-1', 'lot-2'], note: 'Ünïcödé ✓', nested: { ok: true, none: null } },
          {
            schemaVersion: 3,
            occurredAt: '2031-04-05T06:07:08.009Z',
            correlationId: '9a1c1a36-4f57-4a8e-a5d4-6d0b8d2c2f11',
            causationId: '1b7e5c07-4fd3-45a4-9e02-1b1d9d5b7c22',
            actor: { userId: 'user-awarding-officer', role: 'commissioner', organisationId: 'org-leeds-city-council' },
          },
        );
        const platformEvent = anEvent('TenderClosed', {}, { causationId: null, actor: { userId: 'scheduler', role: 'system', organisationId: null } });
        const checkpoint = await store.appendToStream(aStreamName(prefix), [anEvent('Marker')], { expectedRevision: NO_STREAM });
        const before = Date.now();
        const result = await store.appendToStream(stream, [event, platformEvent], { expectedRevision: NO_STREAM });

        const fromStream = await readStream(stream);
        const fromLog = await readOwnLog(prefix, { fromPosition: checkpoint.position, maxCount: 3 });
        const fromSubscription = await takeFromSubscription(
          store.subscribeToAll({ afterPosition: checkpoint.position, filter: { streamPrefixes: [prefix] } }),
          2,
        );

        for (const recorded of [fromStream, fromLog.slice(1), fromSubscription]) {
          expect(recorded.map((e) => e.metadata)).toEqual([event.metadata, platformEvent.metadata]);
          expect(recorded[0]).toMatchObject({ streamName: stream, revision: 0, type: 'ContractAwarded', data: event.data });
          expect(recorded[1]).toMatchObject({ streamName: stream, revision: 1, type: 'TenderClosed', data: {}, position: result.position });
          expect(Date.parse(recorded[0]?.recordedAt ?? '')).toBeGreaterThanOrEqual(before - 60_000);
          expect(Date.parse(recorded[0]?.recordedAt ?? '')).toBeLessThanOrEqual(Date.now() + 60_000);
        }
        expect(fromStream[0]?.position).toBeLessThan(result.position);
      });
    });

    describe('the revision of a stream and the head of the log', () => {
      it('reports no revision for a stream that does not exist', async () => {
        expect(await store.streamRevision(aStreamName())).toBeNull();
      });

      it('reports the revision of the last event of a stream', async () => {
        const stream = aStreamName();
        await store.appendToStream(stream, someEvents('LotAdded', 3), { expectedRevision: NO_STREAM });
        await store.appendToStream(stream, someEvents('LotAdded', 2), { expectedRevision: 2 });
        expect(await store.streamRevision(stream)).toBe(4);
      });

      it('has the head of the log at or past the last acknowledged append, moving forward with each append', async () => {
        const first = await store.appendToStream(aStreamName(), [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });
        const headAfterFirst = await store.headPosition();
        const second = await store.appendToStream(aStreamName(), [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });

        expect(headAfterFirst).toBeGreaterThanOrEqual(first.position);
        expect(second.position).toBeGreaterThan(first.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(second.position);
      });
    });

    describe('closing', () => {
      it('lets appends already made finish, then refuses every call with STORE_CLOSED', async () => {
        const own = await factory();
        try {
          const stream = aStreamName();
          const appending = own.store.appendToStream(stream, [anEvent('TenderDrafted')], { expectedRevision: NO_STREAM });

          await own.store.close();

          await expect(appending).resolves.toMatchObject({ nextExpectedRevision: 0 });
          const refused = [
            await refusal(own.store.appendToStream(stream, [anEvent('TenderAmended')], { expectedRevision: 0 })),
            await refusal(own.store.streamRevision(stream)),
            await refusal(own.store.headPosition()),
            await refusal(collect(own.store.readStream(stream))),
            await refusal(collect(own.store.readAll({ maxCount: 1 }))),
          ];
          for (const error of refused) {
            expect(error).toBeInstanceOf(EventStoreUnavailableError);
            expect(error).toMatchObject({ code: 'STORE_CLOSED' });
          }
        } finally {
          await own.dispose();
        }
      });
    });
  });
};
