// `npm start`: the whole platform on the embedded default (SQLite event store and read models in ./data),
// four processes, with demo data. Ctrl-C stops it gracefully.
import { seedDemoData } from './seed-demo';
import { DEFAULT_PORTS, startPlatform } from '@tendril/shared/launcher';

const main = async () => {
  let shuttingDown = false;
  const platform = await startPlatform({
    ports: DEFAULT_PORTS,
    onUnexpectedExit: (service, code, signal) => {
      if (shuttingDown) return;
      console.error(`${service} exited unexpectedly (code ${code ?? '-'}, signal ${signal ?? '-'}); stopping the platform`);
      shuttingDown = true;
      void platform.stop().then(() => process.exit(1));
    },
  });
  const summary = await seedDemoData(platform.gatewayUrl);
  console.log(`\nTendril is running: GraphQL gateway at ${platform.gatewayUrl.replace('127.0.0.1', 'localhost')}`);
  console.log(summary);
  console.log('Press Ctrl-C to stop.\n');
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n${signal} received: stopping the platform gracefully`);
    void platform.stop('SIGTERM').then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  console.error(`Tendril could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
