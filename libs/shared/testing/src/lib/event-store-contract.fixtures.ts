import { randomUUID } from 'node:crypto';
import type { Actor, EventMetadata, EventToAppend, RecordedEvent, Subscription } from '@tendril/shared/event-store';

export const anActor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: `user-${randomUUID()}`,
  role: 'commissioner',
  organisationId: `org-${randomUUID()}`,
  ...overrides,
});

export type EventOverrides = Partial<Omit<EventMetadata, 'actor'>> & { readonly actor?: Partial<Actor> };

/** A valid event with fresh ids and a full set of metadata; override any metadata field. */
export const anEvent = <TData = Record<string, unknown>>(
  type: string,
  data: TData = {} as TData,
  overrides: EventOverrides = {},
): EventToAppend<TData> => {
  const { actor, ...metadata } = overrides;
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      ...metadata,
      actor: anActor(actor),
    },
  };
};

/** `count` events of one type, numbered in their data as `{ n }`. */
export const someEvents = (type: string, count: number, from = 0): EventToAppend<{ n: number }>[] =>
  Array.from({ length: count }, (_, index) => anEvent(type, { n: from + index }));

/**
 * A stream-name prefix no other test (or earlier run against a shared server) has used, so tests can
 * filter the global log down to their own events.
 */
export const aUniquePrefix = (label = 'contract'): string => `${label}_${randomUUID().replace(/-/g, '').slice(0, 16)}-`;

export const aStreamName = (prefix = aUniquePrefix()): string => `${prefix}${randomUUID().slice(0, 8)}`;

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

/** Rejects with what it caught, or fails when the promise resolves. */
export const refusal = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal, but the call succeeded');
};

/** Reads `count` events from a subscription then closes it; fails after `timeoutMs` instead of hanging. */
export const takeFromSubscription = async (
  subscription: Subscription,
  count: number,
  options: { timeoutMs?: number; onEvent?: (event: RecordedEvent, index: number) => void | Promise<void> } = {},
): Promise<RecordedEvent[]> => {
  const received: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`subscription delivered ${received.length} of ${count} events within ${options.timeoutMs ?? 5_000} ms`)),
      options.timeoutMs ?? 5_000,
    );
  });
  const consume = (async () => {
    if (count === 0) return;
    for await (const event of subscription) {
      received.push(event);
      await options.onEvent?.(event, received.length - 1);
      if (received.length >= count) break;
    }
  })();
  try {
    await Promise.race([consume, timeout]);
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  return received;
};

/** Settles with what the promise gives, or with `fallback` once `ms` have passed (the timer never outlives it). */
export const within = async <T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
};

export const eventIds = (events: readonly (RecordedEvent | EventToAppend)[]): string[] => events.map((event) => event.metadata.eventId);
