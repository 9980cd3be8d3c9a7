import type { Actor } from '@tendril/shared/event-store';
import { randomUUID } from 'node:crypto';
import { TENDRIL_EVENT_ID_NAMESPACE, uuidV5 } from './event-id';

/** Who asks, within which correlation, under which idempotency seed: what the API hands every command. */
export interface RequestContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** Per-user seed from the client's idempotency key; retries derive the same ids and event ids from it. */
  readonly idempotencySeed: string | null;
}

/**
 * The id of something a request creates (a tender, a bid, a subcontract...). Derived from the request's
 * idempotency seed, so a retried request addresses the same record; random when there is no seed.
 */
export const requestScopedId = (kind: string, context: Pick<RequestContext, 'idempotencySeed'>): string =>
  context.idempotencySeed ? uuidV5(`${kind}:${context.idempotencySeed}`, TENDRIL_EVENT_ID_NAMESPACE) : randomUUID();
