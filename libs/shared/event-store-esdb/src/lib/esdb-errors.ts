import { convertToCommandError, ErrorType, isCommandError } from '@eventstore/db-client';
import {
  EventStoreError,
  EventStoreUnavailableError,
  EventTooLargeError,
  type ExpectedRevision,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@tendril/shared/event-store';
import { fromEsdbExpectedRevision, toActualRevision } from './esdb-expected-revision';

/** A stream that someone deleted or tombstoned in EventStoreDB directly; Tendril itself never deletes. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" was deleted in EventStoreDB and cannot be written or read`);
  }
}

export interface EsdbErrorContext {
  /** The port's stream name (the server only knows the stored one). */
  readonly streamName?: string;
  /** The caller's own expected revision, reported back unchanged. */
  readonly expectedRevision?: ExpectedRevision;
  /** Bytes of event data in the append, for the size error. */
  readonly appendBytes?: number;
  /** Whether the failing call was a read (a deleted stream then reads as not found). */
  readonly operation?: 'append' | 'read';
}

const TRANSIENT: ReadonlySet<ErrorType> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.NOT_LEADER,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
]);

// Client 6 raises a plain Error when no node of a cluster answers gossip.
const isDiscoveryFailure = (error: unknown): error is Error =>
  error instanceof Error && !isCommandError(error) && /^Failed to discover after \d+ attempts/.test(error.message);

// Some failures (a refused connection during an append) arrive as raw gRPC errors; classify them as the client would.
const asCommandError = (error: unknown): unknown => (error instanceof Error ? convertToCommandError(error) : error);

/** Errors after which the same call may succeed: the node lost leadership, the connection dropped, a deadline passed. */
export const isTransientEsdbError = (raw: unknown): boolean => {
  const error = asCommandError(raw);
  return error instanceof Error && ((isCommandError(error) && TRANSIENT.has(error.type)) || isDiscoveryFailure(error));
};

export const isWrongExpectedVersion = (error: unknown): boolean =>
  error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION;

/** EventStoreDB client errors as the port's errors; anything else (already ours, or unexpected) passes through. */
export const translateEsdbError = (raw: unknown, context: EsdbErrorContext = {}): unknown => {
  const error = asCommandError(raw);
  if (isDiscoveryFailure(error)) {
    return new EventStoreUnavailableError('STORE_UNREACHABLE', `EventStoreDB is unreachable: ${error.message}`);
  }
  if (error instanceof EventStoreError || !(error instanceof Error) || !isCommandError(error)) return raw;
  switch (error.type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedRevisionError(
        context.streamName ?? error.streamName,
        context.expectedRevision ?? fromEsdbExpectedRevision(error.expectedVersion),
        toActualRevision(error.actualVersion),
      );
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFoundError(context.streamName ?? error.streamName);
    case ErrorType.STREAM_DELETED: {
      const streamName = context.streamName ?? error.streamName;
      return context.operation === 'read' ? new StreamNotFoundError(streamName) : new StreamDeletedError(streamName);
    }
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      // ESDB limits the data of a whole append (--max-append-size, 1 MiB by default), not one event.
      return new EventTooLargeError('(whole append)', context.appendBytes ?? error.maxAppendSize + 1, error.maxAppendSize);
    case ErrorType.ACCESS_DENIED:
      return new EventStoreUnavailableError(
        'STORE_UNREACHABLE',
        `EventStoreDB refused access: check the user in EVENTSTORE_CONNECTION_STRING (${error.message})`,
      );
    case ErrorType.UNAVAILABLE:
    case ErrorType.NOT_LEADER:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return new EventStoreUnavailableError('STORE_UNREACHABLE', `EventStoreDB is unreachable: ${error.message}`);
    default:
      return error;
  }
};
