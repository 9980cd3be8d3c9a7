// A projector in its own process, for the crash tests: it prints "applying <projection> <position>"
// before each apply (then dawdles, so a batch stays open a while) until the parent kills it.
import 'reflect-metadata';
import { openSqliteEventStore } from '@tendril/shared/event-store-sqlite';
import { DataSource } from 'typeorm';
import { PROJECTION_ENTITIES } from '../lib/projection-checkpoint.entity';
import { Projectors } from '../lib/projectors';
import { eventLedgerProjection, fixtureEntities, instrumented, tenderBoardProjection } from './tender-board.fixture';
import { dataSourceOptions, type DatabaseTarget } from './test-databases';

export interface ProjectorChildConfig {
  readonly storePath: string;
  readonly target: DatabaseTarget;
  readonly batchSize: number;
  readonly delayMs: number;
}

const main = async () => {
  const config = JSON.parse(process.env['PROJECTOR_CHILD_CONFIG'] ?? '') as ProjectorChildConfig;
  const store = await openSqliteEventStore({ path: config.storePath });
  const dataSource = await new DataSource(
    dataSourceOptions(config.target, [...PROJECTION_ENTITIES, ...fixtureEntities]),
  ).initialize();
  const dawdle = (name: string) => async (event: { position: number }) => {
    process.stdout.write(`applying ${name} ${event.position}\n`);
    await new Promise((resolve) => setTimeout(resolve, config.delayMs));
  };
  const projectors = new Projectors({
    dataSource,
    store,
    projections: [
      instrumented(tenderBoardProjection, dawdle('tender-board')),
      instrumented(eventLedgerProjection('child'), dawdle('event-ledger')),
    ],
    batchSize: config.batchSize,
  });
  await projectors.start();
  process.stdout.write('started\n');
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
