import { openSqliteEventStore } from '@tendril/shared/event-store-sqlite';
import type { EventStore, RecordedEvent, ReadAllOptions } from '@tendril/shared/event-store';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type EntityTarget, type ObjectLiteral } from 'typeorm';

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgres'];

export const postgresUrl = (): string =>
  process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';

const HOW_TO_START_POSTGRES =
  'Start it and create the test role and database (as root): `bash tools/test/ensure-postgres.sh`, or by hand: ' +
  '`pg_ctlcluster 15 main start && su postgres -c "psql -c \\"CREATE ROLE tendril LOGIN PASSWORD \'tendril\' SUPERUSER\\"" ' +
  '&& su postgres -c "createdb -O tendril tendril_test"`; or point TENDRIL_TEST_POSTGRES_URL at a server you run.';

/** Fails (never skips) when PostgreSQL is not there, saying how to start it. */
const connectPostgres = async (): Promise<Client> => {
  const client = new Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresUrl()} (${error instanceof Error ? error.message : String(error)}). ${HOW_TO_START_POSTGRES}`,
    );
  }
  return client;
};

/** Where a test's read model lives: enough for another process to open it. */
export type DatabaseTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly schema: string };

export const dataSourceOptions = (
  target: DatabaseTarget,
  entities: readonly EntityTarget<ObjectLiteral>[],
  synchronize = false,
): DataSourceOptions =>
  target.kind === 'sqlite'
    ? {
        type: 'better-sqlite3',
        database: target.file,
        enableWAL: true,
        prepareDatabase: (db: { pragma(source: string): unknown }) => {
          db.pragma('busy_timeout = 10000');
        },
        entities: entities as DataSourceOptions['entities'],
        synchronize,
      }
    : {
        type: 'postgres',
        url: postgresUrl(),
        schema: target.schema,
        entities: entities as DataSourceOptions['entities'],
        synchronize,
        poolSize: 4,
      };

/** One read-model database per test: a SQLite file in a fresh temp dir, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly target: DatabaseTarget;
  /** Options for another DataSource on the same database (a second instance, a child process). */
  readonly options: DataSourceOptions;
  readonly dataSource: DataSource;
  connectAgain(): Promise<DataSource>;
  dispose(): Promise<void>;
}

export const createTestDatabase = async (
  kind: DatabaseKind,
  entities: readonly EntityTarget<ObjectLiteral>[],
): Promise<TestDatabase> => {
  const opened: DataSource[] = [];
  const connect = async (options: DataSourceOptions) => {
    const dataSource = await new DataSource(options).initialize();
    opened.push(dataSource);
    return dataSource;
  };
  const closeAll = async () => {
    await Promise.all(opened.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
  };

  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-projections-'));
    const target: DatabaseTarget = { kind, file: path.join(dir, 'read-model.sqlite') };
    const dataSource = await connect(dataSourceOptions(target, entities, true));
    return {
      kind,
      target,
      options: dataSourceOptions(target, entities),
      dataSource,
      connectAgain: () => connect(dataSourceOptions(target, entities)),
      dispose: async () => {
        await closeAll();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const schema = `proj_${randomBytes(6).toString('hex')}`;
  const admin = await connectPostgres();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.end();
  }
  const target: DatabaseTarget = { kind, schema };
  const dataSource = await connect(dataSourceOptions(target, entities, true));
  return {
    kind,
    target,
    options: dataSourceOptions(target, entities),
    dataSource,
    connectAgain: () => connect(dataSourceOptions(target, entities)),
    dispose: async () => {
      await closeAll();
      const client = await connectPostgres();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
};

export interface TestEventStore {
  readonly store: EventStore;
  readonly path: string;
  dispose(): Promise<void>;
}

export const createTestEventStore = async (): Promise<TestEventStore> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-events-'));
  const file = path.join(dir, 'events.sqlite');
  const store = await openSqliteEventStore({ path: file });
  return {
    store,
    path: file,
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The log as it was up to `upTo`: what a clean replay of a checkpoint should be compared with. */
export const logUpTo = (store: EventStore, upTo: number | null): Pick<EventStore, 'readAll' | 'headPosition'> => ({
  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    if (upTo === null) return;
    for await (const event of store.readAll(options)) {
      if (event.position > upTo) return;
      yield event;
    }
  },
  headPosition: async () => upTo,
});

/** Rows of the fixture tables in a stable order, without generated ids, to compare two databases. */
export const dumpRows = async (dataSource: DataSource): Promise<{ board: unknown[]; ledger: unknown[] }> => {
  const board = await dataSource.query(
    `SELECT tender_id, title, status, bid_count, total_amount FROM ${table(dataSource, 'tender_board')} ORDER BY tender_id`,
  );
  const ledger = await dataSource.query(
    `SELECT position, event_type FROM ${table(dataSource, 'event_ledger')} ORDER BY position`,
  );
  const numeric = (rows: Record<string, unknown>[]) =>
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'tender_id' ? Number(v) : v])));
  return { board: numeric(board), ledger: numeric(ledger) };
};

export const table = (dataSource: DataSource, name: string): string => {
  const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
  return schema ? `"${schema}"."${name}"` : `"${name}"`;
};
