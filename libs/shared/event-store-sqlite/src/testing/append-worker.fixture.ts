// A process that appends to shared streams of one store file and prints "ack <json>" per acknowledged append.
// Usage: append-worker.fixture.ts <file> <worker> <streams,comma,separated> <appends|forever> <concurrency> <eventsPerAppend>
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { type EventToAppend, WrongExpectedRevisionError } from '@tendril/shared/event-store';
import { openSqliteEventStore } from '../lib/sqlite-event-store';

const [file, worker, streamList, appendsArg, concurrencyArg, sizeArg] = process.argv.slice(2);
const streams = (streamList ?? '').split(',');
const appends = appendsArg === 'forever' ? Number.POSITIVE_INFINITY : Number(appendsArg);
const concurrency = Number(concurrencyArg ?? 1);
const size = Number(sizeArg ?? 1);

const print = (line: string) => fs.writeSync(1, `${line}\n`);

const batchOf = (batch: string): EventToAppend[] =>
  Array.from({ length: size }, (_, index) => ({
    type: 'WorkerAppended',
    data: { worker, batch, index, size },
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      correlationId: batch,
      causationId: null,
      actor: { userId: `worker-${worker}`, role: 'system', organisationId: null },
    },
  }));

const main = async () => {
  const store = await openSqliteEventStore({ path: file as string, busyTimeoutMs: 10_000 });
  print('ready');
  let started = 0;
  const loop = async () => {
    while (started < appends) {
      const n = started++;
      const stream = streams[n % streams.length] as string;
      const events = batchOf(`${worker}-${n}`);
      // Optimistic concurrency as the command loop does it: read the revision, append, retry on conflict.
      for (;;) {
        const revision = await store.streamRevision(stream);
        try {
          const result = await store.appendToStream(stream, events, { expectedRevision: revision ?? 'no_stream' });
          print(`ack ${JSON.stringify({ stream, ids: events.map((e) => e.metadata.eventId), position: result.position })}`);
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  await store.close();
  print('done');
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
