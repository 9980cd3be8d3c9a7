import type { EventToAppend, RecordedEvent } from './event';

export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

/**
 * Optimistic concurrency on every append: the stream must not exist, must exist,
 * or must be exactly at this 0-based revision (its last event's revision). There is no "any".
 */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as expectedRevision for the next append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  readonly position: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to 'start' forwards and 'end' backwards. */
  readonly fromRevision?: number | 'start' | 'end';
  readonly maxCount?: number;
}

export interface LogFilter {
  /** Only events of these exact types. */
  readonly eventTypes?: readonly string[];
  /** Only events whose stream name starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to 'start' forwards and 'end' backwards. */
  readonly fromPosition?: number | 'start' | 'end';
  readonly maxCount?: number;
  readonly filter?: LogFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: delivery starts with the first event after it. Omit to start at the beginning. */
  readonly afterPosition?: number;
  readonly filter?: LogFilter;
}

/**
 * A catch-up subscription: historical events first, then live ones, with no gap and no duplicate
 * at the switch. Iterate it with `for await`; `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The event store port, shaped after EventStoreDB so the embedded SQLite adapter and the
 * EventStoreDB adapter pass one contract suite. Reads are streamed, never loaded whole.
 */
export interface EventStore {
  /** All or nothing. Idempotent for a retry with the same event ids and the same expected revision. */
  appendToStream(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** Throws StreamNotFoundError (on first iteration) when the stream has no events. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  streamRevision(streamName: string): Promise<number | null>;
  /** Position of the last event in the global log, or null when the log is empty. */
  headPosition(): Promise<number | null>;
  /** Waits for in-flight appends to finish, then releases the store. Later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}

/** Nest/DI token for the EventStore port. */
export const EVENT_STORE = Symbol.for('tendril.EventStore');
