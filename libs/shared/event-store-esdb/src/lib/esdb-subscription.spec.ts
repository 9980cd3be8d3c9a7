import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent } from '@tendril/shared/event-store';
import { PassThrough } from 'node:stream';
import { buildEsdbLogFilter } from './esdb-log-filter';
import { streamNaming } from './esdb-stream-naming';
import { EsdbSubscription } from './esdb-subscription';

/** A readable shaped like the client's subscription: events flow in, unsubscribe() cancels the call but does not end the stream. */
const fakeSource = () => {
  const stream = new PassThrough({ objectMode: true });
  let unsubscribed = 0;
  const source = Object.assign(stream, {
    unsubscribe: async () => {
      unsubscribed++;
    },
  }) as unknown as AllStreamSubscription;
  return { source, push: (e: AllStreamResolvedEvent) => stream.write(e), unsubscribed: () => unsubscribed };
};

const resolved = (streamId: string, type: string, commit: bigint): AllStreamResolvedEvent =>
  ({ event: { streamId, type, position: { commit, prepare: commit } } }) as unknown as AllStreamResolvedEvent;

const toRecorded = (event: NonNullable<AllStreamResolvedEvent['event']>) =>
  ({ streamName: event.streamId, type: event.type, position: Number(event.position.commit) }) as unknown as RecordedEvent;

describe('EventStoreDB subscription', () => {
  it('delivers only ordinary events that match the filter, in order', async () => {
    const { source, push } = fakeSource();
    const subscription = new EsdbSubscription(source, buildEsdbLogFilter({ streamPrefixes: ['bid-'] }, streamNaming()), toRecorded, () => undefined);
    push(resolved('bid-1', 'BidSubmitted', 10n));
    push(resolved('tender-1', 'TenderPublished', 20n));
    push(resolved('bid-1', '$metadata', 30n));
    push(resolved('bid-2', 'BidSubmitted', 40n));
    const seen: number[] = [];
    for await (const event of subscription) {
      seen.push(event.position);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([10, 40]);
  });

  it('ends an iteration that is waiting for the next event when it is closed', async () => {
    const { source, unsubscribed } = fakeSource();
    const released: EsdbSubscription[] = [];
    const subscription = new EsdbSubscription(source, buildEsdbLogFilter(undefined, streamNaming()), toRecorded, (s) => released.push(s));
    const iteration = (async () => {
      const seen: RecordedEvent[] = [];
      for await (const event of subscription) seen.push(event);
      return seen;
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await subscription.close();
    await expect(iteration).resolves.toEqual([]);
    expect(unsubscribed()).toBe(1);
    expect(released).toEqual([subscription]);
  });

  it('cancels the server call when the consumer stops iterating', async () => {
    const { source, push, unsubscribed } = fakeSource();
    const subscription = new EsdbSubscription(source, buildEsdbLogFilter(undefined, streamNaming()), toRecorded, () => undefined);
    push(resolved('a-1', 'A', 5n));
    for await (const _ of subscription) break;
    expect(unsubscribed()).toBe(1);
  });

  it('reports a server failure to the consumer as a port error', async () => {
    const { source } = fakeSource();
    const subscription = new EsdbSubscription(source, buildEsdbLogFilter(undefined, streamNaming()), toRecorded, () => undefined);
    const iteration = (async () => {
      for await (const _ of subscription) {
        // nothing arrives before the failure
      }
    })();
    source.destroy(new Error('Failed to discover after 10 attempts.'));
    await expect(iteration).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
  });
});
