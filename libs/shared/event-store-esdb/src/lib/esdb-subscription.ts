import type { AllStreamRecordedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '@tendril/shared/event-store';
import type { EsdbLogFilter } from './esdb-log-filter';
import { translateEsdbError } from './esdb-errors';

/**
 * The port's catch-up subscription over an EventStoreDB subscription to $all. The server does the
 * hard part (history, then live, with no gap and no duplicate at the switch, from an exclusive
 * checkpoint); this class narrows to the port's filter and ends cleanly on close().
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly filter: EsdbLogFilter,
    private readonly toRecordedEvent: (event: AllStreamRecordedEvent) => RecordedEvent,
    private readonly onClosed: (subscription: EsdbSubscription) => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.deliver();
    return this.iterator;
  }

  close(): Promise<void> {
    this.closed = true;
    this.closing ??= (async () => {
      try {
        await this.source.unsubscribe();
      } finally {
        // Cancelling the gRPC call does not end the readable side, so a pending `for await` would wait
        // forever; destroying it makes the iteration finish.
        this.source.destroy();
        this.onClosed(this);
      }
    })();
    return this.closing;
  }

  private async *deliver(): AsyncGenerator<RecordedEvent> {
    try {
      for await (const resolved of this.source) {
        if (this.closed) return;
        const event = resolved.event;
        if (!event || !this.filter.accepts(event.streamId, event.type)) continue;
        yield this.toRecordedEvent(event);
        if (this.closed) return;
      }
    } catch (error) {
      if (this.closed) return;
      throw translateEsdbError(error, { operation: 'read' });
    } finally {
      if (!this.closed) await this.close();
    }
  }
}
