import type { Actor } from '@tendril/shared/event-store';

/** Who asks, within which correlation, under which idempotency seed: what the API hands every command. */
export interface RequestContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** Per-user seed from the client's idempotency key; retries derive the same ids and event ids from it. */
  readonly idempotencySeed: string | null;
}
