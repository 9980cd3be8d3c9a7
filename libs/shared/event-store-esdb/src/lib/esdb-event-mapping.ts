import type { JSONEventData, JSONType, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import {
  type Actor,
  type EventMetadata,
  type EventToAppend,
  InvalidEventError,
  type RecordedEvent,
  ROLES,
} from '@tendril/shared/event-store';

/**
 * What Tendril stores in an EventStoreDB event's JSON metadata. The event id is ESDB's own event id
 * (that is what makes retries idempotent), and correlation/causation use ESDB's `$correlationId` and
 * `$causationId` so the server's own tooling (projections, the UI) understands them.
 */
export interface EsdbStoredMetadata {
  readonly $correlationId: string;
  /** Absent when the port's causationId is null. */
  readonly $causationId?: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: Actor;
}

export const toEsdbMetadata = (metadata: EventMetadata): EsdbStoredMetadata => ({
  $correlationId: metadata.correlationId,
  ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
  schemaVersion: metadata.schemaVersion,
  occurredAt: metadata.occurredAt,
  actor: { userId: metadata.actor.userId, role: metadata.actor.role, organisationId: metadata.actor.organisationId },
});

/** An event already checked by serialiseEventsToAppend, as ESDB's client sends it (JSON, our id). */
export const toEsdbEventData = (event: EventToAppend): JSONEventData => ({
  id: event.metadata.eventId,
  contentType: 'application/json',
  type: event.type,
  // Any JSON value is valid event data; the client's type only lists objects, arrays and strings.
  data: event.data as JSONType,
  metadata: toEsdbMetadata(event.metadata) as unknown as JSONType,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const readActor = (value: unknown): Actor | null => {
  if (!isRecord(value)) return null;
  const { userId, role, organisationId } = value;
  if (typeof userId !== 'string' || !(ROLES as readonly unknown[]).includes(role)) return null;
  if (organisationId !== null && typeof organisationId !== 'string') return null;
  return { userId, role: role as Actor['role'], organisationId };
};

/** Reads our metadata back, or says what is wrong with it (events written by other tools). */
export const fromEsdbMetadata = (eventId: string, raw: unknown): EventMetadata | string => {
  if (!isRecord(raw)) return 'it has no JSON metadata';
  const { $correlationId, $causationId, schemaVersion, occurredAt, actor } = raw;
  if (typeof $correlationId !== 'string') return 'its metadata has no $correlationId';
  if ($causationId !== undefined && $causationId !== null && typeof $causationId !== 'string') return 'its $causationId is not a string';
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) return 'its metadata has no integer schemaVersion';
  if (typeof occurredAt !== 'string') return 'its metadata has no occurredAt';
  const readActorValue = readActor(actor);
  if (!readActorValue) return 'its metadata has no valid actor';
  return {
    eventId,
    schemaVersion,
    occurredAt,
    correlationId: $correlationId,
    causationId: typeof $causationId === 'string' ? $causationId : null,
    actor: readActorValue,
  };
};

/**
 * A recorded ESDB event in the port's shape. `streamName` and `position` come from the caller,
 * which knows the store's naming and whether the position came from $all or a stream read.
 */
export const fromEsdbRecordedEvent = (
  event: EsdbRecordedEvent,
  streamName: string,
  position: number,
): RecordedEvent => {
  if (!event.isJson) {
    throw new InvalidEventError(event.type, `event ${event.id} in stream "${event.streamId}" is not JSON, so it was not written by Tendril`);
  }
  const metadata = fromEsdbMetadata(event.id, event.metadata);
  if (typeof metadata === 'string') {
    throw new InvalidEventError(event.type, `event ${event.id} in stream "${event.streamId}" was not written by Tendril: ${metadata}`);
  }
  const revision = event.revision;
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB revision ${revision} of stream "${event.streamId}" is out of range`);
  }
  return {
    streamName,
    revision: Number(revision),
    position,
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: event.created.toISOString(),
  };
};
