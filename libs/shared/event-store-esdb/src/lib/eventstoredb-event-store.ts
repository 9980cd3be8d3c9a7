import { randomUUID } from 'node:crypto';
import {
  type AllStreamRecordedEvent,
  END,
  EventStoreDBClient,
  type ReadPosition,
  type ReadRevision,
  START,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  type AuditTrail,
  type ChainedEvent,
  type ChainLink,
  type SignedCheckpoint,
} from '@tendril/shared/audit-chain';
import {
  type AppendOptions,
  type AppendResult,
  DEFAULT_MAX_EVENT_BYTES,
  DuplicateEventIdError,
  type EventStore,
  EventStoreUnavailableError,
  type EventToAppend,
  type ExpectedRevision,
  NO_STREAM,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  serialiseEventsToAppend,
  STREAM_EXISTS,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from '@tendril/shared/event-store';
import { chainLinkFromEsdbMetadata, chainLinksForAppend, firstRevisionOfAppend } from './esdb-audit-chain';
import { isTransientEsdbError, translateEsdbError } from './esdb-errors';
import { fromEsdbRecordedEvent, toEsdbEventData } from './esdb-event-mapping';
import { toEsdbExpectedRevision, toSafeNumber } from './esdb-expected-revision';
import { buildEsdbLogFilter } from './esdb-log-filter';
import { toEsdbPosition, toPortPosition, toPortPositionOfStreamEvent } from './esdb-position';
import { type StreamNaming, streamNaming } from './esdb-stream-naming';
import { EsdbSubscription } from './esdb-subscription';
import { withRetries } from './retry';

export interface EventStoreDbOptions {
  /** e.g. `esdb://admin:changeit@esdb-1:2113,esdb-2:2113,esdb-3:2113?tls=true&tlsCAFile=/certs/ca/ca.crt`. */
  readonly connectionString: string;
  /** Per event, data plus metadata, checked before anything is sent (as the SQLite adapter does). */
  readonly maxEventBytes?: number;
  /** Store every stream as `<namespace>/<name>` and see only those: environments or test runs sharing a cluster. */
  readonly streamNamespace?: string;
  /** How long connecting waits for the cluster to answer a first read. */
  readonly connectTimeoutMs?: number;
  /** How many of a stream's latest events an append searches for reused event ids (0: none; see README). */
  readonly eventIdScanLimit?: number;
  /** Waits between retries of an append that failed transiently (leader change, dropped connection). */
  readonly appendRetryDelaysMs?: readonly number[];
}

/** Where signed checkpoints of the audit chain are kept when ESDB is the store. */
export const AUDIT_CHECKPOINT_STREAM = 'audit-checkpoints';
const AUDIT_CHECKPOINT_EVENT = 'AuditCheckpointSigned';

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  eventIdScanLimit: 1_000,
  appendRetryDelaysMs: [100, 400, 1_600],
} as const;

/** Hides the password of a connection string in messages and logs. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const validCount = (value: number | undefined, what: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} ${String(value)} is not a whole number >= 0`);
  return value;
};

/** Iterates an ESDB read and cancels the gRPC call if the consumer stops early. */
async function* iterateRead<T>(read: StreamingRead<T>): AsyncGenerator<T> {
  let finished = false;
  try {
    for await (const item of read) yield item as T;
    finished = true;
  } finally {
    if (!finished) await read.cancel().catch(() => undefined);
  }
}

/**
 * The event store port on an EventStoreDB cluster (server 22.6 or later, gRPC, @eventstore/db-client 6).
 * It passes the same contract suite as the embedded SQLite adapter; the README lists where ESDB
 * itself differs (duplicate event ids across streams) and why positions are commit positions.
 */
