import { TENDRIL_EVENT_ID_NAMESPACE, uuidV5 } from '@tendril/shared/ddd';
import {
  DuplicateEventIdError,
  type EventStore,
  type LogFilter,
  NO_STREAM,
  type RecordedEvent,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@tendril/shared/event-store';
import type { Projection } from '@tendril/shared/projections';

/**
 * Work done in response to events in the log (publishing integration events, commands in another
 * context). It runs on a projector, so it is checkpointed and resumes where it stopped; every reaction
 * must be idempotent because after a crash the last batch is delivered again.
 */
export interface Reaction {
  readonly name: string;
  readonly filter: LogFilter;
  react(event: RecordedEvent): Promise<void>;
}

export const reactionProjection = (reaction: Reaction): Projection => ({
  name: `reaction:${reaction.name}`,
  filter: reaction.filter,
  entities: [],
  apply: (event) => reaction.react(event as unknown as RecordedEvent),
});

export interface IntegrationTranslation {
  readonly streamName: string;
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
}

const MAX_PUBLISH_ATTEMPTS = 5;

/**
 * Publishes a context's integration events from its domain events: one translated append per source event,
 * with event ids derived from the source event id, so a redelivered source event is recognised and not
 * published twice. Metadata keeps the original actor, time and correlation; causation is the source event.
 */
export const integrationPublisher = (
  store: EventStore,
  options: { readonly name: string; readonly filter: LogFilter; translate(event: RecordedEvent): IntegrationTranslation | null },
): Reaction => ({
  name: options.name,
  filter: options.filter,
  async react(source) {
    const translation = options.translate(source);
    if (!translation || translation.events.length === 0) return;
    const events = translation.events.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: uuidV5(`integration:${source.metadata.eventId}:${index}`, TENDRIL_EVENT_ID_NAMESPACE),
        schemaVersion: 1,
        occurredAt: source.metadata.occurredAt,
        correlationId: source.metadata.correlationId,
        causationId: source.metadata.eventId,
        actor: source.metadata.actor,
      },
    }));
    const firstId = events[0]?.metadata.eventId;
    for (let attempt = 1; ; attempt++) {
      // Translation runs in log order, so an earlier publication of this source event can only be at the tail.
      let revision: number | null = null;
      try {
        for await (const tail of store.readStream(translation.streamName, { direction: 'backwards', maxCount: 20 })) {
          revision ??= tail.revision;
          if (tail.metadata.eventId === firstId) return;
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      try {
        await store.appendToStream(translation.streamName, events, { expectedRevision: revision ?? NO_STREAM });
        return;
      } catch (error) {
        if (error instanceof DuplicateEventIdError) return;
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_PUBLISH_ATTEMPTS) continue;
        throw error;
      }
    }
  },
});
