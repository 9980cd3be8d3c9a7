import type { RecordedEvent } from '@tendril/shared/event-store';

/** A projection's apply threw: nothing of its batch from this event on was committed. */
export class ProjectionApplyError extends Error {
  readonly code = 'PROJECTION_APPLY_FAILED';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(
      `Projection "${projection}" failed to apply ${event.type} at position ${event.position} ` +
        `(stream "${event.streamName}" revision ${event.revision}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'ProjectionApplyError';
  }
}

/** waitForPosition gave up: the read model does not show the position yet. */
export class ProjectionTimeoutError extends Error {
  readonly code = 'PROJECTION_TIMEOUT';
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly checkpoint: number | null,
    readonly timeoutMs: number,
    readonly lastFailure: string | null,
  ) {
    super(
      `Projection "${projection}" did not reach position ${position} within ${timeoutMs} ms (it is at ${checkpoint ?? 'the start'})` +
        (lastFailure ? `; it is failing: ${lastFailure}` : ''),
    );
    this.name = 'ProjectionTimeoutError';
  }
}

/** The DataSource lacks an entity the projections need: a wiring mistake, reported at start. */
export class ProjectionSetupError extends Error {
  readonly code = 'PROJECTION_SETUP';
  constructor(message: string) {
    super(message);
    this.name = 'ProjectionSetupError';
  }
}
