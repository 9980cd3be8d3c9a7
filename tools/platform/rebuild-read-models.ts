// `npm run read-models:rebuild -- [tender-service|bidding-service|subcontracting-service]...`
// Drops each service's read models and replays them from the event log, with a progress bar.
// Uses the same configuration as the services (DATA_DIR, EVENT_STORE, READ_MODEL_DB, DATABASE_URL...).
import 'reflect-metadata';
import { openConfiguredEventStore, readModelOptions, resolvePlatformConfig } from '@tendril/shared/platform';
import { type Projection, projectionEntities, rebuildProjections } from '@tendril/shared/projections';
import { DataSource, type DataSourceOptions } from 'typeorm';
import * as bidding from '../../apps/bidding-service/src/app/bidding-service.module';
import * as subcontracting from '../../apps/subcontracting-service/src/app/subcontracting-service.module';
import * as tender from '../../apps/tender-service/src/app/tender-service.module';

// Only read models are rebuilt: publishers and reactions keep their checkpoints, since replaying them
// would only meet their idempotency guards.
const READ_MODELS: Record<string, { port: number; projections: Projection[] }> = Object.fromEntries(
  [tender, bidding, subcontracting].map((service) => [
    service.SERVICE_NAME,
    { port: service.DEFAULT_PORT, projections: service.READ_MODEL_PROJECTIONS },
  ]),
);

const main = async () => {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in READ_MODELS));
  if (unknown.length > 0) {
    console.error(`Unknown service(s): ${unknown.join(', ')}. Choose from: ${Object.keys(READ_MODELS).join(', ')}`);
    process.exit(2);
  }
  const services = requested.length > 0 ? requested : Object.keys(READ_MODELS);
  for (const serviceName of services) {
    const spec = READ_MODELS[serviceName];
    if (!spec) continue;
    const config = resolvePlatformConfig(serviceName, spec.port);
    const store = await openConfiguredEventStore(config);
    const options = await readModelOptions(config, projectionEntities(spec.projections) as never);
    const dataSource = new DataSource(options as DataSourceOptions);
    try {
      await dataSource.initialize();
      console.log(`Rebuilding ${serviceName} read models from the event log...`);
      const results = await rebuildProjections({ dataSource, store, projections: spec.projections, progress: true });
      for (const result of results) {
        console.log(`  ${result.projection}: ${result.events} events replayed up to position ${String(result.checkpoint)} in ${result.durationMs} ms`);
      }
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await store.close();
    }
  }
};

main().catch((error: unknown) => {
  console.error(`Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