export class EventStoreDbEventStore implements EventStore, AuditTrail {
  private readonly naming: StreamNaming;
  private readonly maxEventBytes: number;
  private readonly eventIdScanLimit: number;
  private readonly appendRetryDelaysMs: readonly number[];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closed = false;
  /** Appends wait here in turn: each reads the chain's head and must write before the next reads it. */
  private chainTurn: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    options: Omit<EventStoreDbOptions, 'connectionString'> = {},
  ) {
    this.naming = streamNaming(options.streamNamespace);
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.eventIdScanLimit = options.eventIdScanLimit ?? DEFAULTS.eventIdScanLimit;
    this.appendRetryDelaysMs = options.appendRetryDelaysMs ?? DEFAULTS.appendRetryDelaysMs;
  }

  async appendToStream(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    // Validated exactly as the SQLite adapter does, before anything is sent: a bad batch writes nothing.
    const serialised = serialiseEventsToAppend(streamName, events, this.maxEventBytes);
    const expectedRevision = options?.expectedRevision;
    toEsdbExpectedRevision(expectedRevision);
    const stored = this.naming.toStored(streamName);
    const appendBytes = serialised.reduce((sum, event) => sum + Buffer.byteLength(event.data), 0);

    const eventIds = serialised.map((event) => event.eventId);
    const transient = <T>(call: () => Promise<T>) => withRetries(call, isTransientEsdbError, this.appendRetryDelaysMs);

    return this.track(async () => {
      try {
        const alreadyAppended = await transient(() => this.checkEventIdsInStream(stored, streamName, expectedRevision, eventIds));
        if (alreadyAppended) return alreadyAppended;
        const result = await this.inChainTurn(async () => {
          // The hash covers the revision, so STREAM_EXISTS is sent as the exact revision it stands for.
          const current = expectedRevision === STREAM_EXISTS ? await transient(() => this.streamRevision(streamName)) : null;
          if (expectedRevision === STREAM_EXISTS && current === null) {
            throw new WrongExpectedRevisionError(streamName, STREAM_EXISTS, NO_STREAM);
          }
          const firstRevision = firstRevisionOfAppend(expectedRevision, current);
          const links = chainLinksForAppend(await transient(() => this.chainHead()), streamName, firstRevision, events);
          const eventData = events.map((event, index) => toEsdbEventData(event, links[index]));
          const sendExpected = toEsdbExpectedRevision(expectedRevision === STREAM_EXISTS ? firstRevision - 1 : expectedRevision);
          // Same ids, same expected revision: ESDB answers a repeat with the first result, so retrying is safe.
          return transient(() => this.client.appendToStream(stored, eventData, { expectedRevision: sendExpected }));
        });
        const nextExpectedRevision = toSafeNumber(result.nextExpectedRevision, 'stream revision');
        // For one event ESDB's reply carries its position. For several, which record the reply points at
        // has varied between server versions, so the last event's position is read back (by revision).
        const position =
          result.position && events.length === 1 && result.position.commit === result.position.prepare
            ? toPortPosition(result.position)
            : await this.positionOfRevision(stored, streamName, result.nextExpectedRevision);
        return { nextExpectedRevision, position };
      } catch (error) {
        throw translateEsdbError(error, { streamName, expectedRevision, appendBytes, operation: 'append' });
      }
    });
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const direction = options.direction ?? 'forwards';
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    const maxCount = validCount(options.maxCount, 'maxCount');
    if (typeof from === 'number') validCount(from, 'fromRevision');
    if (streamName.startsWith('$')) throw new StreamNotFoundError(streamName);
    if (maxCount === 0) {
      if ((await this.streamRevision(streamName)) === null) throw new StreamNotFoundError(streamName);
      return;
    }
    const stored = this.naming.toStored(streamName);
    const fromRevision: ReadRevision = from === 'start' ? START : from === 'end' ? END : BigInt(from);
    const read = this.client.readStream(stored, {
      direction,
      fromRevision,
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    try {
      for await (const resolved of iterateRead(read)) {
        const event = resolved.event;
        if (!event || event.type.startsWith('$')) continue;
        yield fromEsdbRecordedEvent(event, streamName, toPortPositionOfStreamEvent(event.position, streamName, event.revision));
      }
    } catch (error) {
      throw translateEsdbError(error, { streamName, operation: 'read' });
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    this.assertOpen();
    const direction = options.direction ?? 'forwards';
    const filter = buildEsdbLogFilter(options.filter, this.naming);
    const maxCount = validCount(options.maxCount, 'maxCount');
    const from = options.fromPosition ?? (direction === 'forwards' ? 'start' : 'end');
    if (typeof from === 'number') validCount(from, 'fromPosition');
    if (!filter.canMatch || maxCount === 0) return;
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;

    try {
      let fromPosition: ReadPosition;
      if (from === 'start' || from === 'end') {
        fromPosition = from;
      } else if (direction === 'forwards') {
        fromPosition = from === 0 ? START : toEsdbPosition(from);
      } else {
        // ESDB reads backwards from a position exclusively; the port's `from` is inclusive.
        const head = await this.rawHeadPosition();
        if (head === null || from === 0) return;
        if (from >= head) {
          fromPosition = END;
        } else {
          const atFrom = await this.eventAt(from);
          if (atFrom && filter.accepts(atFrom.streamId, atFrom.type)) {
            yield this.fromAllEvent(atFrom);
            if (--remaining <= 0) return;
          }
          fromPosition = toEsdbPosition(from);
        }
      }
      // No server-side maxCount: client 6 cannot send a filter with a read, so events are filtered
      // here and the read is cancelled as soon as enough have been delivered.
      for await (const resolved of iterateRead(this.client.readAll({ direction, fromPosition }))) {
        const event = resolved.event;
        if (!event || !filter.accepts(event.streamId, event.type)) continue;
        yield this.fromAllEvent(event);
        if (--remaining <= 0) return;
      }
    } catch (error) {
      throw translateEsdbError(error, { operation: 'read' });
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const after = validCount(options.afterPosition, 'afterPosition');
    const filter = buildEsdbLogFilter(options.filter, this.naming);
    // Position 0 is never an event in ESDB (the log opens with an epoch record), so "after 0" is "from the start".
    const fromPosition = after === undefined || after === 0 ? START : toEsdbPosition(after);
    const source = this.client.subscribeToAll({ fromPosition, filter: filter.server, resolveLinkTos: false });
    const subscription = new EsdbSubscription(
      source,
      filter,
      (event) => this.fromAllEvent(event),
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamName: string): Promise<number | null> {
    this.assertOpen();
    if (streamName.startsWith('$')) return null;
    const read = this.client.readStream(this.naming.toStored(streamName), {
      direction: 'backwards',
      fromRevision: END,
      maxCount: 1,
    });
    try {
      for await (const resolved of iterateRead(read)) {
        if (resolved.event) return toSafeNumber(resolved.event.revision, 'stream revision');
      }
      return null;
    } catch (error) {
      const translated = translateEsdbError(error, { streamName, operation: 'read' });
      if (translated instanceof StreamNotFoundError) return null;
      throw translated;
    }
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    const ours = buildEsdbLogFilter(undefined, this.naming);
    try {
      for await (const resolved of iterateRead(this.client.readAll({ direction: 'backwards', fromPosition: END }))) {
        const event = resolved.event;
        if (event && ours.accepts(event.streamId, event.type)) return toPortPosition(event.position);
      }
      return null;
    } catch (error) {
      throw translateEsdbError(error, { operation: 'read' });
    }
  }

  close(): Promise<void> {
    this.closed = true;
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /** The whole log with the chain link each event carries in its metadata (see @tendril/shared/audit-chain). */
  async *readAuditChain(): AsyncIterable<ChainedEvent> {
    this.assertOpen();
    const ours = buildEsdbLogFilter(undefined, this.naming);
    try {
      for await (const resolved of iterateRead(this.client.readAll({ direction: 'forwards', fromPosition: START }))) {
        const event = resolved.event;
        if (!event || !ours.accepts(event.streamId, event.type)) continue;
        yield { event: this.fromAllEvent(event), link: chainLinkFromEsdbMetadata(event.metadata) };
      }
    } catch (error) {
      throw translateEsdbError(error, { operation: 'read' });
    }
  }

  /** Checkpoints live in the log itself, in AUDIT_CHECKPOINT_STREAM (so they are chained too). */
  async saveAuditCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    const revision = await this.streamRevision(AUDIT_CHECKPOINT_STREAM);
    await this.appendToStream(
      AUDIT_CHECKPOINT_STREAM,
      [
        {
          type: AUDIT_CHECKPOINT_EVENT,
          data: { ...checkpoint },
          metadata: {
            eventId: randomUUID(),
            schemaVersion: 1,
            occurredAt: checkpoint.signedAt,
            correlationId: randomUUID(),
            causationId: null,
            actor: { userId: 'audit', role: 'system', organisationId: null },
          },
        },
      ],
      { expectedRevision: revision === null ? NO_STREAM : revision },
    );
  }

  async auditCheckpoints(): Promise<SignedCheckpoint[]> {
    const checkpoints: SignedCheckpoint[] = [];
    try {
      for await (const event of this.readStream(AUDIT_CHECKPOINT_STREAM)) {
        if (event.type === AUDIT_CHECKPOINT_EVENT) checkpoints.push(event.data as SignedCheckpoint);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return checkpoints;
  }

  /** A first read, so a wrong address or credentials fail at start rather than at the first command. */
  async verifyConnection(timeoutMs: number): Promise<void> {
    const read = this.client.readAll({ direction: 'backwards', fromPosition: END, maxCount: 1, deadline: timeoutMs });
    for await (const _ of iterateRead(read)) break;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('STORE_CLOSED', 'The event store is closed');
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private inChainTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.chainTurn.then(work, work);
    this.chainTurn = turn.catch(() => undefined);
    return turn;
  }

  /** The link of the last event of this store in $all (null when it has none yet). */
  private async chainHead(): Promise<ChainLink | null> {
    const ours = buildEsdbLogFilter(undefined, this.naming);
    const read = this.client.readAll({ direction: 'backwards', fromPosition: END, requiresLeader: true });
    for await (const resolved of iterateRead(read)) {
      const event = resolved.event;
      if (event && ours.accepts(event.streamId, event.type)) return chainLinkFromEsdbMetadata(event.metadata);
    }
    return null;
  }

  private fromAllEvent(event: AllStreamRecordedEvent): RecordedEvent {
    const streamName = this.naming.fromStored(event.streamId);
    if (streamName === null) throw new RangeError(`Stream "${event.streamId}" is outside this event store`);
    return fromEsdbRecordedEvent(event, streamName, toPortPosition(event.position));
  }

  /** The last record of $all, system or not: the bound for backward reads from a position. */
  private async rawHeadPosition(): Promise<number | null> {
    for await (const resolved of iterateRead(this.client.readAll({ direction: 'backwards', fromPosition: END, maxCount: 1 }))) {
      if (resolved.event) return toSafeNumber(resolved.event.position.commit, 'log position');
    }
    return null;
  }

  private async eventAt(position: number): Promise<AllStreamRecordedEvent | null> {
    const read = this.client.readAll({ direction: 'forwards', fromPosition: toEsdbPosition(position), maxCount: 1 });
    for await (const resolved of iterateRead(read)) {
      const event = resolved.event;
      return event && event.position.commit === BigInt(position) ? event : null;
    }
    return null;
  }

  private async positionOfRevision(stored: string, streamName: string, revision: bigint): Promise<number> {
    const read = this.client.readStream(stored, { fromRevision: revision, maxCount: 1, requiresLeader: true });
    for await (const resolved of iterateRead(read)) {
      if (resolved.event) return toPortPositionOfStreamEvent(resolved.event.position, streamName, revision);
    }
    throw new StreamNotFoundError(streamName);
  }

  /**
   * EventStoreDB keeps no index of event ids: it recognises a retry (the same ids right after the
   * expected revision) but would store an id a second time at the stream's current revision. So when
   * the revision check will pass, the stream's latest events are searched for this append's ids first,
   * with the SQLite adapter's rules: an exact match after a STREAM_EXISTS append is a retry (its
   * original result is returned), any other hit is a DuplicateEventIdError. A new stream (NO_STREAM)
   * needs no search, and a conflicting revision is left to the server.
   */
  private async checkEventIdsInStream(
    stored: string,
    streamName: string,
    expected: ExpectedRevision,
    eventIds: readonly string[],
  ): Promise<AppendResult | null> {
    if (expected === NO_STREAM || this.eventIdScanLimit === 0) return null;
    const wanted = new Map(eventIds.map((id, index) => [id.toLowerCase(), index]));
    const found = new Map<number, AppendResult>();
    let current: number | null = null;
    const read = this.client.readStream(stored, {
      direction: 'backwards',
      fromRevision: END,
      maxCount: this.eventIdScanLimit,
      requiresLeader: true,
    });
    try {
      for await (const resolved of iterateRead(read)) {
        const event = resolved.event;
        if (!event) continue;
        const revision = toSafeNumber(event.revision, 'stream revision');
        current ??= revision;
        if (typeof expected === 'number' && current !== expected) return null;
        const index = wanted.get(event.id.toLowerCase());
        if (index !== undefined) {
          found.set(index, {
            nextExpectedRevision: revision,
            position: toPortPositionOfStreamEvent(event.position, streamName, event.revision),
          });
          if (found.size === eventIds.length) break;
        }
      }
    } catch (error) {
      if (translateEsdbError(error, { streamName, operation: 'read' }) instanceof StreamNotFoundError) return null;
      throw error;
    }
    if (found.size === 0) return null;
    if (expected === STREAM_EXISTS) {
      const first = found.get(0);
      const isRetry =
        first !== undefined &&
        first.nextExpectedRevision >= 1 &&
        eventIds.every((_, index) => found.get(index)?.nextExpectedRevision === first.nextExpectedRevision + index);
      if (isRetry) return found.get(eventIds.length - 1) ?? null;
    }
    const firstReused = Math.min(...found.keys());
    throw new DuplicateEventIdError(eventIds[firstReused] as string, streamName);
  }
}

/** Connects to EventStoreDB and checks that it answers before returning the store. */
export const connectEventStoreDb = async (options: EventStoreDbOptions): Promise<EventStoreDbEventStore> => {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new EventStoreUnavailableError(
      'STORE_UNREACHABLE',
      `EVENTSTORE_CONNECTION_STRING is not a valid EventStoreDB connection string (${redactConnectionString(options.connectionString)}): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  const store = new EventStoreDbEventStore(client, options);
  try {
    await store.verifyConnection(options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs);
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw new EventStoreUnavailableError(
      'STORE_UNREACHABLE',
      `Cannot reach EventStoreDB at ${redactConnectionString(options.connectionString)}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  return store;
};
