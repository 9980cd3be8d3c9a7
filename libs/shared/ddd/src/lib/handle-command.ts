import {
  DuplicateEventIdError,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '@tendril/shared/event-store';
import type { Command, Decider, DomainEvent } from './decider';
import { commandEventId, randomEventId } from './event-id';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EventMetadataOptions {
  /** Schema version of each event type this command may produce; a type not listed is version 1. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
}

export interface HandleCommandOptions<TCommand extends Command, TEvent extends DomainEvent, TState> {
  readonly store: Pick<EventStore, 'readStream' | 'appendToStream'>;
  readonly streamName: string;
  readonly decider: Decider<TCommand, TEvent, TState>;
  readonly command: TCommand;
  readonly eventMetadata?: EventMetadataOptions;
  /** Reads, decisions and appends tried before a revision conflict is rethrown. Defaults to 5. */
  readonly maxAttempts?: number;
}

/** A domain event as it was (or is now) stored, metadata included. */
export type StoredEvent<TEvent extends DomainEvent> = TEvent & { readonly metadata: EventMetadata };

export interface CommandHandled<TEvent extends DomainEvent, TState> {
  /** The events this command stored, in order; empty when decide had nothing to record. */
  readonly events: readonly StoredEvent<TEvent>[];
  /** The stream's state after those events (after the whole stream when `alreadyApplied`). */
  readonly state: TState;
  /** Where the events landed (pass `position` to a projector's waitForPosition); null when nothing was appended. */
  readonly appendResult: AppendResult | null;
  /** True when the idempotency key's events were already in the stream: nothing new was appended. */
  readonly alreadyApplied: boolean;
  /** How many read-decide-append rounds it took (1 unless another writer got in first). */
  readonly attempts: number;
}

interface LoadedStream<TState> {
  readonly state: TState;
  readonly expectedRevision: ExpectedRevision;
  /** Events earlier appended under the command's idempotency key, in order. */
  readonly previouslyApplied: readonly RecordedEvent[];
}

const loadStream = async <TCommand, TEvent extends DomainEvent, TState>(
  store: Pick<EventStore, 'readStream'>,
  streamName: string,
  decider: Decider<TCommand, TEvent, TState>,
  idempotencyKey: string | null,
): Promise<LoadedStream<TState>> => {
  let state = decider.initialState();
  let expectedRevision: ExpectedRevision = NO_STREAM;
  const previouslyApplied: RecordedEvent[] = [];
  let nextKeyedId = idempotencyKey === null ? null : commandEventId({ idempotencyKey, streamName, index: 0 });
  try {
    for await (const event of store.readStream(streamName)) {
      // The decider sees only what its types promise: the event's type and data.
      state = decider.evolve(state, { type: event.type, data: event.data } as TEvent);
      expectedRevision = event.revision;
      if (idempotencyKey !== null && nextKeyedId !== null) {
        if (event.metadata.eventId === nextKeyedId) {
          previouslyApplied.push(event);
          nextKeyedId = commandEventId({ idempotencyKey, streamName, index: previouslyApplied.length });
        } else if (previouslyApplied.length > 0) {
          nextKeyedId = null; // one append is contiguous: the keyed events ended here
        }
      }
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state, expectedRevision, previouslyApplied };
};

const alreadyAppliedResult = <TEvent extends DomainEvent, TState>(
  loaded: LoadedStream<TState>,
  attempts: number,
): CommandHandled<TEvent, TState> => {
  const last = loaded.previouslyApplied[loaded.previouslyApplied.length - 1];
  return {
    events: loaded.previouslyApplied.map(
      (event) => ({ type: event.type, data: event.data, metadata: event.metadata }) as StoredEvent<TEvent>,
    ),
    state: loaded.state,
    appendResult: last ? { nextExpectedRevision: last.revision, position: last.position } : null,
    alreadyApplied: true,
    attempts,
  };
};

/**
 * The one command-handling loop: read the stream, fold `evolve`, `decide`, append with the exact
 * expected revision; on a revision conflict read again and decide again, at most `maxAttempts` times.
 *
 * With `command.metadata.idempotencyKey` set, event ids are derived from (key, stream, index), and a
 * command whose keyed events are already in the stream is not decided again: it returns those events
 * with `alreadyApplied: true`. That covers a client retrying after a timeout, whether the first
 * attempt committed before the retry read the stream or races it (the store then answers the same
 * ids with its idempotent-append result or a DuplicateEventIdError, and the loop re-reads).
 * A key reused for a different command on the same stream is therefore treated as the same request.
 */
export const handleCommand = async <TCommand extends Command, TEvent extends DomainEvent, TState>(
  options: HandleCommandOptions<TCommand, TEvent, TState>,
): Promise<CommandHandled<TEvent, TState>> => {
  const { store, streamName, decider, command } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new TypeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const idempotencyKey = command.metadata.idempotencyKey ?? null;
  const schemaVersions = options.eventMetadata?.schemaVersions ?? {};

  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, streamName, decider, idempotencyKey);
    if (loaded.previouslyApplied.length > 0) return alreadyAppliedResult(loaded, attempt);

    const decided = decider.decide(command, loaded.state);
    if (decided.length === 0) {
      return { events: [], state: loaded.state, appendResult: null, alreadyApplied: false, attempts: attempt };
    }

    const events = decided.map(
      (event, index): StoredEvent<TEvent> => ({
        ...event,
        metadata: {
          eventId:
            idempotencyKey === null ? randomEventId() : commandEventId({ idempotencyKey, streamName, index }),
          schemaVersion: schemaVersions[event.type] ?? 1,
          occurredAt: command.metadata.now.toISOString(),
          correlationId: command.metadata.correlationId,
          causationId: command.metadata.causationId ?? null,
          actor: command.metadata.actor,
        },
      }),
    );

    try {
      const appendResult = await store.appendToStream(
        streamName,
        events.map((event): EventToAppend => ({ type: event.type, data: event.data, metadata: event.metadata })),
        { expectedRevision: loaded.expectedRevision },
      );
      const state = decided.reduce((current, event) => decider.evolve(current, event), loaded.state);
      return { events, state, appendResult, alreadyApplied: false, attempts: attempt };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && attempt < maxAttempts) continue;
      if (error instanceof DuplicateEventIdError && idempotencyKey !== null) {
        // Our keyed ids are already stored: a concurrent attempt of this same request won the race.
        const reread = await loadStream(store, streamName, decider, idempotencyKey);
        if (reread.previouslyApplied.length > 0) return alreadyAppliedResult(reread, attempt);
      }
      throw error;
    }
  }
};
