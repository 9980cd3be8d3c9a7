/// <reference types="jest" />
import type { RecordedEvent } from '@tendril/shared/event-store';
import { readCheckpoint, resetProjection } from './checkpoint-transaction';
import { PROJECTION_ENTITIES } from './projection-checkpoint.entity';
import type { ProjectorLogger } from './projector';
import { Projectors } from './projectors';
import { rebuildProjections, type RebuildProgress } from './rebuild-projections';
import {
  TenderBoardRow,
  appendInterleaved,
  eventLedgerProjection,
  fixtureEntities,
  tenderBoardProjection,
  tenderStreams,
} from '../testing/tender-board.fixture';
import {
  DATABASE_KINDS,
  createTestDatabase,
  createTestEventStore,
  dumpRows,
  table,
  type TestDatabase,
  type TestEventStore,
} from '../testing/test-databases';

jest.setTimeout(30_000);

const entities = [...PROJECTION_ENTITIES, ...fixtureEntities];
const projections = [tenderBoardProjection, eventLedgerProjection()];

const recordingProgress = () => {
  const calls: string[] = [];
  const progress: RebuildProgress = {
    start: (projection, head) => calls.push(`start ${projection} ${head}`),
    update: (projection, position, events) => calls.push(`update ${projection} ${position} ${events}`),
    stop: (projection) => calls.push(`stop ${projection}`),
  };
  return { calls, progress };
};

const lastPosition = async (events: AsyncIterable<RecordedEvent>): Promise<number | null> => {
  let last: number | null = null;
  for await (const event of events) last = event.position;
  return last;
};

describe.each(DATABASE_KINDS)('rebuildProjections on %s', (kind) => {
  let db: TestDatabase;
  let events: TestEventStore;
  const running: Projectors[] = [];

  const startProjectors = async (logger?: ProjectorLogger) => {
    const projectors = new Projectors({
      dataSource: db.dataSource,
      store: events.store,
      projections,
      batchSize: 10,
      pollIntervalMs: 10,
      retry: { initialDelayMs: 10, maxDelayMs: 40 },
      logger: logger ?? { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
    });
    running.push(projectors);
    await projectors.start();
    return projectors;
  };

  beforeEach(async () => {
    db = await createTestDatabase(kind, entities);
    events = await createTestEventStore();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((projectors) => projectors.stop()));
    await events.dispose();
    await db.dispose();
  });

  it('replaces whatever the tables held with a replay of the log, reporting progress up to the head', async () => {
    const head = await appendInterleaved(events.store, tenderStreams(5, 4));
    const projectors = await startProjectors();
    await projectors.waitForPosition(head, 10_000);
    await projectors.stop();
    const before = await dumpRows(db.dataSource);
    // A damaged read model: wrong counters, a row no event made, lost ledger entries.
    await db.dataSource.getRepository(TenderBoardRow).update({ tenderId: 't1' }, { bidCount: 999 });
    await db.dataSource.getRepository(TenderBoardRow).insert({ tenderId: 'ghost', title: 'ghost', status: 'open', bidCount: 1, totalAmount: 1 });
    await db.dataSource.query(`DELETE FROM ${table(db.dataSource, 'event_ledger')} WHERE position < 10`);
    const { calls, progress } = recordingProgress();

    const results = await rebuildProjections({ dataSource: db.dataSource, store: events.store, projections, progress, batchSize: 7 });

    expect(await dumpRows(db.dataSource)).toEqual(before);
    const lastTenderEvent = await lastPosition(events.store.readAll({ filter: { streamPrefixes: ['tender-'] } }));
    const tenderEvents = before.ledger.length;
    expect(results.map(({ projection, events: count, checkpoint }) => ({ projection, count, checkpoint }))).toEqual([
      { projection: 'tender-board', count: tenderEvents, checkpoint: lastTenderEvent },
      { projection: 'event-ledger', count: tenderEvents, checkpoint: lastTenderEvent },
    ]);
    expect(await readCheckpoint(db.dataSource, 'tender-board')).toBe(lastTenderEvent);
    expect(calls[0]).toBe(`start tender-board ${head}`);
    expect(calls).toContain(`update tender-board ${lastTenderEvent} ${tenderEvents}`);
    expect(calls.filter((call) => call.startsWith('update tender-board')).length).toBe(Math.ceil(tenderEvents / 7));
    expect(calls.at(-1)).toBe('stop event-ledger');
  });

  it('on an empty log leaves empty tables and no checkpoint (with the progress bar on)', async () => {
    await db.dataSource.getRepository(TenderBoardRow).insert({ tenderId: 'stale', title: 'stale', status: 'open', bidCount: 0, totalAmount: 0 });

    const results = await rebuildProjections({ dataSource: db.dataSource, store: events.store, projections, progress: true });

    expect(results.map((result) => result.events)).toEqual([0, 0]);
    expect(await dumpRows(db.dataSource)).toEqual({ board: [], ledger: [] });
    expect(await readCheckpoint(db.dataSource, 'tender-board')).toBeNull();
  });

  it('while the projector runs and events keep coming, ends with the rows of a clean replay', async () => {
    await appendInterleaved(events.store, tenderStreams(4, 3, 'a'));
    const projectors = await startProjectors();
    const rebuildSource = kind === 'postgres' ? await db.connectAgain() : db.dataSource;

    const [, head] = await Promise.all([
      rebuildProjections({ dataSource: rebuildSource, store: events.store, projections, batchSize: 3 }),
      appendInterleaved(events.store, tenderStreams(4, 3, 'b')),
    ]);
    await projectors.waitForPosition(head, 10_000);

    const fresh = await createTestDatabase(kind, entities);
    try {
      await rebuildProjections({ dataSource: fresh.dataSource, store: events.store, projections });
      expect(await dumpRows(db.dataSource)).toEqual(await dumpRows(fresh.dataSource));
    } finally {
      await fresh.dispose();
    }
  });

  it('a projector that finds its checkpoint reset under it follows the log again from the start', async () => {
    await appendInterleaved(events.store, tenderStreams(3, 2, 'a'));
    const warnings: string[] = [];
    const projectors = await startProjectors({ log: () => undefined, error: () => undefined, warn: (m) => warnings.push(m) });
    await projectors.waitForPosition((await events.store.headPosition()) ?? 0, 10_000);
    const before = await dumpRows(db.dataSource);

    // The first step of a rebuild elsewhere, which then stopped: empty tables, no checkpoint.
    for (const projection of projections) await resetProjection(db.dataSource, projection);
    const head = await appendInterleaved(events.store, tenderStreams(1, 1, 'b'));
    await projectors.waitForPosition(head, 10_000);

    expect(warnings.some((warning) => warning.includes('checkpoint moved back'))).toBe(true);
    const after = await dumpRows(db.dataSource);
    expect(after.board.slice(0, before.board.length)).toEqual(before.board);
    expect(after.board).toHaveLength(before.board.length + 1);
    expect(after.ledger).toHaveLength(before.ledger.length + 3);
  });
});
