import { EventStoreDBClient } from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  EventTooLargeError,
  type EventToAppend,
  InvalidEventError,
} from '@tendril/shared/event-store';
import { randomUUID } from 'node:crypto';
import { connectEventStoreDb, EventStoreDbEventStore, redactConnectionString } from './eventstoredb-event-store';

// Port 1 on loopback refuses connections at once: these are the behaviours that need no server.
const NOWHERE = 'esdb://admin:s3cret@127.0.0.1:1?tls=false';

const anEvent = (data: unknown = { n: 1 }): EventToAppend => ({
  type: 'Noted',
  data,
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'c',
    causationId: null,
    actor: { userId: 'u', role: 'admin', organisationId: null },
  },
});

const storeWithoutServer = (retryDelays: number[] = []) =>
  new EventStoreDbEventStore(EventStoreDBClient.connectionString(NOWHERE), { maxEventBytes: 1_000, appendRetryDelaysMs: retryDelays });

describe('EventStoreDB event store, before any server is involved', () => {
  describe('an append that the port refuses', () => {
    it.each([
      ['an event over the size limit', [anEvent({ text: 'x'.repeat(2_000) })], EventTooLargeError],
      ['data that is not JSON', [anEvent({ when: new Date() })], InvalidEventError],
      ['no events', [], InvalidEventError],
    ])('fails with the same error as the SQLite adapter for %s, without contacting the server', async (_label, events, error) => {
      const store = storeWithoutServer();
      await expect(store.appendToStream('notes-1', events, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(error);
      await store.close();
    });

    it('refuses an append without an expected revision instead of writing with "any"', async () => {
      const store = storeWithoutServer();
      await expect(store.appendToStream('notes-1', [anEvent()], { expectedRevision: 'any' as never })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      await store.close();
    });

    it('refuses a system stream name', async () => {
      const store = storeWithoutServer();
      await expect(store.appendToStream('$settings', [anEvent()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      await store.close();
    });
  });

  it('reports an unreachable server on append as STORE_UNREACHABLE once its retries are spent', async () => {
    const store = storeWithoutServer([5, 5]);
    await expect(store.appendToStream('notes-1', [anEvent()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      code: 'STORE_UNREACHABLE',
    });
    await store.close();
  });

  describe('closing', () => {
    it('waits for an append in flight to settle before it resolves', async () => {
      const store = storeWithoutServer([50, 50]);
      let appendSettled = false;
      const append = store
        .appendToStream('notes-1', [anEvent()], { expectedRevision: 'no_stream' })
        .catch(() => undefined)
        .finally(() => {
          appendSettled = true;
        });
      await store.close();
      expect(appendSettled).toBe(true);
      await append;
    });

    it('makes every later call fail with STORE_CLOSED', async () => {
      const store = storeWithoutServer();
      await store.close();
      const closed = { code: 'STORE_CLOSED' };
      await expect(store.appendToStream('notes-1', [anEvent()], { expectedRevision: 'no_stream' })).rejects.toMatchObject(closed);
      await expect(store.streamRevision('notes-1')).rejects.toMatchObject(closed);
      await expect(store.headPosition()).rejects.toMatchObject(closed);
      await expect(store.readStream('notes-1')[Symbol.asyncIterator]().next()).rejects.toMatchObject(closed);
      await expect(store.readAll()[Symbol.asyncIterator]().next()).rejects.toMatchObject(closed);
      expect(() => store.subscribeToAll()).toThrow(EventStoreUnavailableError);
    });

    it('can be called twice', async () => {
      const store = storeWithoutServer();
      await Promise.all([store.close(), store.close()]);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });

  describe('connecting', () => {
    it('fails at start with STORE_UNREACHABLE when no server answers, without showing the password', async () => {
      const failure = connectEventStoreDb({ connectionString: NOWHERE, connectTimeoutMs: 2_000 });
      await expect(failure).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
      await expect(failure).rejects.toThrow(/admin:\*\*\*@127\.0\.0\.1:1/);
      await expect(failure).rejects.not.toThrow(/s3cret/);
    });

    it('fails with a readable message for a connection string that is not one', async () => {
      await expect(connectEventStoreDb({ connectionString: 'http://127.0.0.1:2113' })).rejects.toThrow(
        /not a valid EventStoreDB connection string/,
      );
    });
  });

  it('redacts only the password of a connection string', () => {
    expect(redactConnectionString('esdb://admin:changeit@esdb-1:2113,esdb-2:2113?tls=true')).toBe(
      'esdb://admin:***@esdb-1:2113,esdb-2:2113?tls=true',
    );
    expect(redactConnectionString('esdb://esdb-1:2113?tls=false')).toBe('esdb://esdb-1:2113?tls=false');
  });
});
