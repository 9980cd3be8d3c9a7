import { describeEventStoreContract } from '@tendril/shared/testing';
import { randomUUID } from 'node:crypto';
import { connectEventStoreDb } from './lib/eventstoredb-event-store';

// The same contract suite as the SQLite adapter, against a real EventStoreDB (22.6 or later). It needs
// a server, which this repository's CI does not run: set EVENTSTORE_CONNECTION_STRING to use one, e.g.
//   EVENTSTORE_CONNECTION_STRING='esdb://127.0.0.1:2113?tls=false' npx jest --config libs/shared/event-store-esdb/jest.config.js
// The suite writes to uniquely named streams, so a shared, long-lived server is fine.
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];
// EventStoreDB keeps no index of event ids across streams (see the adapter's README).
const ESDB_CAPABILITIES = { refusesEventIdsReusedAcrossStreams: false };

const SKIP_REASON = 'EVENTSTORE_CONNECTION_STRING is not set, so no EventStoreDB server is available';

if (!connectionString) {
  console.warn(`EventStoreDB contract suite SKIPPED: ${SKIP_REASON}.`);
  describe.skip(`The EventStoreDB event store (contract) — SKIPPED: ${SKIP_REASON}`, () => {
    it.skip('passes the shared event store contract against a live EventStoreDB', () => undefined);
  });
} else {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = await connectEventStoreDb({ connectionString });
    return { store, dispose: () => store.close() };
  }, ESDB_CAPABILITIES);

  // Again with every stream under a namespace of its own, as environments sharing a cluster run.
  describeEventStoreContract('EventStoreDB (namespaced streams)', async () => {
    const store = await connectEventStoreDb({ connectionString, streamNamespace: `contract-${randomUUID().slice(0, 8)}` });
    return { store, dispose: () => store.close() };
  }, ESDB_CAPABILITIES);
}
