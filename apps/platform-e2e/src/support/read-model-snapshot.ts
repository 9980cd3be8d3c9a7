import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { workspaceRoot } from '@tendril/shared/launcher';

const SERVICES = ['tender-service', 'bidding-service', 'subcontracting-service'];

type Rows = Record<string, unknown[]>;

// When a checkpoint was last written is bookkeeping, not read-model content; and a checkpoint at no
// position (a rebuild of a projection that has seen no event yet) is the same as none.
const sortRows = (rows: unknown[]) =>
  rows
    .map((row) => row as Record<string, unknown>)
    .filter((row) => !('projection_name' in row && row['position'] === null))
    .map((row) => JSON.stringify({ ...row, updated_at: undefined }))
    .sort();

/** Every row of every read-model table of every service, in a comparable form. */
export const snapshotReadModels = async (env: Record<string, string>): Promise<Rows> => {
  const snapshot: Rows = {};
  if (env['READ_MODEL_DB'] === 'postgres') {
    const client = new Client({ connectionString: env['DATABASE_URL'] });
    await client.connect();
    try {
      for (const service of SERVICES) {
        const schema = `${env['DATABASE_SCHEMA_PREFIX'] ?? ''}${service.replace(/-/g, '_')}`;
        const tables = await client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
        for (const { tablename } of tables.rows) {
          const result = await client.query(`SELECT * FROM "${schema}"."${tablename}"`);
          snapshot[`${service}.${tablename}`] = sortRows(result.rows);
        }
      }
    } finally {
      await client.end();
    }
    return snapshot;
  }
  for (const service of SERVICES) {
    const db = new Database(path.join(env['DATA_DIR'] ?? '', `${service}.sqlite`), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      for (const { name } of tables) snapshot[`${service}.${name}`] = sortRows(db.prepare(`SELECT * FROM "${name}"`).all());
    } finally {
      db.close();
    }
  }
  return snapshot;
};

// Asks each service module (in a child process: the e2e tests import no service code) which tables its
// rebuildable read models own, as `npm run read-models:rebuild` sees them.
const LIST_READ_MODEL_TABLES = `
require('reflect-metadata');
const { getMetadataArgsStorage } = require('typeorm');
const services = ['tender', 'bidding', 'subcontracting'].map((name) => require('./apps/' + name + '-service/src/app/' + name + '-service.module'));
const tables = getMetadataArgsStorage().tables;
const result = Object.fromEntries(services.map((service) => [
  service.SERVICE_NAME,
  [...new Set(service.READ_MODEL_PROJECTIONS.flatMap((projection) => projection.entities))].map((entity) => tables.find((table) => table.target === entity)?.name ?? String(entity.name)),
]));
console.log(JSON.stringify(result));
`;

/** Every read-model table of every service, by service name, as the services declare them for the rebuild. */
export const readModelTables = async (): Promise<Record<string, string[]>> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', LIST_READ_MODEL_TABLES], {
    cwd: workspaceRoot,
    env: { ...process.env, LOG_LEVEL: 'error' },
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string[]>;
};

/** Runs `npm run read-models:rebuild` as a user would, against the given configuration. */
export const runRebuildCommand = async (env: Record<string, string>): Promise<string> => {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/platform/rebuild-read-models.ts'],
    { cwd: workspaceRoot, env: { ...process.env, ...env }, timeout: 120_000 },
  );
  return `${stdout}${stderr}`;
};
