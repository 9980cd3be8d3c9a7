/** Who acted. Every event records one; `system` is used for time-driven and reactive work. */
export type Role =
  | 'commissioner'
  | 'provider'
  | 'prime'
  | 'youth_panel'
  | 'auditor'
  | 'admin'
  | 'system';

export const ROLES: readonly Role[] = [
  'commissioner',
  'provider',
  'prime',
  'youth_panel',
  'auditor',
  'admin',
  'system',
];

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** The organisation the user acts for; null for platform-level actors. */
  readonly organisationId: string | null;
}

export interface EventMetadata {
  /** UUID; appending the same id again at the same expected revision is an idempotent no-op. */
  readonly eventId: string;
  readonly schemaVersion: number;
  /** ISO-8601 instant at which the fact happened (from the command's clock, not the store's). */
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
}

export interface EventToAppend<TData = unknown> {
  readonly type: string;
  /** Must be JSON-serialisable (plain objects, arrays, strings, finite numbers, booleans, null). */
  readonly data: TData;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<TData = unknown> {
  readonly streamName: string;
  /** 0-based position of the event within its stream (EventStoreDB's stream revision). */
  readonly revision: number;
  /** Position in the global log; strictly increasing in log order, not necessarily dense. */
  readonly position: number;
  readonly type: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
  /** ISO-8601 instant at which the store durably recorded the event. */
  readonly recordedAt: string;
}
