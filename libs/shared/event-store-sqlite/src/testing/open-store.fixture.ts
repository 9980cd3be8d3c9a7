// A process that opens a store file the way a service does at start: exit 0 when it opens,
// or print the error code and message and exit 2.
// Usage: open-store.fixture.ts <file> [busyTimeoutMs]
import { EventStoreUnavailableError } from '@tendril/shared/event-store';
import { openSqliteEventStore } from '../lib/sqlite-event-store';

const [file, busyTimeoutMs] = process.argv.slice(2);

openSqliteEventStore({ path: file as string, busyTimeoutMs: Number(busyTimeoutMs ?? 5_000) })
  .then(async (store) => {
    await store.close();
    process.stdout.write('opened\n');
  })
  .catch((error: unknown) => {
    const code = error instanceof EventStoreUnavailableError ? error.code : 'UNEXPECTED';
    console.error(`${code}: ${(error as Error).message}`);
    process.exit(2);
  });
