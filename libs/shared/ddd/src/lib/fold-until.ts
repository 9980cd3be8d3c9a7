import { type Actor, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import type { Decider, DomainEvent } from './decider';

/** The evolving half of a decider: all time travel needs. */
export type Evolver<TEvent extends DomainEvent, TState> = Pick<Decider<unknown, TEvent, TState>, 'evolve' | 'initialState'>;

/** Where a fold stopped: the last event it applied. */
export interface FoldedUntil<TState> {
  readonly state: TState;
  /** How many events were applied; 0 when the stream did not exist yet at that instant. */
  readonly eventsApplied: number;
  readonly lastEvent: { readonly revision: number; readonly position: number; readonly type: string; readonly occurredAt: string } | null;
}

const happenedBy = (event: RecordedEvent, asOf: Date): boolean => Date.parse(event.metadata.occurredAt) <= asOf.getTime();

/**
 * Folds a stream's events with a decider's own `evolve`, stopping at the first event that happened after
 * `asOf` (by the event's `occurredAt`, the command clock's instant). It pulls events one at a time and
 * leaves the iteration as soon as it passes the instant, so the rest of the stream is never read.
 */
export const foldUntil = async <TEvent extends DomainEvent, TState>(
  events: AsyncIterable<RecordedEvent>,
  evolver: Evolver<TEvent, TState>,
  asOf: Date,
): Promise<FoldedUntil<TState>> => {
  if (Number.isNaN(asOf.getTime())) throw new RangeError('asOf must be a valid instant');
  let state = evolver.initialState();
  let eventsApplied = 0;
  let lastEvent: FoldedUntil<TState>['lastEvent'] = null;
  for await (const event of events) {
    if (!happenedBy(event, asOf)) break;
    state = evolver.evolve(state, { type: event.type, data: event.data } as TEvent);
    eventsApplied++;
    lastEvent = { revision: event.revision, position: event.position, type: event.type, occurredAt: event.metadata.occurredAt };
  }
  return { state, eventsApplied, lastEvent };
};

/** A stream read forwards, as an empty sequence when the stream does not exist (nothing had happened yet). */
export async function* readStreamIfExists(store: Pick<EventStore, 'readStream'>, streamName: string): AsyncGenerator<RecordedEvent> {
  try {
    yield* store.readStream(streamName);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** A stream's state as it was at `asOf`, folded with its decider's `evolve`. */
export const foldStreamUntil = <TEvent extends DomainEvent, TState>(
  store: Pick<EventStore, 'readStream'>,
  streamName: string,
  evolver: Evolver<TEvent, TState>,
  asOf: Date,
): Promise<FoldedUntil<TState>> => foldUntil(readStreamIfExists(store, streamName), evolver, asOf);

/** One event of a trail as an auditor reads it: who, when, what, why and on what evidence. */
export interface AuditTrailEntry {
  readonly position: number;
  readonly streamName: string;
  readonly revision: number;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  /** The reason the event records in its own words (reason, rationale, justification, response...), if any. */
  readonly reason: string | null;
  readonly evidenceRefs: readonly string[];
}

const REASON_FIELDS = ['reason', 'rationale', 'justification', 'response', 'statement', 'summary'] as const;

/** Reads the who/when/why/evidence every recorded decision carries, whatever its type. */
export const auditTrailEntryOf = (event: RecordedEvent): AuditTrailEntry => {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const reason = REASON_FIELDS.map((field) => data[field]).find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? null;
  const refs = data['evidenceRefs'];
  return {
    position: event.position,
    streamName: event.streamName,
    revision: event.revision,
    eventType: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    reason,
    evidenceRefs: Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [],
  };
};
