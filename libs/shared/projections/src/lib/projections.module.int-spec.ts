/// <reference types="jest" />
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { READ_MODEL_FRESHNESS, type ReadModelFreshness } from '@tendril/shared/ddd';
import { EVENT_STORE } from '@tendril/shared/event-store';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { Projectors, projectionEntities } from './projectors';
import { ProjectionsModule } from './projections.module';
import { TenderBoardRow, appendInterleaved, tenderBoardProjection, tenderStreams } from '../testing/tender-board.fixture';
import { createTestEventStore, type TestEventStore } from '../testing/test-databases';

jest.setTimeout(30_000);

describe('ProjectionsModule', () => {
  let dir: string;
  let events: TestEventStore;
  let app: INestApplicationContext;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-projections-module-'));
    events = await createTestEventStore();
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: events.store }], exports: [EVENT_STORE] })
    class EventStoreModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule,
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: path.join(dir, 'read-model.sqlite'),
          entities: projectionEntities([tenderBoardProjection]),
          synchronize: true,
        }),
        ProjectionsModule.forRoot({ projections: [tenderBoardProjection], batchSize: 10 }),
      ],
    }).compile();
    app = await moduleRef.init();
  });

  afterEach(async () => {
    await events.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the projectors once the application has booted and stops them when it closes', async () => {
    const freshness = app.get<ReadModelFreshness>(READ_MODEL_FRESHNESS);
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const projectors = app.get(Projectors);
    const head = await appendInterleaved(events.store, tenderStreams(3, 2));

    await freshness.waitForPosition(head, 5_000);

    expect(await dataSource.getRepository(TenderBoardRow).count()).toBe(3);
    expect(projectors.status()[0]?.state).toBe('running');
    await app.close();
    expect(projectors.status()[0]?.state).toBe('stopped');
  });
});
