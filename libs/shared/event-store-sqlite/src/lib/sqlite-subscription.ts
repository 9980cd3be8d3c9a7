import type { LogFilter, RecordedEvent, Subscription } from '@tendril/shared/event-store';
import type { HeadWaiter } from './head-watcher';

/** What a subscription needs from the store: pages of the log and a way to wait for more. */
export interface SubscriptionSource {
  headPositionNow(): number;
  readPageAfter(afterPosition: number, upToPosition: number, filter: LogFilter | undefined, limit: number): RecordedEvent[];
  waitBeyond(position: number): HeadWaiter;
  release(subscription: SqliteSubscription): void;
}

/**
 * A catch-up subscription that pulls from the log one page at a time. History and live events come
 * from the same ordered query, so there is no switch-over to get wrong (no gap, no duplicate), and
 * a slow consumer only ever holds one page in memory.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private waiter: HeadWaiter | undefined;
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly afterPosition: number,
    private readonly filter: LogFilter | undefined,
    private readonly pageSize: number,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.deliver();
    return this.iterator;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiter?.wake();
    this.source.release(this);
  }

  private async *deliver(): AsyncGenerator<RecordedEvent> {
    let after = this.afterPosition;
    try {
      while (!this.closed) {
        const head = this.source.headPositionNow();
        if (head > after) {
          const page = this.source.readPageAfter(after, head, this.filter, this.pageSize);
          for (const event of page) {
            yield event;
            if (this.closed) return;
          }
          // A short page means nothing else matches up to head: skip the non-matching tail for good.
          after = page.length < this.pageSize ? head : (page[page.length - 1] as RecordedEvent).position;
          continue;
        }
        this.waiter = this.source.waitBeyond(after);
        await this.waiter.promise;
        this.waiter = undefined;
      }
    } finally {
      this.closed = true;
      this.source.release(this);
    }
  }
}
