/// <reference types="jest" />
import { randomUUID } from 'node:crypto';
import { DomainRuleBroken, handleCommand, type Command, type Decider } from '@tendril/shared/ddd';
import type { RecordedEvent } from '@tendril/shared/event-store';
import type { DataSource } from 'typeorm';
import { readCheckpoint } from './checkpoint-transaction';
import type { Projection } from './projection';
import { PROJECTION_ENTITIES } from './projection-checkpoint.entity';
import type { ProjectorLogger } from './projector';
import { Projectors } from './projectors';
import { rebuildProjections } from './rebuild-projections';
import {
  EventLedgerRow,
  TenderBoardRow,
  appendInterleaved,
  eventLedgerProjection,
  fixtureEntities,
  instrumented,
  tenderBoardProjection,
  tenderStreams,
} from '../testing/tender-board.fixture';
import {
  DATABASE_KINDS,
  createTestDatabase,
  createTestEventStore,
  dumpRows,
  logUpTo,
  table,
  type TestDatabase,
  type TestEventStore,
} from '../testing/test-databases';

jest.setTimeout(30_000);

const entities = [...PROJECTION_ENTITIES, ...fixtureEntities];
const fastRetry = { initialDelayMs: 10, maxDelayMs: 40 };
const quietLogger = (): ProjectorLogger & { errors: string[] } => {
  const errors: string[] = [];
  return { errors, log: () => undefined, warn: () => undefined, error: (message) => errors.push(message) };
};

