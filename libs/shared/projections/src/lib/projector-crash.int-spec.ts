/// <reference types="jest" />
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { readCheckpoint } from './checkpoint-transaction';
import { PROJECTION_ENTITIES } from './projection-checkpoint.entity';
import { Projectors } from './projectors';
import { rebuildProjections } from './rebuild-projections';
import type { Projection } from './projection';
import type { ProjectorChildConfig } from '../testing/projector-child';
import {
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
  logUpTo,
  table,
  type DatabaseKind,
  type TestDatabase,
  type TestEventStore,
} from '../testing/test-databases';

jest.setTimeout(60_000);

const WORKSPACE = path.resolve(__dirname, '../../../../..');
const CHILD = path.join(__dirname, '../testing/projector-child.ts');
const entities = [...PROJECTION_ENTITIES, ...fixtureEntities];
const BATCH = 20;

/**
 * Runs the projector child and SIGKILLs it in the middle of the ledger's third batch. Returns the last
 * event the ledger started to apply (read to the end of its output, as the parent may read late).
 */
const runAndKill = (config: ProjectorChildConfig): Promise<{ lastApplying: number }> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      cwd: WORKSPACE,
      env: { ...process.env, PROJECTOR_CHILD_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let ledgerLines = 0;
    let lastApplying = -1;
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /^applying event-ledger (\d+)$/.exec(line);
      if (!match) return;
      ledgerLines++;
      lastApplying = Number(match[1]);
      if (ledgerLines === 2 * BATCH + 6) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ lastApplying });
      else reject(new Error(`projector child exited with ${code} before it was killed:\n${stderr}`));
    });
  });

describe.each(DATABASE_KINDS)('A projector process killed mid-batch, on %s', (kind: DatabaseKind) => {
  let db: TestDatabase;
  let events: TestEventStore;

  const replayedRows = async (projection: Projection, upTo: number | null) => {
    const fresh = await createTestDatabase(kind, entities);
    try {
      await rebuildProjections({ dataSource: fresh.dataSource, store: logUpTo(events.store, upTo), projections: [projection] });
      return await dumpRows(fresh.dataSource);
    } finally {
      await fresh.dispose();
    }
  };

  beforeEach(async () => {
    db = await createTestDatabase(kind, entities);
    events = await createTestEventStore();
  });

  afterEach(async () => {
    await events.dispose();
    await db.dispose();
  });

  it('leaves rows and checkpoint of the last committed batch only, and a restart ends with the rows of a clean replay', async () => {
    const head = await appendInterleaved(events.store, tenderStreams(10, 6));

    const { lastApplying } = await runAndKill({ storePath: events.path, target: db.target, batchSize: BATCH, delayMs: 4 });

    const ledgerCheckpoint = await readCheckpoint(db.dataSource, 'event-ledger');
    const boardCheckpoint = await readCheckpoint(db.dataSource, 'tender-board');
    // It was killed with a batch open: what that batch applied is gone, rows and checkpoint alike.
    expect(ledgerCheckpoint).not.toBeNull();
    expect(ledgerCheckpoint).toBeLessThan(lastApplying);
    const rows = await dumpRows(db.dataSource);
    expect(rows.ledger).toEqual((await replayedRows(eventLedgerProjection(), ledgerCheckpoint)).ledger);
    expect(rows.board).toEqual((await replayedRows(tenderBoardProjection, boardCheckpoint)).board);

    const restarted = new Projectors({
      dataSource: db.dataSource,
      store: events.store,
      projections: [tenderBoardProjection, eventLedgerProjection()],
    });
    await restarted.start();
    try {
      await restarted.waitForPosition(head, 20_000);
    } finally {
      await restarted.stop();
    }

    const duplicates = await db.dataSource.query(
      `SELECT position FROM ${table(db.dataSource, 'event_ledger')} GROUP BY position HAVING COUNT(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const replay = await createTestDatabase(kind, entities);
    try {
      await rebuildProjections({
        dataSource: replay.dataSource,
        store: events.store,
        projections: [tenderBoardProjection, eventLedgerProjection()],
      });
      expect(await dumpRows(db.dataSource)).toEqual(await dumpRows(replay.dataSource));
    } finally {
      await replay.dispose();
    }
  });
});
