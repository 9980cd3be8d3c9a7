import type Database from 'better-sqlite3';
import {
  type AuditTrail,
  type CanonicalEventContent,
  canonicalEventContent,
  type ChainedEvent,
  type ChainLink,
  linkAfter,
  parseChainLink,
  type SignedCheckpoint,
} from '@tendril/shared/audit-chain';
import {
  type ActualRevision,
  type AppendOptions,
  type AppendResult,
  type Direction,
  DEFAULT_MAX_EVENT_BYTES,
  DuplicateEventIdError,
  EventStoreError,
  EventStoreUnavailableError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  InvalidEventError,
  type LogFilter,
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
import { HeadWatcher, type HeadWaiter } from './head-watcher';
import { logFilterSql, type PrefixAccess } from './log-filter-sql';
import { openEventStoreDatabase, storeErrorFromSqlite } from './open-database';
import { pagedAsyncIterable } from './paged-async-iterable';
import { SqliteSubscription, type SubscriptionSource } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** The store file; created (with its folder's -wal and -shm companions) when missing. */
  readonly path: string;
  readonly maxEventBytes?: number;
  /** How often a waiting subscription checks for appends made by other processes. */
  readonly pollIntervalMs?: number;
  /** How long to wait for another process's write lock before giving up with STORE_LOCKED. */
  readonly busyTimeoutMs?: number;
  /** Events per page for reads and subscriptions: the most a reader holds in memory at once. */
  readonly readPageSize?: number;
  /** Most appends that share one transaction (and one fsync). */
  readonly maxAppendsPerTransaction?: number;
}

/** Counters that show group commit at work. */
export interface SqliteEventStoreStats {
  /** Appends acknowledged (including idempotent retries and refused ones). */
  readonly appends: number;
  /** Write transactions committed (one fsync each). */
  readonly transactions: number;
  /** Events fetched from the file by reads and subscriptions: shows how much a reader holds. */
  readonly eventsRead: number;
}

type SerialisedEvent = ReturnType<typeof serialiseEventsToAppend>[number];

interface PendingAppend {
  readonly streamName: string;
  readonly events: readonly SerialisedEvent[];
  /** Snapshotted with the serialised events, so the hash covers exactly what is stored. */
  readonly contents: readonly CanonicalEventContent[];
  readonly expectedRevision: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface StoredEventRef {
  readonly stream_name: string;
  readonly revision: number;
  readonly position: number;
}

/** position, stream_name, revision, type, data, metadata, recorded_at */
type EventRow = [number, string, number, string, string, string, string];

/** position, stream_name, revision, type, data, metadata, recorded_at, chain_sequence, chain_previous_hash, chain_hash */
type ChainedEventRow = [...EventRow, number | null, string | null, string | null];

type CheckpointRow = [number, number, string, string, string, string];

/** A filtered read scans at most this many pages' worth of positions per query. */
const FILTER_WINDOW_PAGES = 64;

const EVENT_COLUMNS = 'position, stream_name, revision, type, data, metadata, recorded_at';

const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  streamName: row[1],
  revision: row[2],
  position: row[0],
  type: row[3],
  data: JSON.parse(row[4]) as unknown,
  metadata: JSON.parse(row[5]) as RecordedEvent['metadata'],
  recordedAt: row[6],
});

/** JSON, or the text itself when someone wrote something else there: the verifier then reports the change. */
const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** As toRecordedEvent, but never fails on a row edited by hand: the audit must report it, not crash on it. */
const toAuditedEvent = (row: ChainedEventRow): RecordedEvent => ({
  streamName: row[1],
  revision: row[2],
  position: row[0],
  type: row[3],
  data: jsonOrText(row[4]),
  metadata: jsonOrText(row[5]) as RecordedEvent['metadata'],
  recordedAt: row[6],
});

/** The event id's unique index refused an insert: the id is stored already (a retry, or a duplicate). */
const isEventIdTaken = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  String((error as { message?: unknown }).message).includes('events.event_id');

const checkCount = (name: string, value: number | undefined): number => {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
};

const checkExpectedRevision = (streamName: string, expected: ExpectedRevision): void => {
  if (expected === NO_STREAM || expected === STREAM_EXISTS) return;
  if (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0) {
    throw new InvalidEventError(
      '(none)',
      `expected revision ${String(expected)} for stream "${streamName}" is not NO_STREAM, STREAM_EXISTS or a revision (an integer from 0)`,
    );
  }
};

const revisionMatches = (expected: ExpectedRevision, actual: number | null): boolean => {
  if (expected === NO_STREAM) return actual === null;
  if (expected === STREAM_EXISTS) return actual !== null;
  return actual === expected;
};

