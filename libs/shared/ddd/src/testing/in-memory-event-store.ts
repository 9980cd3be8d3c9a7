import {
  DuplicateEventIdError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  serialiseEventsToAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@tendril/shared/event-store';

type Hook = (streamName: string, events: readonly EventToAppend[], options: AppendOptions) => Promise<void> | void;

/**
 * A fake of the store's stream half, for unit specs of the command loop only: it keeps the port's
 * append rules (exact expected revision, all-or-nothing, idempotent retry of the same ids at the same
 * revision, DuplicateEventIdError otherwise). Integration tests use the real SQLite adapter.
 */
export class InMemoryEventStore implements Pick<EventStore, 'readStream' | 'appendToStream'> {
  private readonly log: RecordedEvent[] = [];
  /** Runs before each append is checked: lets a spec slip in a competing writer. */
  beforeAppend: Hook | null = null;
  appendCalls = 0;

  async appendToStream(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.appendCalls++;
    serialiseEventsToAppend(streamName, events);
    const hook = this.beforeAppend;
    if (hook) await hook(streamName, events, options);

    const stream = this.log.filter((event) => event.streamName === streamName);
    const ids = events.map((event) => event.metadata.eventId);
    const { expectedRevision } = options;
    if (typeof expectedRevision === 'number' || expectedRevision === NO_STREAM) {
      const from = expectedRevision === NO_STREAM ? 0 : expectedRevision + 1;
      const candidate = stream.slice(from, from + ids.length);
      if (candidate.length === ids.length && candidate.every((event, i) => event.metadata.eventId === ids[i])) {
        const last = candidate[candidate.length - 1] as RecordedEvent;
        return { nextExpectedRevision: last.revision, position: last.position };
      }
    }
    for (const id of ids) {
      const stored = this.log.find((event) => event.metadata.eventId === id);
      if (stored) throw new DuplicateEventIdError(id, stored.streamName);
    }
    const actual = stream.length === 0 ? NO_STREAM : stream.length - 1;
    const matches =
      expectedRevision === STREAM_EXISTS ? actual !== NO_STREAM : expectedRevision === actual;
    if (!matches) throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);

    const recordedAt = new Date().toISOString();
    for (const [i, event] of events.entries()) {
      this.log.push({
        streamName,
        revision: stream.length + i,
        position: this.log.length,
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata),
        recordedAt,
      });
    }
    const last = this.log[this.log.length - 1] as RecordedEvent;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(streamName: string): AsyncIterable<RecordedEvent> {
    const stream = this.log.filter((event) => event.streamName === streamName);
    if (stream.length === 0) throw new StreamNotFoundError(streamName);
    yield* stream;
  }

  eventsOf(streamName: string): RecordedEvent[] {
    return this.log.filter((event) => event.streamName === streamName);
  }
}
