import type Database from 'better-sqlite3';

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
];

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
