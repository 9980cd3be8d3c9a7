import type { EventStore, RecordedEvent, Subscription } from '@tendril/shared/event-store';
import type { DataSource } from 'typeorm';
import {
  applyBatch,
  assertEntitiesRegistered,
  isAfter,
  readCheckpoint,
  type Checkpoint,
} from './checkpoint-transaction';
import { ProjectionApplyError, ProjectionTimeoutError } from './errors';
import type { Projection } from './projection';

/** The shape of Nest's Logger, so one can be passed straight in. */
export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, trace?: string): void;
}

export const consoleProjectorLogger: ProjectorLogger = {
  log: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, trace) => console.error(trace ? `${message}\n${trace}` : message),
};

export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 30_000 };

/** Exponential backoff: initial, 2x, 4x ... capped. `attempt` counts from 1. */
export const retryDelayMs = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));

export interface ProjectorOptions {
  readonly dataSource: DataSource;
  readonly store: Pick<EventStore, 'subscribeToAll' | 'readAll'>;
  readonly projection: Projection;
  /** Most events per transaction. Defaults to 100. */
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  readonly logger?: ProjectorLogger;
  /** How often waitForPosition re-reads the stored checkpoint (another instance may be the one applying). */
  readonly pollIntervalMs?: number;
}

export interface ProjectorFailure {
  readonly message: string;
  readonly position: number | null;
  readonly eventType: string | null;
  readonly streamName: string | null;
  readonly attempts: number;
  readonly since: string;
}

export interface ProjectorStatus {
  readonly projection: string;
  readonly state: 'stopped' | 'running' | 'failing';
  /** Last position this instance knows to be committed. */
  readonly checkpoint: Checkpoint;
  readonly failure: ProjectorFailure | null;
}

const NOT_READY = Symbol('not ready');

/** Resolves with the promise's value if it is already settled (or settles within this turn), else NOT_READY. */
const ifReady = <T>(promise: Promise<T>): Promise<T | typeof NOT_READY> =>
  Promise.race([promise, new Promise<typeof NOT_READY>((resolve) => setImmediate(() => resolve(NOT_READY)))]);

/**
 * Keeps one projection up to date: a catch-up subscription to the global log from the stored
 * checkpoint, applied in small batches, each batch committed with the checkpoint in one transaction.
 *
 * Several instances (services on PostgreSQL) may run the same projection: every batch locks the
 * checkpoint row (SELECT ... FOR UPDATE) and applies only the events after the stored checkpoint, so
 * instances take turns and an event is applied exactly once, whichever instance gets there first.
 *
 * A failing apply rolls its batch back; the events before the failing one are committed on their own,
 * then the failing event is retried with exponential backoff, logged each time, never skipped.
 */
export class Projector {
  private readonly batchSize: number;
  private readonly retry: RetryPolicy;
  private readonly logger: ProjectorLogger;
  private readonly pollIntervalMs: number;
  private committed: Checkpoint = null;
  private failure: ProjectorFailure | null = null;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private readonly wakeups = new Set<() => void>();

  constructor(private readonly options: ProjectorOptions) {
    this.batchSize = options.batchSize ?? 100;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    }
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.logger = options.logger ?? consoleProjectorLogger;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  get name(): string {
    return this.options.projection.name;
  }

  /** Checks the wiring and starts applying in the background. */
  async start(): Promise<void> {
    if (this.loop) return;
    assertEntitiesRegistered(this.options.dataSource, [this.options.projection]);
    this.committed = await readCheckpoint(this.options.dataSource, this.name);
    this.stopping = false;
    this.running = true;
    this.loop = this.run().finally(() => {
      this.running = false;
      this.loop = null;
      this.notify();
    });
  }

