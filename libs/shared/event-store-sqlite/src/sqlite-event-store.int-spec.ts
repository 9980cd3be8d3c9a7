import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeEventStoreContract } from '@tendril/shared/testing';
import { openSqliteEventStore } from './lib/sqlite-event-store';

describeEventStoreContract('embedded SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-es-contract-'));
  const store = await openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
