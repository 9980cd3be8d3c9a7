import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyChain } from '@tendril/shared/audit-chain';
import type { RecordedEvent } from '@tendril/shared/event-store';
import { collect } from '@tendril/shared/testing';
import { openSqliteEventStore } from './lib/sqlite-event-store';
import { startFixture } from './testing/child-process';

jest.setTimeout(60_000);

interface Ack {
  readonly stream: string;
  readonly ids: string[];
  readonly position: number;
}

const acksOf = (lines: readonly string[]): Ack[] =>
  lines.filter((line) => line.startsWith('ack ')).map((line) => JSON.parse(line.slice(4)) as Ack);

const readEverything = async (file: string): Promise<RecordedEvent[]> => {
  const store = await openSqliteEventStore({ path: file });
  try {
    return await collect(store.readAll());
  } finally {
    await store.close();
  }
};

type WorkerData = { worker: string; batch: string; index: number; size: number };

describe('One store file shared by several processes', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-es-processes-'));
    file = path.join(dir, 'events.sqlite');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when three processes append to the same streams at once', () => {
    it('keeps every acknowledged event, with dense revisions and no batch split by another', async () => {
      const streams = ['tender-1', 'tender-2', 'tender-3'].join(',');
      const workers = ['a', 'b', 'c'].map((worker) => startFixture('append-worker.fixture.ts', [file, worker, streams, '60', '4', '2']));

      const outcomes = await Promise.all(workers.map((w) => w.exited));

      expect(outcomes.map((o) => o.code)).toEqual([0, 0, 0]);
      const acks = workers.flatMap((w) => acksOf(w.lines));
      expect(acks).toHaveLength(180);
      const log = await readEverything(file);
      expect(log).toHaveLength(360);
      expect(new Set(log.map((e) => e.metadata.eventId))).toEqual(new Set(acks.flatMap((a) => a.ids)));
      for (let i = 1; i < log.length; i += 1) expect((log[i] as RecordedEvent).position).toBeGreaterThan((log[i - 1] as RecordedEvent).position);
      for (const stream of streams.split(',')) {
        const events = log.filter((e) => e.streamName === stream);
        expect(events.map((e) => e.revision)).toEqual(events.map((_, index) => index));
        // A batch of two sits at consecutive revisions: no other append came between its events.
        for (let i = 0; i < events.length; i += 2) {
          const [first, second] = [events[i]?.data as WorkerData, events[i + 1]?.data as WorkerData];
          expect([first.batch, first.index, second.index]).toEqual([second.batch, 0, 1]);
        }
      }
    });

    it('keeps one unbroken audit chain across the processes', async () => {
      const workers = ['a', 'b', 'c'].map((worker) => startFixture('append-worker.fixture.ts', [file, worker, 'bid-1,bid-2', '20', '4', '2']));
      expect((await Promise.all(workers.map((w) => w.exited))).map((o) => o.code)).toEqual([0, 0, 0]);

      const store = await openSqliteEventStore({ path: file });
      try {
        const result = await verifyChain({ events: store.readAuditChain(), checkpoints: [], publicKeys: [] });
        expect(result).toMatchObject({ intact: true, eventsChecked: 120, head: { position: 120, sequence: 119 } });
      } finally {
        await store.close();
      }
    });
  });

  describe('a subscriber in another process', () => {
    it('sees each new event within 100 ms of its append', async () => {
      const store = await openSqliteEventStore({ path: file });
      const subscriber = startFixture('subscriber.fixture.ts', [file, 'tender-']);
      try {
        await subscriber.waitForLine((line) => line === 'ready');
        const latencies: number[] = [];
        for (let n = 0; n < 10; n += 1) {
          const appendedAt = performance.timeOrigin + performance.now();
          const event = {
            type: 'TenderPublished',
            data: { n },
            metadata: {
              eventId: crypto.randomUUID(),
              schemaVersion: 1,
              occurredAt: new Date().toISOString(),
              correlationId: crypto.randomUUID(),
              causationId: null,
              actor: { userId: 'u', role: 'commissioner' as const, organisationId: 'o' },
            },
          };
          await store.appendToStream('tender-latency', [event], { expectedRevision: n === 0 ? 'no_stream' : n - 1 });
          const line = await subscriber.waitForLine((l) => l.startsWith(`got ${event.metadata.eventId} `));
          latencies.push(Number(line.split(' ')[2]) - appendedAt);
          await new Promise((resolve) => setTimeout(resolve, 20 + (n % 3) * 15));
        }
        console.log(`cross-process subscription latency ms: ${latencies.map((l) => l.toFixed(1)).join(', ')}`);
        expect(Math.max(...latencies)).toBeLessThan(100);
      } finally {
        subscriber.child.stdin?.end();
        await subscriber.exited;
        await store.close();
      }
    });
  });

  describe('a process killed with SIGKILL while appending', () => {
    it('leaves every acknowledged append in the file and no part of an unacknowledged batch', async () => {
      const streams = ['bid-1', 'bid-2', 'bid-3', 'bid-4'].join(',');
      const worker = startFixture('append-worker.fixture.ts', [file, 'k', streams, 'forever', '8', '5']);
      await worker.waitForLine((_line) => acksOf(worker.lines).length >= 150, 30_000);

      worker.child.kill('SIGKILL');
      const outcome = await worker.exited;

      expect(outcome.signal).toBe('SIGKILL');
      const acks = acksOf(worker.lines);
      const log = await readEverything(file);
      const stored = new Set(log.map((e) => e.metadata.eventId));
      for (const ack of acks) for (const id of ack.ids) expect(stored.has(id)).toBe(true);
      const batches = new Map<string, number>();
      for (const event of log) {
        const data = event.data as WorkerData;
        batches.set(data.batch, (batches.get(data.batch) ?? 0) + 1);
      }
      expect([...batches.values()].every((count) => count === 5)).toBe(true);
      expect(batches.size).toBeGreaterThanOrEqual(acks.length);
    });
  });
});