  /** Finishes (or rolls back) the batch in hand and stops. Call it before closing the store or the DataSource. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.subscription?.close();
    await this.loop;
  }

  status(): ProjectorStatus {
    return {
      projection: this.name,
      state: !this.running ? 'stopped' : this.failure ? 'failing' : 'running',
      checkpoint: this.committed,
      failure: this.failure,
    };
  }

  /**
   * Resolves once the read model reflects every event of this projection up to `position` (the
   * position an append returned): read-your-writes for the API. Also resolves when no event this
   * projection wants lies at or before `position`. Works whichever instance applies the projection.
   */
  async waitForPosition(position: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let checkpoint = this.committed;
      if (isAfter(position, checkpoint)) {
        checkpoint = await readCheckpoint(this.options.dataSource, this.name);
        if (checkpoint !== null && (this.committed === null || checkpoint > this.committed)) this.committed = checkpoint;
      }
      if (!isAfter(position, checkpoint)) return;
      if (!(await this.wantsEventsBetween(checkpoint, position))) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new ProjectionTimeoutError(this.name, position, checkpoint, timeoutMs, this.failure?.message ?? null);
      }
      await this.pause(Math.min(remaining, this.pollIntervalMs));
    }
  }

  private async wantsEventsBetween(checkpoint: Checkpoint, upTo: number): Promise<boolean> {
    const events = this.options.store.readAll({
      fromPosition: checkpoint ?? 'start',
      filter: this.options.projection.filter,
      maxCount: 2,
    });
    for await (const event of events) {
      if (isAfter(event.position, checkpoint)) return event.position <= upTo;
    }
    return false;
  }

  private notify(): void {
    for (const wake of [...this.wakeups]) wake();
  }

  private async run(): Promise<void> {
    let subscriptionFailures = 0;
    while (!this.stopping) {
      try {
        this.committed = await readCheckpoint(this.options.dataSource, this.name);
        const outcome = await this.follow();
        if (outcome === 'ended' && !this.stopping) throw new Error('the subscription ended');
        subscriptionFailures = 0;
      } catch (error) {
        subscriptionFailures++;
        const delay = retryDelayMs(subscriptionFailures, this.retry);
        this.logger.error(
          `Projection "${this.name}" lost its subscription (attempt ${subscriptionFailures}, retrying in ${delay} ms): ${
            error instanceof Error ? error.message : String(error)
          }`,
          error instanceof Error ? error.stack : undefined,
        );
        await this.pause(delay);
      }
    }
  }

  /** Follows the log from the committed checkpoint until stopped or until the checkpoint was rewound. */
  private async follow(): Promise<'stopped' | 'rewound' | 'ended'> {
    const subscription = this.options.store.subscribeToAll({
      ...(this.committed === null ? {} : { afterPosition: this.committed }),
      filter: this.options.projection.filter,
    });
    this.subscription = subscription;
    if (this.stopping) await subscription.close();
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      let pending = iterator.next();
      for (;;) {
        const first = await pending;
        if (this.stopping) return 'stopped';
        if (first.done) return 'ended';
        const batch: RecordedEvent[] = [first.value];
        pending = iterator.next();
        let ended = false;
        // Take what is already delivered, without waiting for more, up to the batch size.
        while (batch.length < this.batchSize) {
          const next = await ifReady(pending);
          if (next === NOT_READY) break;
          if (next.done) {
            ended = true;
            break;
          }
          batch.push(next.value);
          pending = iterator.next();
        }
        const outcome = await this.applyWithRetry(batch);
        if (outcome !== 'done') return outcome;
        if (ended) return 'ended';
      }
    } finally {
      this.subscription = null;
      await subscription.close();
    }
  }

  private async applyWithRetry(batch: readonly RecordedEvent[]): Promise<'done' | 'rewound' | 'stopped'> {
    let remaining = batch;
    let limit = remaining.length;
    let attempts = 0;
    while (remaining.length > 0) {
      if (this.stopping) return 'stopped';
      const chunk = remaining.slice(0, limit);
      try {
        const outcome = await applyBatch(this.options.dataSource, this.options.projection, chunk, this.committed);
        if (outcome.kind === 'rewound') {
          this.logger.warn(
            `Projection "${this.name}" checkpoint moved back to ${outcome.checkpoint ?? 'the start'} (a rebuild?): following the log again from there`,
          );
          this.committed = outcome.checkpoint;
          this.notify();
          return 'rewound';
        }
        this.committed = outcome.checkpoint;
        remaining = remaining.slice(chunk.length);
        limit = remaining.length;
        if (this.failure && chunk.some((event) => event.position === this.failure?.position)) {
          this.logger.log(`Projection "${this.name}" recovered after ${this.failure.attempts} failed attempts`);
          this.failure = null;
        }
        this.notify();
      } catch (error) {
        const failedAt = error instanceof ProjectionApplyError ? chunk.indexOf(error.event) : -1;
        if (failedAt > 0) {
          // Commit what comes before the failing event, so the read model is as fresh as it can be.
          limit = failedAt;
          continue;
        }
        attempts++;
        limit = 1;
        const delay = retryDelayMs(attempts, this.retry);
        const event = error instanceof ProjectionApplyError ? error.event : null;
        this.failure = {
          message: error instanceof Error ? error.message : String(error),
          position: event?.position ?? null,
          eventType: event?.type ?? null,
          streamName: event?.streamName ?? null,
          attempts,
          since: this.failure?.since ?? new Date().toISOString(),
        };
        this.logger.error(
          `${this.failure.message} (attempt ${attempts}; checkpoint stays at ${this.committed ?? 'the start'}; retrying in ${delay} ms)`,
          error instanceof Error ? error.stack : undefined,
        );
        await this.pause(delay);
      }
    }
    return 'done';
  }

  /** Waits `ms`, or less when woken by a commit or by stop(). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping) return resolve();
      const wake = () => {
        clearTimeout(timer);
        this.wakeups.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeups.add(wake);
    });
  }
}
