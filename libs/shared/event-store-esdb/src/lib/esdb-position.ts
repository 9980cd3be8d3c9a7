import type { Position } from '@eventstore/db-client';
import { EventStoreError } from '@tendril/shared/event-store';
import { toSafeNumber } from './esdb-expected-revision';

/**
 * An EventStoreDB log position that has no faithful single-number form in the port: a record
 * committed by a legacy explicit transaction (commit != prepare), or an event read from a server
 * older than 22.6 that does not report positions on stream reads.
 */
export class UnsupportedEsdbPositionError extends EventStoreError {
  readonly code = 'UNSUPPORTED_POSITION';
  constructor(message: string) {
    super(message);
  }
}

/*
 * Why the commit position alone is the port's position:
 * since EventStoreDB 20 every append is an implicit transaction whose prepare records carry the
 * IsCommitted flag, and $all reports each of them at TFPos(commit = prepare = that record's own log
 * position). So the events of one append do NOT share a commit position: each has its own, strictly
 * increasing in $all order, and {commit: n, prepare: n} is exactly the position of the event at n.
 * Only records written by the old TCP explicit-transaction API (never by a gRPC client, so never by
 * Tendril) share a commit position; they are refused rather than mapped to a lossy number that
 * would break the subscription's exclusive checkpoint.
 */
export const toPortPosition = (position: Position): number => {
  if (position.commit !== position.prepare) {
    throw new UnsupportedEsdbPositionError(
      `EventStoreDB position {commit: ${position.commit}, prepare: ${position.prepare}} belongs to an explicit transaction, which the Tendril event store does not support`,
    );
  }
  return toSafeNumber(position.commit, 'log position');
};

export const toEsdbPosition = (position: number): Position => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`log position ${String(position)} is not a whole number >= 0`);
  }
  const value = BigInt(position);
  return { commit: value, prepare: value };
};

/** Positions of events read from streams: only servers from 22.6 on report them (0/undefined before). */
export const toPortPositionOfStreamEvent = (position: Position | undefined, streamName: string, revision: bigint): number => {
  if (!position || (position.commit === 0n && position.prepare === 0n)) {
    throw new UnsupportedEsdbPositionError(
      `EventStoreDB did not report the log position of event ${revision} in stream "${streamName}"; Tendril needs EventStoreDB 22.6 or later`,
    );
  }
  return toPortPosition(position);
};
