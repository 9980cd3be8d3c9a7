/**
 * Read-your-writes for the API: a handler that appended events at `position` waits until the read
 * models show them. Implemented by the projectors (`@tendril/shared/projections`); a port here so
 * application code can depend on it without depending on TypeORM.
 */
export interface ReadModelFreshness {
  /** Rejects (code PROJECTION_TIMEOUT) when a read model is not there within `timeoutMs`. */
  waitForPosition(position: number, timeoutMs: number): Promise<void>;
}

export const READ_MODEL_FRESHNESS = Symbol.for('tendril.ReadModelFreshness');
