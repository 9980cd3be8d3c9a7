import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type { EntitySchema, MixedList } from 'typeorm';
import type { PlatformConfig } from './platform-config';

// TypeORM takes entity classes or schemas.
export type EntityList = MixedList<string | EntitySchema | (new () => unknown)>;

/**
 * Read models are projections: disposable and rebuilt from the log. Their tables are synchronised from
 * the entities at start (see docs/adr/0004-read-models-are-rebuildable.md).
 */
export const readModelOptions = async (config: PlatformConfig, entities: EntityList): Promise<TypeOrmModuleOptions> => {
  if (config.readModel.kind === 'postgres') {
    const client = new Client({ connectionString: config.readModel.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.readModel.schema.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return {
      type: 'postgres',
      url: config.readModel.url,
      schema: config.readModel.schema,
      entities,
      synchronize: true,
      logging: ['error'],
    };
  }
  fs.mkdirSync(path.dirname(config.readModel.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: config.readModel.path,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
    },
    entities,
    synchronize: true,
    logging: ['error'],
  };
};
