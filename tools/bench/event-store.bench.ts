// Event store benchmark: the embedded SQLite adapter beside raw better-sqlite3 doing the same durable
// work in the same run, printed as ratios. Not a test: it prints figures and exits 0.
//
//   node -r @swc-node/register tools/bench/event-store.bench.ts
//
// Sizes (environment variables):
//   BENCH_SINGLE_APPENDS      appends by one writer, and raw one-insert transactions  (default 2000)
//   BENCH_WRITERS             concurrent writers                                      (default 64)
//   BENCH_APPENDS_PER_WRITER  appends by each concurrent writer                       (default 100)
//   BENCH_LOG_EVENTS          events in the log that reads and the subscription cover (default 1000000)
//   BENCH_ROUNDS              write rounds; raw and store take turns, so both see the same disk (default 5)
//   BENCH_READ_REPEATS        passes per read figure, raw and store in turn, best kept (default 2)
//   BENCH_DIR                 where to put the files (default: a new temp dir, removed afterwards)
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { EventToAppend, LogFilter, RecordedEvent } from '@tendril/shared/event-store';
import { openSqliteEventStore, SCHEMA_MIGRATIONS, type SqliteEventStore } from '@tendril/shared/event-store-sqlite';

const sizeFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};

const SINGLE_APPENDS = sizeFromEnv('BENCH_SINGLE_APPENDS', 2_000);
const WRITERS = sizeFromEnv('BENCH_WRITERS', 64);
const APPENDS_PER_WRITER = sizeFromEnv('BENCH_APPENDS_PER_WRITER', 100);
const LOG_EVENTS = sizeFromEnv('BENCH_LOG_EVENTS', 1_000_000);
const READ_REPEATS = sizeFromEnv('BENCH_READ_REPEATS', 2);
const ROUNDS = sizeFromEnv('BENCH_ROUNDS', 5);

const progress = (message: string) => process.stderr.write(`  ... ${message}\n`);

const actor = { userId: 'bench-user', role: 'provider' as const, organisationId: 'bench-org' };

/** A realistic small event: ~150 bytes of data, ~250 of metadata. */
const anEvent = (n: number): EventToAppend => ({
  type: ['BidDrafted', 'BidAmended', 'BidSubmitted'][n % 3] as string,
  data: { bidId: `bid-${n % 1000}`, amountPence: 125_000 + n, lots: ['lot-1', 'lot-2'], note: 'Delivered across three wards' },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    actor,
  },
});

const rate = (count: number, ms: number) => (count * 1000) / ms;

const time = async (work: () => Promise<number> | number): Promise<{ count: number; ms: number; rate: number }> => {
  const start = performance.now();
  const count = await work();
  const ms = performance.now() - start;
  return { count, ms, rate: rate(count, ms) };
};

type Timing = Awaited<ReturnType<typeof time>>;

/** Runs raw and store passes in turn (a shared machine's noise then hits both) and keeps the best of each. */
const bestOfPairs = async (raw: () => Promise<number> | number, mine: () => Promise<number> | number): Promise<[Timing, Timing]> => {
  let bestRaw: Timing | undefined;
  let bestMine: Timing | undefined;
  for (let pass = 0; pass < READ_REPEATS; pass += 1) {
    const r = await time(raw);
    const m = await time(mine);
    if (!bestRaw || r.rate > bestRaw.rate) bestRaw = r;
    if (!bestMine || m.rate > bestMine.rate) bestMine = m;
  }
  return [bestRaw as Timing, bestMine as Timing];
};

/** Adds up the time of several rounds of the same work. */
class Tally {
  count = 0;
  ms = 0;
  async add(work: () => Promise<number> | number): Promise<void> {
    const result = await time(work);
    this.count += result.count;
    this.ms += result.ms;
  }
  get rate(): number {
    return rate(this.count, this.ms);
  }
}

/** The same table and indexes as the store, with the same durability settings. */
const openRawLog = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const migration of SCHEMA_MIGRATIONS) migration.up(db);
  return db;
};

const rawInsertOneEventPerTransaction = (db: Database.Database, from: number, count: number): number => {
  const insert = db.prepare(
    'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const oneInsert = db.transaction((n: number) => {
    const event = anEvent(n);
    insert.run(`raw-${n % 100}`, Math.floor(n / 100), event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString());
  });
  for (let n = from; n < from + count; n += 1) oneInsert.immediate(n);
  return count;
};

