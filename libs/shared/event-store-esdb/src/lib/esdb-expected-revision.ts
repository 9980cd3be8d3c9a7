import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import {
  type ActualRevision,
  type ExpectedRevision,
  InvalidEventError,
  NO_STREAM,
  STREAM_EXISTS,
} from '@tendril/shared/event-store';

/**
 * The port's expected revision in EventStoreDB's terms. There is deliberately no path to ESDB's
 * `any`: every append is optimistic, and a value outside the port's type is refused before sending.
 */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (expected === NO_STREAM) return 'no_stream';
  if (expected === STREAM_EXISTS) return 'stream_exists';
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return BigInt(expected);
  throw new InvalidEventError(
    '(none)',
    `expected revision ${JSON.stringify(expected) ?? String(expected)} is not "no_stream", "stream_exists" or a whole revision >= 0`,
  );
};

/** ESDB's current revision of a stream (bigint or "no_stream") as the port reports it. */
export const toActualRevision = (current: CurrentRevision): ActualRevision =>
  current === 'no_stream' ? NO_STREAM : toSafeNumber(current, 'stream revision');

/** ESDB's expected revision back in the port's terms, for errors raised where the caller's value is not at hand. */
export const fromEsdbExpectedRevision = (expected: AppendExpectedRevision): ExpectedRevision => {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (expected === 'any') throw new RangeError('The Tendril event store never appends with expected revision "any"');
  return toSafeNumber(expected, 'expected revision');
};

export const toSafeNumber = (value: bigint, what: string): number => {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB ${what} ${value} is outside the range the event store port can represent`);
  }
  return Number(value);
};
