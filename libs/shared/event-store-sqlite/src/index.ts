export { openSqliteEventStore, SqliteEventStore } from './lib/sqlite-event-store';
export type { SqliteEventStoreOptions, SqliteEventStoreStats } from './lib/sqlite-event-store';
export { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS, TENDRIL_EVENT_STORE_APPLICATION_ID } from './lib/schema-migrations';
export type { SchemaMigration } from './lib/schema-migrations';
