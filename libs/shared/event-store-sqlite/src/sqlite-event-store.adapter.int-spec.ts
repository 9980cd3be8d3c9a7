import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '@tendril/shared/audit-chain';
import { DuplicateEventIdError, type RecordedEvent, WrongExpectedRevisionError } from '@tendril/shared/event-store';
import { anEvent, collect, eventIds, someEvents, takeFromSubscription } from '@tendril/shared/testing';
import { migrateSchema, SCHEMA_MIGRATIONS } from './lib/schema-migrations';
import { openSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './lib/sqlite-event-store';

describe('The SQLite event store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  const open = async (options: Partial<SqliteEventStoreOptions> = {}) => {
    store = await openSqliteEventStore({ path: file, ...options });
    return store;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-es-adapter-'));
    file = path.join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('group commit', () => {
    it('commits many concurrent appends in far fewer transactions', async () => {
      await open();

      await Promise.all(
        Array.from({ length: 200 }, (_, n) => store.appendToStream(`bid-${n}`, [anEvent('BidDrafted')], { expectedRevision: 'no_stream' })),
      );

      expect(store.stats().appends).toBe(200);
      expect(store.stats().transactions).toBeLessThanOrEqual(2);
      expect(await store.headPosition()).toBe(200);
    });

    it('refuses only the appends that break a rule, committing the rest of the same transaction', async () => {
      await open();
      await store.appendToStream('tender-1', [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' });
      const before = store.stats().transactions;

      const outcomes = await Promise.allSettled([
        store.appendToStream('tender-1', [anEvent('TenderAmended')], { expectedRevision: 0 }),
        store.appendToStream('tender-1', [anEvent('TenderAmended')], { expectedRevision: 0 }),
        store.appendToStream('tender-2', someEvents('TenderDrafted', 3), { expectedRevision: 'no_stream' }),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(store.stats().transactions - before).toBe(1);
      expect(await store.streamRevision('tender-1')).toBe(1);
      expect(await store.streamRevision('tender-2')).toBe(2);
    });

    it('refuses an event id taken earlier in the same transaction, writing none of that append and keeping the chain whole', async () => {
      await open();
      const shared = anEvent('BidDrafted');

      const outcomes = await Promise.allSettled([
        store.appendToStream('bid-a', [shared], { expectedRevision: 'no_stream' }),
        store.appendToStream('bid-b', [anEvent('BidDrafted'), shared], { expectedRevision: 'no_stream' }),
        store.appendToStream('bid-c', [shared], { expectedRevision: 'no_stream' }),
        store.appendToStream('bid-d', [anEvent('BidDrafted')], { expectedRevision: 'no_stream' }),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      for (const refused of [outcomes[1], outcomes[2]] as PromiseRejectedResult[]) {
        expect(refused.reason).toBeInstanceOf(DuplicateEventIdError);
        expect(refused.reason).toMatchObject({ eventId: shared.metadata.eventId, streamName: 'bid-a' });
      }
      expect(await store.streamRevision('bid-b')).toBeNull();
      expect(await store.streamRevision('bid-c')).toBeNull();
      expect(eventIds(await collect(store.readAll()))).toHaveLength(2);
      expect(await verifyChain({ events: store.readAuditChain(), checkpoints: [], publicKeys: [] })).toMatchObject({ intact: true, eventsChecked: 2 });
    });

    it('answers a retry sent in the same transaction as the original with the original result, writing nothing', async () => {
      await open();
      await store.appendToStream('tender-9', [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' });
      const batch = someEvents('TenderAmended', 2);

      const [original, retried, asStreamExists] = await Promise.all([
        store.appendToStream('tender-9', batch, { expectedRevision: 0 }),
        store.appendToStream('tender-9', batch, { expectedRevision: 0 }),
        store.appendToStream('tender-9', batch, { expectedRevision: 'stream_exists' }),
      ]);

      expect(retried).toEqual(original);
      expect(asStreamExists).toEqual(original);
      expect(await store.streamRevision('tender-9')).toBe(2);
    });

    it('keeps at most the configured number of appends in one transaction', async () => {
      await open({ maxAppendsPerTransaction: 10 });

      await Promise.all(
        Array.from({ length: 35 }, (_, n) => store.appendToStream(`bid-${n}`, [anEvent('BidDrafted')], { expectedRevision: 'no_stream' })),
      );

      expect(store.stats().transactions).toBe(4);
    });
  });

  describe('reading in small pages', () => {
    /** Events of three contexts and four types, spread over 21 streams; 21 appends at a time share a transaction. */
    const aMixedLog = async (size: number) => {
      const revisions = new Map<string, number>();
      for (let start = 0; start < size; start += 21) {
        const appends = [];
        for (let n = start; n < Math.min(size, start + 21); n += 1) {
          const stream = `${['tender', 'bid', 'sub'][n % 3]}-${n % 7}`;
          const type = ['Drafted', 'Amended', 'Published', 'Withdrawn'][n % 4] as string;
          const revision = revisions.get(stream);
          revisions.set(stream, (revision ?? -1) + 1);
          appends.push(store.appendToStream(stream, [anEvent(type, { n })], { expectedRevision: revision ?? 'no_stream' }));
        }
        await Promise.all(appends);
      }
      return collect(store.readAll());
    };

    it('gives the same events as one unfiltered read, for every filter and direction', async () => {
      await open({ readPageSize: 4 });
      const everything = await aMixedLog(1_000);
      expect(everything).toHaveLength(1_000);
      const filters = [
        { eventTypes: ['Published'] }, { eventTypes: ['Drafted', 'Withdrawn'] }, { streamPrefixes: ['bid-', 'sub-3'] }, { eventTypes: ['Amended'], streamPrefixes: ['tender-'] },
        // Few events: served from the stream index rather than by walking the log.
        { streamPrefixes: ['tender-1'] },
        { eventTypes: ['Drafted', 'Published'], streamPrefixes: ['sub-2', 'bid-5'] },
      ];

      for (const filter of filters) {
        const matches = (e: RecordedEvent) =>
          (!filter.eventTypes || filter.eventTypes.includes(e.type)) &&
          (!filter.streamPrefixes || filter.streamPrefixes.some((p) => e.streamName.startsWith(p)));
        const expected = everything.filter(matches);
        expect(eventIds(await collect(store.readAll({ filter })))).toEqual(eventIds(expected));
        expect(eventIds(await collect(store.readAll({ filter, direction: 'backwards' })))).toEqual(eventIds([...expected].reverse()));
        expect(eventIds(await collect(store.readAll({ filter, fromPosition: 500, maxCount: 7 })))).toEqual(
          eventIds(expected.filter((e) => e.position >= 500).slice(0, 7)),
        );
      }
    });

    it('reads a long stream across pages, both ways', async () => {
      await open({ readPageSize: 3 });
      await store.appendToStream('tender-long', someEvents('LotAdded', 20), { expectedRevision: 'no_stream' });

      const forwards = await collect(store.readStream('tender-long', { fromRevision: 4, maxCount: 11 }));
      const backwards = await collect(store.readStream('tender-long', { direction: 'backwards' }));

      expect(forwards.map((e) => e.revision)).toEqual(Array.from({ length: 11 }, (_, i) => i + 4));
      expect(backwards.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    });
  });

  describe('a slow subscriber', () => {
    it('holds one page of events, not the log', async () => {
      await open({ readPageSize: 50 });
      for (let batch = 0; batch < 10; batch += 1) {
        await store.appendToStream('tender-busy', someEvents('TenderAmended', 500), { expectedRevision: batch === 0 ? 'no_stream' : batch * 500 - 1 });
      }
      const readBefore = store.stats().eventsRead;

      const [first] = await takeFromSubscription(store.subscribeToAll(), 1);

      expect(first?.position).toBe(1);
      expect(store.stats().eventsRead - readBefore).toBeLessThanOrEqual(50);
    });
  });

  describe('a later schema migration', () => {
    it('is applied once to a file at an earlier version, keeping its events', async () => {
      await open();
      await store.appendToStream('tender-1', [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' });
      await store.close();
      const db = new Database(file);
      const withHashChain = [
        ...SCHEMA_MIGRATIONS,
        { version: SCHEMA_MIGRATIONS.length + 1, description: 'hash chain', up: (d: Database.Database) => d.exec('ALTER TABLE events ADD COLUMN hash BLOB') },
      ];
      try {
        expect(migrateSchema(db, withHashChain)).toEqual([SCHEMA_MIGRATIONS.length + 1]);
        expect(migrateSchema(db, withHashChain)).toEqual([]);
        expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_MIGRATIONS.length + 1);
        expect(db.prepare('SELECT count(*) FROM events WHERE hash IS NULL').pluck().get()).toBe(1);
      } finally {
        db.close();
      }
    });
  });
});
