import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '@tendril/shared/event-store';
import { LATEST_SCHEMA_VERSION, migrateSchema, TENDRIL_EVENT_STORE_APPLICATION_ID } from './schema-migrations';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

// Duck-typed, not `instanceof Error`: errors raised by the native module may come from another realm
// (Jest's sandbox, for one), where instanceof fails.
const sqliteCode = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};

/** Turns a SQLite failure into the port's error, naming the file, or returns undefined when it is not one we know. */
export const storeErrorFromSqlite = (error: unknown, file: string, busyTimeoutMs: number): EventStoreUnavailableError | undefined => {
  const code = sqliteCode(error);
  if (!code) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new EventStoreUnavailableError(
      'STORE_LOCKED',
      `The event store file ${file} is locked by another process (waited ${busyTimeoutMs} ms). ` +
        'Stop the other process or wait for it to finish, then try again.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new EventStoreUnavailableError(
      'STORE_CORRUPT',
      `The event store file ${file} is damaged (${(error as Error).message}). It was left as it is: restore it from a backup.`,
    );
  }
  return undefined;
};

const notAnEventStore = (file: string, why: string): EventStoreUnavailableError =>
  new EventStoreUnavailableError(
    'STORE_CORRUPT',
    `The file ${file} is not a Tendril event store (${why}). It was left untouched: check the configured path.`,
  );

/** Refuses anything that is not SQLite before SQLite opens it, so not a byte of a foreign file is written. */
const checkHeader = (file: string): void => {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new EventStoreUnavailableError('STORE_UNREACHABLE', `The event store file ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return;
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    if (size < 100 || read < header.length || !header.equals(SQLITE_HEADER)) {
      throw notAnEventStore(file, 'it is not a SQLite database; it may be corrupt or another kind of file');
    }
  } finally {
    fs.closeSync(fd);
  }
};

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly file: string;
}

/**
 * Opens (or creates) the store file, refusing files that are foreign, damaged, from a newer schema
 * or held by another process, and never changing such a file. Durable settings: WAL + synchronous=FULL.
 */
export const openEventStoreDatabase = (requestedPath: string, busyTimeoutMs: number): OpenedDatabase => {
  const file = path.resolve(requestedPath);
  if (!fs.existsSync(path.dirname(file))) {
    throw new EventStoreUnavailableError('STORE_UNREACHABLE', `The folder of the event store file ${file} does not exist.`);
  }
  checkHeader(file);

  let db: Database.Database;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw storeErrorFromSqlite(error, file, busyTimeoutMs) ??
      new EventStoreUnavailableError('STORE_UNREACHABLE', `The event store file ${file} cannot be opened: ${(error as Error).message}`);
  }

  try {
    // Read-only checks first: nothing below writes until the file is known to be ours (or empty).
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== TENDRIL_EVENT_STORE_APPLICATION_ID) {
      const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
      if (objects > 0 || version !== 0) {
        throw notAnEventStore(file, `it is a SQLite database of another application (application_id ${applicationId})`);
      }
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new EventStoreUnavailableError(
        'STORE_SCHEMA_TOO_NEW',
        `The event store file ${file} was written by a newer Tendril (schema version ${version}; ` +
          `this version understands up to ${LATEST_SCHEMA_VERSION}). It was left untouched: upgrade Tendril to open it.`,
      );
    }

    const journalMode = db.pragma('journal_mode = WAL', { simple: true }) as string;
    if (journalMode !== 'wal') {
      throw new EventStoreUnavailableError(
        'STORE_LOCKED',
        `The event store file ${file} could not be switched to WAL mode (it stayed in "${journalMode}"); another process may hold it.`,
      );
    }
    db.pragma('synchronous = FULL');
    // Event ids are random UUIDs, so their index is written all over: a larger page cache keeps appends fast on a big log.
    db.pragma('cache_size = -32768');
    migrateSchema(db);
    // Another process may have migrated past us between the check and the write lock.
    const migratedVersion = db.pragma('user_version', { simple: true }) as number;
    if (migratedVersion > LATEST_SCHEMA_VERSION) {
      throw new EventStoreUnavailableError(
        'STORE_SCHEMA_TOO_NEW',
        `The event store file ${file} was upgraded by a newer Tendril to schema version ${migratedVersion}; upgrade this process too.`,
      );
    }
    return { db, file };
  } catch (error) {
    db.close();
    if (error instanceof EventStoreUnavailableError) throw error;
    throw storeErrorFromSqlite(error, file, busyTimeoutMs) ?? error;
  }
};