/**
 * The embedded event store: one SQLite file (WAL, synchronous=FULL) that several processes on one
 * machine may share. Appends queued in the same turn of the event loop commit together in one
 * transaction (one fsync), each inside its own savepoint so one refusal does not fail the others.
 */
export class SqliteEventStore implements EventStore, AuditTrail, SubscriptionSource {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly maxEventBytes: number;
  private readonly pageSize: number;
  private readonly maxBatch: number;
  private readonly busyTimeoutMs: number;
  private readonly heads: HeadWatcher;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly readStatements = new Map<string, Database.Statement>();
  private readonly prefixAccessCache = new Map<string, { access: PrefixAccess; atHead: number }>();
  private readonly statements: {
    findEvent: Database.Statement<[string], StoredEventRef>;
    lastRevision: Database.Statement<[string], number | null>;
    insert: Database.Statement<[string, number, string, string, string, string, string, number, string, string]>;
    head: Database.Statement<[], number | null>;
    chainHead: Database.Statement<[], [number | null, string | null]>;
  };
  /** The last link written, while a write transaction is open (read fresh at its start, under the lock). */
  private chainHead: Pick<ChainLink, 'sequence' | 'hash'> | null = null;
  private readonly insertInSavepoint: (pending: PendingAppend, lastRevision: number, recordedAt: string) => AppendResult;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private drained: (() => void)[] = [];
  private closing: Promise<void> | undefined;
  private counters = { appends: 0, transactions: 0, eventsRead: 0 };

  private constructor(options: SqliteEventStoreOptions) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    const { db, file } = openEventStoreDatabase(options.path, this.busyTimeoutMs);
    this.db = db;
    this.file = file;
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pageSize = Math.max(1, options.readPageSize ?? 512);
    this.maxBatch = Math.max(1, options.maxAppendsPerTransaction ?? 1_000);
    this.statements = {
      findEvent: db.prepare('SELECT stream_name, revision, position FROM events WHERE event_id = ?'),
      lastRevision: db.prepare<[string], number | null>('SELECT max(revision) FROM events WHERE stream_name = ?').pluck(),
      insert: db.prepare(
        'INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at, chain_sequence, chain_previous_hash, chain_hash) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      head: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
      chainHead: db
        .prepare<[], [number | null, string | null]>('SELECT chain_sequence, chain_hash FROM events ORDER BY position DESC LIMIT 1')
        .raw(true),
    };
    // Called inside the batch transaction, better-sqlite3 runs this in a SAVEPOINT and rolls back to it on a throw.
    this.insertInSavepoint = db.transaction((pending: PendingAppend, lastRevision: number, recordedAt: string) =>
      this.insertEvents(pending, lastRevision, recordedAt),
    );
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.heads = new HeadWatcher(
      () => this.statements.head.get() ?? 0,
      () => dataVersion.get() as number,
      `${file}-wal`,
      options.pollIntervalMs ?? 25,
    );
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
  }

  get path(): string {
    return this.file;
  }

  stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  async appendToStream(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    checkExpectedRevision(streamName, options?.expectedRevision);
    const serialised = serialiseEventsToAppend(streamName, events, this.maxEventBytes);
    const contents = events.map(canonicalEventContent);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamName, events: serialised, contents, expectedRevision: options.expectedRevision, resolve, reject });
      this.scheduleFlush();
    });
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.ensureOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    let remaining = checkCount('maxCount', options.maxCount);
    const from = options.fromRevision ?? (forwards ? 'start' : 'end');
    if (typeof from === 'number') checkCount('fromRevision', from);
    const last = this.guard(() => this.statements.lastRevision.get(streamName) ?? null);
    if (last === null) throw new StreamNotFoundError(streamName);
    if ((forwards && from === 'end') || (!forwards && from === 'start')) return;
    // Forwards reads stop at the revision that was last when the read began, so they always end.
    let cursor = from === 'start' ? 0 : from === 'end' ? last : from;
    const statement = forwards
      ? this.readStatement(
          'stream:f',
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
        )
      : this.readStatement(
          'stream:b',
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        );
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = this.guard(
        () => (forwards ? statement.all(streamName, cursor, last, limit) : statement.all(streamName, cursor, limit)) as EventRow[],
      );
      this.counters.eventsRead += rows.length;
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      cursor = (rows[rows.length - 1] as EventRow)[2] + (forwards ? 1 : -1);
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return pagedAsyncIterable(() => this.logPages(options));
  }

  /** readAll's pages, read synchronously: one page per step, never more than `readPageSize` events held. */
  private *logPages(options: ReadAllOptions): Generator<RecordedEvent[]> {
    this.ensureOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    let remaining = checkCount('maxCount', options.maxCount);
    const from = options.fromPosition ?? (forwards ? 'start' : 'end');
    if (typeof from === 'number') checkCount('fromPosition', from);
    if ((forwards && from === 'end') || (!forwards && from === 'start')) return;
    const head = this.guard(() => this.statements.head.get() ?? 0);
    let cursor = from === 'start' ? 1 : from === 'end' ? head : from;
    // Keyset pages by position; forwards reads end at the head seen when the read began, so they always end.
    while (remaining > 0 && (forwards ? cursor <= head : cursor >= 1)) {
      const limit = Math.min(this.pageSize, remaining);
      const page = forwards
        ? this.readLogPage('forwards', cursor, head, options.filter, limit)
        : this.readLogPage('backwards', Math.min(cursor, head), 1, options.filter, limit);
      if (page.length > 0) yield page;
      if (page.length < limit) return;
      remaining -= page.length;
      cursor = (page[page.length - 1] as RecordedEvent).position + (forwards ? 1 : -1);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.ensureOpen();
    const after = options.afterPosition ?? 0;
    checkCount('afterPosition', after);
    const subscription = new SqliteSubscription(this, after, options.filter, this.pageSize);
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamName: string): Promise<number | null> {
    this.ensureOpen();
    return this.guard(() => this.statements.lastRevision.get(streamName) ?? null);
  }

  async headPosition(): Promise<number | null> {
    this.ensureOpen();
    return this.guard(() => this.statements.head.get() ?? null);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.queue.length > 0 || this.flushScheduled) await new Promise<void>((resolve) => this.drained.push(resolve));
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      this.heads.stop();
      this.db.close();
    })();
    return this.closing;
  }

  /**
   * The whole log with each event's stored chain link, in position order, for `verifyChain` from
   * @tendril/shared/audit-chain. Reads the rows as they are on disk: nothing here trusts the chain.
   */
  async *readAuditChain(): AsyncIterable<ChainedEvent> {
    this.ensureOpen();
    const head = this.guard(() => this.statements.head.get() ?? 0);
    const statement = this.readStatement(
      'audit-chain',
      `SELECT ${EVENT_COLUMNS}, chain_sequence, chain_previous_hash, chain_hash FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    );
    let after = 0;
    for (;;) {
      const rows = this.guard(() => statement.all(after, head, this.pageSize) as ChainedEventRow[]);
      this.counters.eventsRead += rows.length;
      for (const row of rows) {
        const [sequence, previousHash, hash] = [row[7], row[8], row[9]];
        yield { event: toAuditedEvent(row), link: parseChainLink({ sequence, previousHash, hash }) };
      }
      if (rows.length < this.pageSize) return;
      after = (rows[rows.length - 1] as ChainedEventRow)[0];
    }
  }

  /** Stores a signed checkpoint of the chain (see `audit checkpoint`). */
  async saveAuditCheckpoint(checkpoint: SignedCheckpoint): Promise<void> {
    this.ensureOpen();
    const { position, sequence, hash, signedAt, keyId, signature } = checkpoint;
    this.guard(() =>
      this.db
        .prepare('INSERT INTO audit_checkpoints (position, sequence, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)')
        .run(position, sequence, hash, signedAt, keyId, signature),
    );
  }

  /** Every stored checkpoint, oldest first. */
  async auditCheckpoints(): Promise<SignedCheckpoint[]> {
    this.ensureOpen();
    const rows = this.guard(
      () =>
        this.db
          .prepare('SELECT position, sequence, hash, signed_at, key_id, signature FROM audit_checkpoints ORDER BY id')
          .raw(true)
          .all() as CheckpointRow[],
    );
    return rows.map(([position, sequence, hash, signedAt, keyId, signature]) => ({ position, sequence, hash, signedAt, keyId, signature }));
  }

  // SubscriptionSource: used by SqliteSubscription only.

  headPositionNow(): number {
    return this.guard(() => this.statements.head.get() ?? 0);
  }

  readPageAfter(afterPosition: number, upToPosition: number, filter: LogFilter | undefined, limit: number): RecordedEvent[] {
    return this.readLogPage('forwards', afterPosition + 1, upToPosition, filter, limit);
  }

  waitBeyond(position: number): HeadWaiter {
    return this.heads.waitBeyond(position);
  }

  release(subscription: SqliteSubscription): void {
    this.subscriptions.delete(subscription);
  }

  /**
   * Up to `limit` events from `from` towards `to` (both inclusive), in log order.
   *
   * A filtered read must never cost more than a bounded amount per page, whatever the size of the
   * log, so the plan is chosen here rather than left to SQLite's guesses: stream prefixes that
   * cover few events are served from the stream index (then sorted, cheaply); prefixes that cover
   * many are tested row by row while walking the log by position. Either way a walk is asked one
   * window of positions at a time, so a type filter that SQLite serves from the type index (merging
   * and sorting) also costs at most one window per page, and a full read stays linear in the log.
   */
  private readLogPage(direction: Direction, from: number, to: number, filter: LogFilter | undefined, limit: number): RecordedEvent[] {
    const forwards = direction === 'forwards';
    const windowSize = this.pageSize * FILTER_WINDOW_PAGES;
    const access = this.prefixAccess(filter, windowSize, Math.max(from, to));
    const sql = logFilterSql(filter, access);
    const source = access === 'indexed' && sql.prefixes ? 'events INDEXED BY events_by_stream' : 'events';
    const statement = this.readStatement(
      `all:${direction}:${sql.shape}`,
      `SELECT ${EVENT_COLUMNS} FROM ${source} WHERE position BETWEEN ? AND ?${sql.where} ORDER BY position ${forwards ? 'ASC' : 'DESC'} LIMIT ?`,
    );
    const window = sql.where === '' || source !== 'events' ? Number.POSITIVE_INFINITY : windowSize;
    const events: RecordedEvent[] = [];
    let cursor = from;
    while (events.length < limit && (forwards ? cursor <= to : cursor >= to)) {
      const windowEnd = forwards ? Math.min(to, cursor + window - 1) : Math.max(to, cursor - window + 1);
      const [low, high] = forwards ? [cursor, windowEnd] : [windowEnd, cursor];
      const rows = this.guard(() => statement.all(low, high, ...sql.params, limit - events.length) as EventRow[]);
      this.counters.eventsRead += rows.length;
      for (const row of rows) events.push(toRecordedEvent(row));
      cursor = forwards ? windowEnd + 1 : windowEnd - 1;
    }
    return events;
  }

  /**
   * Whether the filter's stream prefixes cover at most one window of events (counted on the stream
   * index, stopping at the window). Remembered per filter until the log has grown by another window.
   */
  private prefixAccess(filter: LogFilter | undefined, windowSize: number, head: number): PrefixAccess {
    const prefixes = logFilterSql(filter).prefixes;
    if (!prefixes) return 'in-log-order';
    const key = prefixes.params.join('\u0000');
    const known = this.prefixAccessCache.get(key);
    if (known && head - known.atHead < windowSize) return known.access;
    const count = this.guard(
      () =>
        this.db
          .prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${prefixes.where} LIMIT ?)`)
          .pluck()
          .get(...prefixes.params, windowSize + 1) as number,
    );
    const access: PrefixAccess = count <= windowSize ? 'indexed' : 'in-log-order';
    if (this.prefixAccessCache.size >= 256) this.prefixAccessCache.clear();
    this.prefixAccessCache.set(key, { access, atHead: head });
    return access;
  }

  private readStatement(key: string, sql: string): Database.Statement {
    let statement = this.readStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql).raw(true);
      this.readStatements.set(key, statement);
    }
    return statement;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate (not a microtask) lets every append started in this turn of the event loop join the batch.
    setImmediate(this.flush);
  }

  private flush = (): void => {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.scheduleFlush();
    if (batch.length > 0) this.commitBatch(batch);
    if (this.queue.length === 0 && !this.flushScheduled) {
      const waiting = this.drained;
      this.drained = [];
      for (const resolve of waiting) resolve();
    }
  };

  private commitBatch(batch: PendingAppend[]): void {
    const recordedAt = new Date().toISOString();
    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    try {
      this.db
        .transaction(() => {
          // Read under the write lock: another process may have appended since our last batch.
          const [sequence, hash] = this.statements.chainHead.get() ?? [null, null];
          this.chainHead = sequence === null || hash === null ? null : { sequence, hash };
          for (const pending of batch) {
            const chainBefore = this.chainHead;
            try {
              outcomes.push({ ok: true, result: this.applyAppend(pending, recordedAt) });
            } catch (error) {
              // A refused append wrote nothing (rules are checked before its inserts, or they were rolled back).
              this.chainHead = chainBefore;
              // A broken rule refuses this append only; anything else (I/O, disk full) fails the whole batch.
              if (!(error instanceof EventStoreError)) throw error;
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      const failure = storeErrorFromSqlite(error, this.file, this.busyTimeoutMs) ?? error;
      for (const pending of batch) pending.reject(failure);
      return;
    }
    this.counters.transactions += 1;
    this.counters.appends += batch.length;
    const head = this.statements.head.get() ?? 0;
    this.heads.committedLocally(head);
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.result);
      else pending.reject(outcome?.error);
    });
  }

  /**
   * One append's rules: expected revision, idempotent retry, duplicate ids, then the inserts. The usual
   * case (the revision matches, the ids are new) costs one index seek and the inserts: the event ids are
   * looked up only when the revision does not match or an id turns out to be stored already, since those
   * are the only cases in which a retry or a duplicate can be the answer.
   */
  private applyAppend(pending: PendingAppend, recordedAt: string): AppendResult {
    const { streamName, expectedRevision } = pending;
    const actual = this.statements.lastRevision.get(streamName) ?? null;
    if (!revisionMatches(expectedRevision, actual)) {
      const retried = this.originalResultOfRetry(pending, this.storedRefs(pending));
      if (retried) return retried;
      const actualRevision: ActualRevision = actual === null ? NO_STREAM : actual;
      throw new WrongExpectedRevisionError(streamName, expectedRevision, actualRevision);
    }
    const chainBefore = this.chainHead;
    try {
      // All or nothing: a single INSERT is atomic on its own; a longer append runs in a savepoint, rolled back on a throw.
      return pending.events.length === 1
        ? this.insertEvents(pending, actual ?? -1, recordedAt)
        : this.insertInSavepoint(pending, actual ?? -1, recordedAt);
    } catch (error) {
      if (!isEventIdTaken(error)) throw error;
      // Nothing of this append is stored now, so the lookups below see only what was there before it.
      this.chainHead = chainBefore;
      const stored = this.storedRefs(pending);
      const retried = this.originalResultOfRetry(pending, stored);
      if (retried) return retried;
      const duplicate = stored.findIndex((ref) => ref !== undefined);
      if (duplicate < 0) throw error;
      throw new DuplicateEventIdError(
        (pending.events[duplicate] as SerialisedEvent).eventId,
        (stored[duplicate] as StoredEventRef).stream_name,
      );
    }
  }

  private storedRefs(pending: PendingAppend): (StoredEventRef | undefined)[] {
    return pending.events.map((event) => this.statements.findEvent.get(event.eventId));
  }

  private insertEvents(pending: PendingAppend, lastRevision: number, recordedAt: string): AppendResult {
    const { streamName, events } = pending;
    let revision = lastRevision;
    let position = 0;
    for (const [index, event] of events.entries()) {
      revision += 1;
      // The chain follows position order: each insert takes the next rowid, so it follows the last link.
      const link = linkAfter(this.chainHead, pending.contents[index] as CanonicalEventContent, streamName, revision);
      const info = this.statements.insert.run(
        streamName,
        revision,
        event.eventId,
        event.type,
        event.data,
        event.metadata,
        recordedAt,
        link.sequence,
        link.previousHash,
        link.hash,
      );
      this.chainHead = link;
      position = Number(info.lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position };
  }

  /**
   * As EventStoreDB: the same event ids, already stored in this stream in this order right after the
   * expected revision, mean the append was already made; its original result is returned and nothing is written.
   */
  private originalResultOfRetry(pending: PendingAppend, stored: readonly (StoredEventRef | undefined)[]): AppendResult | undefined {
    const first = stored[0];
    if (!first || first.stream_name !== pending.streamName) return undefined;
    const expectedFirst =
      pending.expectedRevision === NO_STREAM ? 0 : pending.expectedRevision === STREAM_EXISTS ? undefined : pending.expectedRevision + 1;
    if (expectedFirst === undefined ? first.revision < 1 : first.revision !== expectedFirst) return undefined;
    const consecutive = stored.every(
      (ref, index) => ref !== undefined && ref.stream_name === pending.streamName && ref.revision === first.revision + index,
    );
    if (!consecutive) return undefined;
    const last = stored[stored.length - 1] as StoredEventRef;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private ensureOpen(): void {
    if (this.closing) {
      throw new EventStoreUnavailableError('STORE_CLOSED', `The event store ${this.file} has been closed.`);
    }
  }

  /** Runs a read, turning SQLite failures into the port's errors. */
  private guard<T>(read: () => T): T {
    if (!this.db.open) throw new EventStoreUnavailableError('STORE_CLOSED', `The event store ${this.file} has been closed.`);
    try {
      return read();
    } catch (error) {
      throw storeErrorFromSqlite(error, this.file, this.busyTimeoutMs) ?? error;
    }
  }
}

export const openSqliteEventStore = (options: SqliteEventStoreOptions): Promise<SqliteEventStore> => SqliteEventStore.open(options);