describe.each(DATABASE_KINDS)('Projector on %s', (kind) => {
  let db: TestDatabase;
  let events: TestEventStore;
  const running: Projectors[] = [];

  const startProjectors = async (
    projections: readonly Projection[],
    options: { dataSource?: DataSource; batchSize?: number; logger?: ProjectorLogger } = {},
  ) => {
    const projectors = new Projectors({
      dataSource: options.dataSource ?? db.dataSource,
      store: events.store,
      projections,
      batchSize: options.batchSize ?? 25,
      retry: fastRetry,
      logger: options.logger ?? quietLogger(),
      pollIntervalMs: 10,
    });
    running.push(projectors);
    await projectors.start();
    return projectors;
  };

  /** The rows a fresh database gets from replaying the log (up to a position): the reference. */
  const cleanReplay = async (upTo?: number | null) => {
    const fresh = await createTestDatabase(kind, entities);
    try {
      await rebuildProjections({
        dataSource: fresh.dataSource,
        store: upTo === undefined ? events.store : logUpTo(events.store, upTo),
        projections: [tenderBoardProjection, eventLedgerProjection()],
      });
      return await dumpRows(fresh.dataSource);
    } finally {
      await fresh.dispose();
    }
  };

  const duplicateLedgerPositions = async (dataSource: DataSource) =>
    dataSource.query(
      `SELECT position, COUNT(*) AS n FROM ${table(dataSource, 'event_ledger')} GROUP BY position HAVING COUNT(*) > 1`,
    );

  beforeEach(async () => {
    db = await createTestDatabase(kind, entities);
    events = await createTestEventStore();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((projectors) => projectors.stop()));
    await events.dispose();
    await db.dispose();
  });

  describe('following the log', () => {
    it('builds the rows and stores the checkpoint of the last event it applied', async () => {
      const head = await appendInterleaved(events.store, tenderStreams(4, 4));
      const projectors = await startProjectors([tenderBoardProjection, eventLedgerProjection()]);

      await projectors.waitForPosition(head, 10_000);

      const t1 = await db.dataSource.getRepository(TenderBoardRow).findOneByOrFail({ tenderId: 't1' });
      // Bids of 1010..1013, the third one withdrawn; odd tenders stay open.
      expect(t1).toEqual({ tenderId: 't1', title: 'Youth mentoring lot 1', status: 'open', bidCount: 3, totalAmount: 3034 });
      expect(await db.dataSource.getRepository(TenderBoardRow).findOneByOrFail({ tenderId: 't2' })).toMatchObject({
        status: 'closed',
      });
      const lastTenderEvent = await lastPosition(events.store.readAll({ filter: { streamPrefixes: ['tender-'] } }));
      expect(await readCheckpoint(db.dataSource, 'tender-board')).toBe(lastTenderEvent);
      expect(await db.dataSource.getRepository(EventLedgerRow).count()).toBe(4 * (1 + 4 + 1) + 2);
    });

    it('picks up events appended while it runs', async () => {
      const projectors = await startProjectors([tenderBoardProjection]);
      const head = await appendInterleaved(events.store, tenderStreams(2, 1, 'live'));

      await projectors.waitForPosition(head, 10_000);

      expect(await db.dataSource.getRepository(TenderBoardRow).count()).toBe(2);
    });

    it('resumes from its checkpoint after a restart, applying each event once', async () => {
      await appendInterleaved(events.store, tenderStreams(3, 3, 'a'));
      const first = await startProjectors([tenderBoardProjection, eventLedgerProjection()]);
      await first.waitForPosition((await events.store.headPosition()) ?? 0, 10_000);
      await first.stop();
      const checkpointAtStop = await readCheckpoint(db.dataSource, 'event-ledger');

      const head = await appendInterleaved(events.store, tenderStreams(3, 3, 'b'));
      const second = await startProjectors([tenderBoardProjection, eventLedgerProjection()]);
      await second.waitForPosition(head, 10_000);

      expect(checkpointAtStop).not.toBeNull();
      expect(await duplicateLedgerPositions(db.dataSource)).toEqual([]);
      expect(await dumpRows(db.dataSource)).toEqual(await cleanReplay());
    });
  });

  describe('waitForPosition', () => {
    it('returns once a command handled through the decider loop shows in the read model', async () => {
      const projectors = await startProjectors([tenderBoardProjection]);

      const { appendResult } = await handleCommand({
        store: events.store,
        streamName: 'tender-rw1',
        decider: publishDecider,
        command: {
          type: 'PublishTender',
          data: { tenderId: 'rw1', title: 'Detached youth work, Bradford' },
          metadata: {
            now: new Date('2030-05-02T09:00:00Z'),
            actor: { userId: 'user-1', role: 'commissioner', organisationId: 'org-1' },
            correlationId: 'corr-rw1',
          },
        },
      });
      await projectors.waitForPosition(appendResult?.position ?? -1, 5_000);

      expect(await db.dataSource.getRepository(TenderBoardRow).findOneBy({ tenderId: 'rw1' })).toMatchObject({
        title: 'Detached youth work, Bradford',
        status: 'open',
      });
    });

    it('resolves at once for a position whose events the projection does not want', async () => {
      const projectors = await startProjectors([tenderBoardProjection]);
      const head = await appendInterleaved(events.store, tenderStreams(1, 1, 'x'));
      await projectors.waitForPosition(head, 5_000);
      const { position } = await events.store.appendToStream(
        'provider-z',
        [{ type: 'ProviderRegistered', data: {}, metadata: anyMetadata() }],
        { expectedRevision: 'no_stream' },
      );

      await expect(projectors.waitForPosition(position, 1_000)).resolves.toBeUndefined();
      expect(await readCheckpoint(db.dataSource, 'tender-board')).toBeLessThan(position);
    });

    it('fails with PROJECTION_TIMEOUT when the read model does not get there in time', async () => {
      const projectors = new Projectors({ dataSource: db.dataSource, store: events.store, projections: [tenderBoardProjection] });
      const head = await appendInterleaved(events.store, tenderStreams(1, 1));

      await expect(projectors.waitForPosition(head, 150)).rejects.toMatchObject({ code: 'PROJECTION_TIMEOUT' });
    });

    it('sees the checkpoint another instance committed', async () => {
      const other = await db.connectAgain();
      const projectors = await startProjectors([tenderBoardProjection], { dataSource: other });
      const idle = new Projectors({ dataSource: db.dataSource, store: events.store, projections: [tenderBoardProjection] });
      const head = await appendInterleaved(events.store, tenderStreams(2, 2));

      await idle.waitForPosition(head, 10_000);

      expect(projectors.status()[0]?.checkpoint).not.toBeNull();
      expect(await db.dataSource.getRepository(TenderBoardRow).count()).toBe(2);
    });
  });

  describe('when an apply fails', () => {
    it('keeps rows and checkpoint together, logs the event, retries with backoff and never skips it', async () => {
      const head = await appendInterleaved(events.store, tenderStreams(4, 4));
      const poison = await firstEvent(events.store.readAll({ filter: { eventTypes: ['BidWithdrawn'] } }), 1);
      const beforePoison = await lastPosition(events.store.readAll({ fromPosition: poison.position - 1, direction: 'backwards', maxCount: 1, filter: { streamPrefixes: ['tender-'] } }));
      let broken = true;
      const failOnPoison = (event: RecordedEvent) => {
        if (broken && event.position === poison.position) throw new Error('read model rejected the row');
      };
      const logger = quietLogger();
      const projectors = await startProjectors(
        [instrumented(tenderBoardProjection, failOnPoison), instrumented(eventLedgerProjection(), failOnPoison)],
        { logger, batchSize: 50 },
      );

      await waitUntil(() => projectors.status().every((s) => s.state === 'failing' && s.failure && s.failure.attempts >= 2));
      const status = projectors.status();
      expect(status[0]?.failure).toMatchObject({ position: poison.position, eventType: 'BidWithdrawn' });
      expect(status[1]?.failure).toMatchObject({ position: poison.position, eventType: 'BidWithdrawn' });
      expect(logger.errors[0]).toContain(`BidWithdrawn at position ${poison.position}`);
      expect(logger.errors[0]).toContain('read model rejected the row');
      // Everything before the failing event is committed, nothing from it on, rows and checkpoint alike.
      expect(await readCheckpoint(db.dataSource, 'event-ledger')).toBe(beforePoison);
      expect(await readCheckpoint(db.dataSource, 'tender-board')).toBe(beforePoison);
      expect(await dumpRows(db.dataSource)).toEqual(await cleanReplay(beforePoison));
      await expect(projectors.waitForPosition(poison.position, 100)).rejects.toThrow(/is failing: .*read model rejected/);

      broken = false;
      await projectors.waitForPosition(head, 10_000);

      expect(projectors.status().map((s) => s.state)).toEqual(['running', 'running']);
      expect(await dumpRows(db.dataSource)).toEqual(await cleanReplay());
    });
  });

  // Several instances share a read model on PostgreSQL. (On SQLite, instances are processes on one machine;
  // in one process the projectors must share one DataSource, whose transactions queue.)
  if (kind !== 'postgres') return;

  describe('two instances applying the same projections', () => {
    it('take turns batch by batch and never apply an event twice', async () => {
      await appendInterleaved(events.store, tenderStreams(4, 5, 'early'));
      const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
      // Different batch sizes, so each instance's batches straddle the other's checkpoints.
      const a = await startProjectors([instrumented(tenderBoardProjection, slow), eventLedgerProjection('a')], {
        dataSource: await db.connectAgain(),
        batchSize: 5,
      });
      const b = await startProjectors([instrumented(tenderBoardProjection, slow), eventLedgerProjection('b')], {
        dataSource: await db.connectAgain(),
        batchSize: 7,
      });

      const head = await appendInterleaved(events.store, tenderStreams(4, 5, 'late'));
      await Promise.all([a.waitForPosition(head, 20_000), b.waitForPosition(head, 20_000)]);

      expect(await duplicateLedgerPositions(db.dataSource)).toEqual([]);
      expect(await dumpRows(db.dataSource)).toEqual(await cleanReplay());
      const instances = await db.dataSource.query(`SELECT DISTINCT instance FROM ${table(db.dataSource, 'event_ledger')}`);
      // Both instances did part of the work: the test really had them compete.
      expect(instances).toHaveLength(2);
    });
  });
});

type PublishTender = Command<'PublishTender', { tenderId: string; title: string }>;
type TenderPublished = { type: 'TenderPublished'; data: { tenderId: string; title: string } };

const publishDecider: Decider<PublishTender, TenderPublished, { published: boolean }> = {
  initialState: () => ({ published: false }),
  decide: (command, state) => {
    if (state.published) throw new DomainRuleBroken('TENDER_ALREADY_PUBLISHED', 'Already published');
    return [{ type: 'TenderPublished', data: command.data }];
  },
  evolve: () => ({ published: true }),
};

const anyMetadata = () => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  occurredAt: '2030-05-01T10:00:00.000Z',
  correlationId: 'corr',
  causationId: null,
  actor: { userId: 'user-1', role: 'provider' as const, organisationId: 'org-1' },
});

const lastPosition = async (events: AsyncIterable<RecordedEvent>): Promise<number | null> => {
  let last: number | null = null;
  for await (const event of events) last = event.position;
  return last;
};

const firstEvent = async (events: AsyncIterable<RecordedEvent>, skip = 0): Promise<RecordedEvent> => {
  let seen = 0;
  for await (const event of events) if (seen++ === skip) return event;
  throw new Error('not enough events');
};

const waitUntil = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
