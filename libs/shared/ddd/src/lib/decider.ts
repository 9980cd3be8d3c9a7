import type { Actor } from '@tendril/shared/event-store';

/** A domain event as the decider sees it: a past-tense type and its data. Metadata is added by the loop. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** What the domain is told about the world: the clock, the actor and the ids it must not invent. */
export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /**
   * Set by the caller (e.g. from a client mutation id) when a retry of the same request must not
   * apply twice: the loop then derives event ids from it instead of drawing random ones.
   */
  readonly idempotencyKey?: string | null;
}

export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
  readonly metadata: CommandMetadata;
}

/** The decider pattern: pure functions, no I/O, no clock, no id generation. */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  decide(command: TCommand, state: TState): readonly TEvent[];
  evolve(state: TState, event: TEvent): TState;
  initialState(): TState;
}

/** A business rule refused the command. `code` is stable (reads as a sentence) and reaches API clients. */
export class DomainRuleBroken extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainRuleBroken';
  }
}
