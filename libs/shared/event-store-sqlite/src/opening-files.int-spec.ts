import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '@tendril/shared/event-store';
import { anEvent, refusal } from '@tendril/shared/testing';
import { LATEST_SCHEMA_VERSION, TENDRIL_EVENT_STORE_APPLICATION_ID } from './lib/schema-migrations';
import { openSqliteEventStore } from './lib/sqlite-event-store';
import { startFixture } from './testing/child-process';

jest.setTimeout(30_000);

const fingerprint = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('Opening an event store file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-es-open-'));
    file = path.join(dir, 'events.sqlite');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const aStoreWithOneEvent = async (): Promise<void> => {
    const store = await openSqliteEventStore({ path: file });
    await store.appendToStream(`tender-${randomUUID()}`, [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' });
    await store.close();
  };

  /** Opens the file in a separate process, as a service starting up would. */
  const openInAnotherProcess = async (busyTimeoutMs = 5_000) => startFixture('open-store.fixture.ts', [file, String(busyTimeoutMs)]).exited;

  describe('that does not exist yet', () => {
    it('creates a Tendril store at the latest schema, in WAL mode', async () => {
      const store = await openSqliteEventStore({ path: file });
      await store.close();

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        expect(db.pragma('application_id', { simple: true })).toBe(TENDRIL_EVENT_STORE_APPLICATION_ID);
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        db.close();
      }
    });

    it('is refused with STORE_UNREACHABLE when its folder does not exist', async () => {
      const error = await refusal(openSqliteEventStore({ path: path.join(dir, 'missing', 'events.sqlite') }));
      expect(error).toMatchObject({ code: 'STORE_UNREACHABLE' });
    });
  });

  describe('that was written before', () => {
    it('opens again with its events', async () => {
      await aStoreWithOneEvent();
      const store = await openSqliteEventStore({ path: file });
      expect(await store.headPosition()).toBe(1);
      await store.close();
    });
  });

  describe('that is not SQLite at all (random bytes)', () => {
    it('is refused as STORE_CORRUPT naming the file, and left unchanged', async () => {
      fs.writeFileSync(file, randomBytes(8192));
      const before = fingerprint(file);

      const error = await refusal(openSqliteEventStore({ path: file }));
      const outcome = await openInAnotherProcess();

      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ code: 'STORE_CORRUPT' });
      expect(error.message).toContain(file);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`STORE_CORRUPT: The file ${file} is not a Tendril event store`);
      expect(fingerprint(file)).toBe(before);
    });
  });

  describe('that is the SQLite database of another application', () => {
    it('is refused as STORE_CORRUPT, and left unchanged', async () => {
      const other = new Database(file);
      other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices (total) VALUES (42);");
      other.close();
      const before = fingerprint(file);

      const error = await refusal(openSqliteEventStore({ path: file }));
      const outcome = await openInAnotherProcess();

      expect(error).toMatchObject({ code: 'STORE_CORRUPT' });
      expect(error.message).toContain('another application');
      expect(outcome.code).toBe(2);
      expect(fingerprint(file)).toBe(before);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    });
  });

  describe('written by a newer version of Tendril', () => {
    it('is refused as STORE_SCHEMA_TOO_NEW, and left unchanged', async () => {
      await aStoreWithOneEvent();
      const newer = new Database(file);
      newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      newer.close();
      const before = fingerprint(file);

      const error = await refusal(openSqliteEventStore({ path: file }));
      const outcome = await openInAnotherProcess();

      expect(error).toMatchObject({ code: 'STORE_SCHEMA_TOO_NEW' });
      expect(error.message).toContain(file);
      expect(error.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 1}`);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain('STORE_SCHEMA_TOO_NEW');
      expect(fingerprint(file)).toBe(before);
    });
  });

  describe('held under an exclusive lock by another process', () => {
    it('is refused as STORE_LOCKED once the busy timeout has passed, and left unchanged', async () => {
      await aStoreWithOneEvent();
      const before = fingerprint(file);
      const locker = startFixture('hold-lock.fixture.ts', [file, 'exclusive']);
      try {
        await locker.waitForLine((line) => line === 'locked');

        const startedAt = Date.now();
        const error = await refusal(openSqliteEventStore({ path: file, busyTimeoutMs: 300 }));
        const waited = Date.now() - startedAt;
        const outcome = await openInAnotherProcess(300);

        expect(error).toMatchObject({ code: 'STORE_LOCKED' });
        expect(error.message).toContain(file);
        expect(waited).toBeGreaterThanOrEqual(250);
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain('STORE_LOCKED');
      } finally {
        locker.child.stdin?.end();
        await locker.exited;
      }
      expect(fingerprint(file)).toBe(before);
    });

  });

  describe('while another process holds a long write transaction', () => {
    it('refuses appends with STORE_LOCKED after the busy timeout, and accepts them once it ends', async () => {
      const store = await openSqliteEventStore({ path: file, busyTimeoutMs: 300 });
      const locker = startFixture('hold-lock.fixture.ts', [file, 'write']);
      try {
        await locker.waitForLine((line) => line === 'locked');
        const error = await refusal(store.appendToStream('tender-locked', [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' }));
        expect(error).toMatchObject({ code: 'STORE_LOCKED' });
      } finally {
        locker.child.stdin?.end();
        await locker.exited;
      }
      await expect(store.appendToStream('tender-locked', [anEvent('TenderDrafted')], { expectedRevision: 'no_stream' })).resolves.toMatchObject({
        nextExpectedRevision: 0,
      });
      await store.close();
    });
  });
});
