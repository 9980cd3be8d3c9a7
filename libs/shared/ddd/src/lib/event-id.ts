import { createHash, randomUUID } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Namespace of the ids `commandEventId` derives. Fixed forever: changing it changes every derived id. */
export const TENDRIL_EVENT_ID_NAMESPACE = '5d0a6f3e-8c1b-4f5e-9a57-2b7e0c4d9f11';

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export const uuidV5 = (name: string, namespace: string): string => {
  if (!UUID_PATTERN.test(namespace)) throw new TypeError(`UUID namespace "${namespace}" is not a UUID`);
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export interface CommandEventIdInput {
  readonly idempotencyKey: string;
  readonly streamName: string;
  /** 0-based index of the event within the events one command produced. */
  readonly index: number;
}

/**
 * The id of the index-th event a command produces in a stream. The same key, stream and index
 * always give the same id, so a retried command appends the same ids and the store can recognise it.
 */
export const commandEventId = ({ idempotencyKey, streamName, index }: CommandEventIdInput): string => {
  if (idempotencyKey === '') throw new TypeError('An idempotency key must not be empty');
  if (!Number.isInteger(index) || index < 0) throw new TypeError(`Event index ${index} is not a non-negative integer`);
  // Length-prefixed so that no two (key, stream) pairs can produce the same name.
  const name = `${idempotencyKey.length}:${idempotencyKey}|${streamName.length}:${streamName}|${index}`;
  return uuidV5(name, TENDRIL_EVENT_ID_NAMESPACE);
};

export const randomEventId = (): string => randomUUID();
