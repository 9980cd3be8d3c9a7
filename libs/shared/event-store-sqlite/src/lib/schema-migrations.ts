import type Database from 'better-sqlite3';
import { canonicalEventContent, type ChainLink, linkAfter } from '@tendril/shared/audit-chain';
import type { EventMetadata } from '@tendril/shared/event-store';

/** Marks a file as a Tendril event store (PRAGMA application_id), so a foreign SQLite file is never adopted. */
export const TENDRIL_EVENT_STORE_APPLICATION_ID = 0x544e4452; // 'TNDR'

export interface SchemaMigration {
  readonly version: number;
  readonly description: string;
  up(db: Database.Database): void;
}

/**
 * Ordered and append-only: a released migration is never edited, a change is a new entry.
 * PRAGMA user_version holds the version of the last one applied.
 */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'the global event log',
    up: (db) => {
      // position is the rowid: dense, assigned under the write lock, so commit order is position order.
      db.exec(`
        CREATE TABLE events (
          position    INTEGER PRIMARY KEY,
          stream_name TEXT    NOT NULL,
          revision    INTEGER NOT NULL,
          event_id    TEXT    NOT NULL,
          type        TEXT    NOT NULL,
          data        TEXT    NOT NULL,
          metadata    TEXT    NOT NULL,
          recorded_at TEXT    NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX events_by_stream ON events (stream_name, revision);
        CREATE UNIQUE INDEX events_by_event_id ON events (event_id);
        CREATE INDEX events_by_type ON events (type);
      `);
    },
  },
  {
    version: 2,
    description: 'the audit hash chain over the log, and signed checkpoints of it',
    up: (db) => {
      // Nullable because ALTER TABLE cannot add NOT NULL columns without a default; the store always fills them.
      db.exec(`
        ALTER TABLE events ADD COLUMN chain_sequence INTEGER;
        ALTER TABLE events ADD COLUMN chain_previous_hash TEXT;
        ALTER TABLE events ADD COLUMN chain_hash TEXT;
        CREATE TABLE audit_checkpoints (
          id        INTEGER PRIMARY KEY,
          position  INTEGER NOT NULL,
          sequence  INTEGER NOT NULL,
          hash      TEXT    NOT NULL,
          signed_at TEXT    NOT NULL,
          key_id    TEXT    NOT NULL,
          signature TEXT    NOT NULL
        ) STRICT;
      `);
      chainExistingEvents(db);
    },
  },
];

/** Links the events of a file written before the chain existed, in position order, a page at a time. */
const chainExistingEvents = (db: Database.Database): void => {
  const page = db.prepare<[number], [number, string, number, string, string, string]>(
    'SELECT position, stream_name, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT 1000',
  ).raw(true);
  const update = db.prepare('UPDATE events SET chain_sequence = ?, chain_previous_hash = ?, chain_hash = ? WHERE position = ?');
  let previous: ChainLink | null = null;
  let after = 0;
  for (;;) {
    const rows = page.all(after);
    for (const [position, streamName, revision, type, data, metadata] of rows) {
      const content = canonicalEventContent({ type, data: JSON.parse(data) as unknown, metadata: JSON.parse(metadata) as EventMetadata });
      const link: ChainLink = linkAfter(previous, content, streamName, revision);
      update.run(link.sequence, link.previousHash, link.hash, position);
      previous = link;
      after = position;
    }
    if (rows.length < 1000) return;
  }
};

export const LATEST_SCHEMA_VERSION = SCHEMA_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Applies the missing migrations in one write transaction; returns the versions applied. */
export const migrateSchema = (db: Database.Database, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): number[] =>
  db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      if (pending.length > 0) db.pragma(`application_id = ${TENDRIL_EVENT_STORE_APPLICATION_ID}`);
      return pending.map((m) => m.version);
    })
    .immediate();
