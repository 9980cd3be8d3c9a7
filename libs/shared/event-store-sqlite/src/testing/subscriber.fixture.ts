// A process that subscribes to a store file and prints "got <eventId> <epoch ms>" for each event it receives.
// Usage: subscriber.fixture.ts <file> <streamPrefix>
import * as fs from 'node:fs';
import { openSqliteEventStore } from '../lib/sqlite-event-store';

const [file, prefix] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();

const main = async () => {
  const store = await openSqliteEventStore({ path: file as string });
  const subscription = store.subscribeToAll({ afterPosition: (await store.headPosition()) ?? 0, filter: { streamPrefixes: [prefix as string] } });
  process.stdin.on('end', () => void store.close());
  process.stdin.resume();
  fs.writeSync(1, 'ready\n');
  for await (const event of subscription) fs.writeSync(1, `got ${event.metadata.eventId} ${now()}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
