import type { JSONEventData, JSONType, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { ChainLink } from '@tendril/shared/audit-chain';
import { AUDIT_CHAIN_METADATA_KEY } from './esdb-audit-chain';
import { type EventMetadata, type EventToAppend, InvalidEventError, type RecordedEvent } from '@tendril/shared/event-store';

/**
 * What Tendril stores in an EventStoreDB event's JSON metadata: the port's metadata as given, except
 * that the event id is ESDB's own event id (that is what makes retries idempotent) and correlation and
 * causation use ESDB's `$correlationId` and `$causationId`, so the server's own tools understand them.
 */
export type EsdbStoredMetadata = Omit<EventMetadata, 'eventId' | 'correlationId' | 'causationId'> & {
  readonly $correlationId: string;
  /** Absent when the port's causationId is null. */
  readonly $causationId?: string;
};

export const toEsdbMetadata = (metadata: EventMetadata): EsdbStoredMetadata => {
  const { eventId: _eventId, correlationId, causationId, ...rest } = metadata;
  return {
    ...rest,
    $correlationId: correlationId,
    ...(causationId === null || causationId === undefined ? {} : { $causationId: causationId }),
  };
};

/**
 * An event already checked by serialiseEventsToAppend, as ESDB's client sends it (JSON, our id), with
 * its audit chain link in the metadata under AUDIT_CHAIN_METADATA_KEY.
 */
export const toEsdbEventData = (event: EventToAppend, link?: ChainLink): JSONEventData => ({
  id: event.metadata.eventId,
  contentType: 'application/json',
  type: event.type,
  // Any JSON value is valid event data; the client's type only lists objects, arrays and strings.
  data: event.data as JSONType,
  metadata: (link ? { ...toEsdbMetadata(event.metadata), [AUDIT_CHAIN_METADATA_KEY]: link } : toEsdbMetadata(event.metadata)) as unknown as JSONType,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Reads our metadata back, or says why this is not an event Tendril wrote. Fields are returned as
 * they were stored (the port checked them on append), so whatever SQLite would round-trip, this does.
 */
export const fromEsdbMetadata = (eventId: string, raw: unknown): EventMetadata | string => {
  if (!isRecord(raw)) return 'it has no JSON metadata';
  // The chain link is the store's, not the event's: readers get the metadata they appended.
  const { $correlationId, $causationId, [AUDIT_CHAIN_METADATA_KEY]: _link, ...rest } = raw;
  if (typeof $correlationId !== 'string') return 'its metadata has no $correlationId';
  if (!isRecord(rest['actor']) || typeof rest['actor']['userId'] !== 'string') return 'its metadata has no actor';
  return {
    ...rest,
    eventId,
    correlationId: $correlationId,
    causationId: typeof $causationId === 'string' ? $causationId : null,
  } as unknown as EventMetadata;
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