const appendFromOneWriter = async (store: SqliteEventStore, revisions: Map<string, number>, from: number, count: number): Promise<number> => {
  for (let n = from; n < from + count; n += 1) {
    const stream = `single-${n % 100}`;
    const revision = revisions.get(stream);
    const result = await store.appendToStream(stream, [anEvent(n)], { expectedRevision: revision ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
  }
  return count;
};

const appendFromManyWriters = async (store: SqliteEventStore, revisions: Map<string, number>, writers: number, appendsEach: number): Promise<number> => {
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const stream = `writer-${writer}`;
      for (let n = 0; n < appendsEach; n += 1) {
        const revision = revisions.get(stream);
        const result = await store.appendToStream(stream, [anEvent(n)], { expectedRevision: revision ?? 'no_stream' });
        revisions.set(stream, result.nextExpectedRevision);
      }
    }),
  );
  return writers * appendsEach;
};

/** Fills the log through the store: 500-event appends, 8 at a time, over 3 contexts' streams. */
const seedLog = async (store: SqliteEventStore, events: number): Promise<void> => {
  const perAppend = 500;
  const appends = Math.ceil(events / perAppend);
  const revisions = new Map<string, number>();
  let next = 0;
  const writer = async () => {
    while (next < appends) {
      const a = next++;
      const stream = `${['tender', 'bid', 'subcontract'][a % 3]}-${a % 300}`;
      const size = Math.min(perAppend, events - a * perAppend);
      const batch = Array.from({ length: size }, (_, i) => anEvent(a * perAppend + i));
      const revision = revisions.get(stream);
      revisions.set(stream, (revision ?? -1) + size);
      await store.appendToStream(stream, batch, { expectedRevision: revision ?? 'no_stream' });
      if (a % 200 === 0) progress(`seeded ${Math.min(events, (a + 1) * perAppend).toLocaleString()} events`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
};

/** The fastest plain way to stream the log with better-sqlite3: keyset pages of 512 rows, raw arrays, JSON.parse. */
const rawReadLog = (db: Database.Database, where = '', params: string[] = []): number => {
  const select = db
    .prepare(
      `SELECT position, stream_name, revision, type, data, metadata, recorded_at FROM events WHERE position > ?${where} ORDER BY position LIMIT 512`,
    )
    .raw(true);
  let count = 0;
  let checksum = 0;
  let after = 0;
  for (;;) {
    const rows = select.all(after, ...params) as [number, string, number, string, string, string, string][];
    for (const row of rows) {
      const event = {
        position: row[0],
        streamName: row[1],
        revision: row[2],
        type: row[3],
        data: JSON.parse(row[4]) as { amountPence: number },
        metadata: JSON.parse(row[5]) as unknown,
        recordedAt: row[6],
      };
      checksum += event.data.amountPence;
      count += 1;
      after = event.position;
    }
    if (rows.length < 512) break;
  }
  if (checksum < 0) throw new Error('unreachable');
  return count;
};

const storeReadLog = async (store: SqliteEventStore, filter?: LogFilter): Promise<number> => {
  let count = 0;
  let checksum = 0;
  for await (const event of store.readAll({ filter })) {
    checksum += (event.data as { amountPence: number }).amountPence;
    count += 1;
  }
  if (checksum < 0) throw new Error('unreachable');
  return count;
};

const storeCatchUp = async (store: SqliteEventStore, total: number): Promise<number> => {
  const subscription = store.subscribeToAll();
  let count = 0;
  let last: RecordedEvent | undefined;
  for await (const event of subscription) {
    last = event;
    count += 1;
    if (count === total) break;
  }
  await subscription.close();
  if (last?.position !== total) throw new Error(`subscription ended at ${String(last?.position)}, expected ${total}`);
  return count;
};

interface Row {
  readonly figure: string;
  readonly store: string;
  readonly raw: string;
  readonly ratio: string;
  readonly target: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

const printTable = (rows: readonly Row[]) => {
  const headers: Row = { figure: 'figure', store: 'Tendril SQLite store', raw: 'raw better-sqlite3, same durable work', ratio: 'ratio', target: 'target' };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...[headers, ...rows].map((row) => row[key].length)));
  const line = (row: Row) => `| ${keys.map((key, i) => row[key].padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
};

const main = async () => {
  const ownDir = !process.env['BENCH_DIR'];
  const dir = process.env['BENCH_DIR'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-bench-'));
  const rows: Row[] = [];
  console.log(`Event store benchmark: ${os.cpus().length} cores, node ${process.version}, files in ${dir}`);
  console.log(
    `sizes: ${SINGLE_APPENDS} single appends, ${WRITERS} writers x ${APPENDS_PER_WRITER} appends, ${LOG_EVENTS.toLocaleString('en-GB')} events in the log, best of ${READ_REPEATS} read passes\n`,
  );
  try {
    const rawDb = openRawLog(path.join(dir, 'raw.sqlite'));
    const writes = await openSqliteEventStore({ path: path.join(dir, 'writes.sqlite') });
    const rawSingle = new Tally();
    const single = new Tally();
    const many = new Tally();
    const revisions = new Map<string, number>();
    let transactions = 0;
    let appends = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      progress(`write round ${round + 1} of ${ROUNDS}: raw one insert per transaction, store with 1 writer, store with ${WRITERS} writers`);
      const perRound = Math.ceil(SINGLE_APPENDS / ROUNDS);
      await rawSingle.add(() => rawInsertOneEventPerTransaction(rawDb, round * perRound, perRound));
      await single.add(() => appendFromOneWriter(writes, revisions, round * perRound, perRound));
      const before = writes.stats();
      await many.add(() => appendFromManyWriters(writes, revisions, WRITERS, Math.ceil(APPENDS_PER_WRITER / ROUNDS)));
      const after = writes.stats();
      transactions += after.transactions - before.transactions;
      appends += after.appends - before.appends;
    }
    rawDb.close();
    await writes.close();
    const perTransaction = appends / transactions;

    rows.push(
      {
        figure: 'appends/s, 1 writer, 1 event, expected revision',
        store: fmt(single.rate),
        raw: `${fmt(rawSingle.rate)} (1 insert per transaction)`,
        ratio: `${(single.rate / rawSingle.rate).toFixed(2)}x`,
        target: '-',
      },
      {
        figure: `appends/s, ${WRITERS} writers, 1 event, expected revision`,
        store: `${fmt(many.rate)} (${perTransaction.toFixed(1)} appends per commit)`,
        raw: `${fmt(rawSingle.rate)} (1 insert per transaction)`,
        ratio: `${(many.rate / rawSingle.rate).toFixed(2)}x`,
        target: '>= 3x',
      },
    );

    const logFile = path.join(dir, 'log.sqlite');
    const seeder = await openSqliteEventStore({ path: logFile });
    progress(`seeding ${LOG_EVENTS.toLocaleString('en-GB')} events through the store`);
    const seeded = await time(async () => {
      await seedLog(seeder, LOG_EVENTS);
      return LOG_EVENTS;
    });
    await seeder.close();
    // Readers open the file afresh, as a projector or another service would.
    const log = await openSqliteEventStore({ path: logFile });
    progress(`seeded in ${(seeded.ms / 1000).toFixed(1)} s (${fmt(seeded.rate)} events/s in 500-event appends)`);
    const rawLog = new Database(logFile, { readonly: true });

    progress('reading the global log');
    const [rawRead, storeRead] = await bestOfPairs(() => rawReadLog(rawLog), () => storeReadLog(log));
    progress('reading the global log filtered by stream prefix');
    const [rawFiltered, storeFiltered] = await bestOfPairs(
      () => rawReadLog(rawLog, ' AND +stream_name >= ? AND +stream_name < ?', ['bid-', 'bid.']),
      () => storeReadLog(log, { streamPrefixes: ['bid-'] }),
    );
    progress('catch-up subscription over the whole log');
    const [rawCatchUp, storeSubscription] = await bestOfPairs(() => rawReadLog(rawLog), () => storeCatchUp(log, LOG_EVENTS));
    rawLog.close();
    await log.close();

    const vsRaw = (mine: { rate: number }, raw: { rate: number }) => `${Math.round((mine.rate / raw.rate) * 100)}%`;
    rows.push(
      {
        figure: `events/s, readAll forwards over ${LOG_EVENTS.toLocaleString('en-GB')}`,
        store: fmt(storeRead.rate),
        raw: `${fmt(rawRead.rate)} (paged SELECT + JSON.parse)`,
        ratio: vsRaw(storeRead, rawRead),
        target: '>= 70%',
      },
      {
        figure: `events/s, readAll by stream prefix (${fmt(storeFiltered.count)} match)`,
        store: fmt(storeFiltered.rate),
        raw: `${fmt(rawFiltered.rate)} (same WHERE + JSON.parse)`,
        ratio: vsRaw(storeFiltered, rawFiltered),
        target: '-',
      },
      {
        figure: `events/s, catch-up subscription over ${LOG_EVENTS.toLocaleString('en-GB')}`,
        store: fmt(storeSubscription.rate),
        raw: `${fmt(rawCatchUp.rate)} (paged SELECT + JSON.parse)`,
        ratio: vsRaw(storeSubscription, rawCatchUp),
        target: '-',
      },
    );
    console.log('');
    printTable(rows);
  } finally {
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
