import type { ExpectedRevision } from './event-store.port';

/** Base of every error the event store port raises; `code` is stable and safe to show to API clients. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type ActualRevision = number | 'no_stream';

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: ActualRevision,
  ) {
    super(
      `Append to stream "${streamName}" expected revision ${String(expectedRevision)} but the stream is at ${String(actualRevision)}`,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" does not exist`);
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventType: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`Event "${eventType}" is ${sizeBytes} bytes; the limit is ${limitBytes} bytes`);
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`Event "${eventType}" cannot be stored: ${reason}`);
  }
}

/**
 * An event id already stored at another place (not an idempotent retry of the same append). Every adapter
 * detects reuse within a stream; the embedded store also across streams (EventStoreDB cannot).
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly streamName: string,
  ) {
    super(`Event id ${eventId} is already stored in stream "${streamName}" at a different position`);
  }
}

/** The store cannot be opened safely: locked, corrupt, from a newer schema, unreachable. Fatal at start. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code: string;
  constructor(code: 'STORE_LOCKED' | 'STORE_CORRUPT' | 'STORE_SCHEMA_TOO_NEW' | 'STORE_UNREACHABLE' | 'STORE_CLOSED', message: string) {
    super(message);
    this.code = code;
  }
}
