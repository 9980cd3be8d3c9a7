import { EventTooLargeError, InvalidEventError } from './errors';
import type { EventToAppend } from './event';

export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

const isPlainJson = (value: unknown, seen: Set<object>): string | null => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `non-finite number ${value}`;
  if (typeof value !== 'object') return `a value of type ${typeof value}`;
  if (seen.has(value)) return 'a circular reference';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (const item of value) {
        const problem = isPlainJson(item, seen);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'a non-plain object (class instance, Date, Map...)';
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) return `undefined at key "${key}"`;
      const problem = isPlainJson(item, seen);
      if (problem) return `${problem} at key "${key}"`;
    }
    return null;
  } finally {
    seen.delete(value);
  }
};

/**
 * Checks every event before anything is written (so a bad batch writes nothing) and returns
 * the serialised data and metadata, ready to store.
 */
export const serialiseEventsToAppend = (
  streamName: string,
  events: readonly EventToAppend[],
  maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
): { type: string; data: string; metadata: string; eventId: string }[] => {
  if (typeof streamName !== 'string' || streamName.trim() === '' || streamName.startsWith('$')) {
    throw new InvalidEventError('(none)', `stream name "${String(streamName)}" is empty or reserved`);
  }
  if (events.length === 0) throw new InvalidEventError('(none)', 'an append needs at least one event');
  const ids = new Set<string>();
  return events.map((event) => {
    const type = event?.type;
    if (typeof type !== 'string' || type.trim() === '') throw new InvalidEventError(String(type), 'event type is empty');
    const problem = isPlainJson(event.data, new Set()) ?? isPlainJson(event.metadata, new Set());
    if (problem) throw new InvalidEventError(type, `data is not JSON: it contains ${problem}`);
    const meta = event.metadata;
    if (!meta || typeof meta.eventId !== 'string' || !/^[0-9a-f-]{36}$/i.test(meta.eventId)) {
      throw new InvalidEventError(type, 'metadata.eventId must be a UUID');
    }
    if (ids.has(meta.eventId)) throw new InvalidEventError(type, `event id ${meta.eventId} appears twice in one append`);
    ids.add(meta.eventId);
    if (!meta.actor || typeof meta.actor.userId !== 'string') throw new InvalidEventError(type, 'metadata.actor is required');
    if (Number.isNaN(Date.parse(meta.occurredAt))) throw new InvalidEventError(type, 'metadata.occurredAt must be an ISO-8601 instant');
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(meta);
    const size = Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (size > maxEventBytes) throw new EventTooLargeError(type, size, maxEventBytes);
    return { type, data, metadata, eventId: meta.eventId };
  });
};
