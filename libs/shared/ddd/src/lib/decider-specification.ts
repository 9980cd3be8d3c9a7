import assert, { AssertionError } from 'node:assert/strict';
import { DomainRuleBroken, type Decider, type DomainEvent } from './decider';

type Outcome<TEvent> = { readonly events: readonly TEvent[] } | { readonly error: unknown };

const describeError = (error: unknown): string =>
  error instanceof DomainRuleBroken
    ? `DomainRuleBroken ${error.code} (${error.message})`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);

/**
 * given/when/then for deciders, with no test framework dependency: a failed expectation throws a
 * node:assert AssertionError, which Jest (and every other runner) reports with a diff.
 *
 *   const spec = DeciderSpecification.for(bidDecider);
 *   spec.given([bidDrafted]).when(submitBid).then([bidSubmitted]);
 *   spec.given([bidDrafted, bidSubmitted]).when(submitBid).thenThrows('BID_ALREADY_SUBMITTED');
 */
export class DeciderSpecification<TCommand, TEvent extends DomainEvent, TState> {
  private constructor(private readonly decider: Decider<TCommand, TEvent, TState>) {}

  static for<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
  ): DeciderSpecification<TCommand, TEvent, TState> {
    return new DeciderSpecification(decider);
  }

  given(events: readonly TEvent[]): GivenStep<TCommand, TEvent, TState> {
    return new GivenStep(this.decider, events);
  }
}

export class GivenStep<TCommand, TEvent extends DomainEvent, TState> {
  constructor(
    private readonly decider: Decider<TCommand, TEvent, TState>,
    private readonly history: readonly TEvent[],
  ) {}

  when(command: TCommand): WhenStep<TCommand, TEvent, TState> {
    return new WhenStep(this.decider, this.history, command);
  }

  /** The state the history folds to, for checking `evolve` on its own. */
  thenState(expected: TState): void {
    assert.deepStrictEqual(this.fold(), expected);
  }

  fold(): TState {
    return this.history.reduce((state, event) => this.decider.evolve(state, event), this.decider.initialState());
  }
}

export class WhenStep<TCommand, TEvent extends DomainEvent, TState> {
  constructor(
    private readonly decider: Decider<TCommand, TEvent, TState>,
    private readonly history: readonly TEvent[],
    private readonly command: TCommand,
  ) {}

  /** decide produced exactly these events, in this order (`[]` for a command with nothing to record). */
  then(expected: readonly TEvent[]): void {
    assert.deepStrictEqual(this.decided(), expected);
  }

  /** decide refused the command with this DomainRuleBroken code (and, if given, these details). */
  thenThrows(code: string, details?: Readonly<Record<string, unknown>>): void {
    const outcome = this.run();
    if (!('error' in outcome)) {
      throw new AssertionError({
        message: `Expected decide to break rule ${code}, but it returned ${JSON.stringify(outcome.events)}`,
        actual: outcome.events,
        expected: code,
        operator: 'thenThrows',
      });
    }
    const { error } = outcome;
    if (!(error instanceof DomainRuleBroken) || error.code !== code) {
      throw new AssertionError({
        message: `Expected decide to break rule ${code}, but it threw ${describeError(error)}`,
        actual: error instanceof DomainRuleBroken ? error.code : error,
        expected: code,
        operator: 'thenThrows',
      });
    }
    if (details !== undefined) assert.deepStrictEqual(error.details, details);
  }

  /** decide succeeded and the history plus the new events fold to this state. */
  thenState(expected: TState): void {
    const events = this.decided();
    const start = new GivenStep(this.decider, this.history).fold();
    assert.deepStrictEqual(
      events.reduce((state, event) => this.decider.evolve(state, event), start),
      expected,
    );
  }

  private decided(): readonly TEvent[] {
    const outcome = this.run();
    if ('error' in outcome) {
      throw new AssertionError({
        message: `Expected decide to succeed, but it threw ${describeError(outcome.error)}`,
        actual: outcome.error,
        expected: 'events',
        operator: 'then',
      });
    }
    return outcome.events;
  }

  private run(): Outcome<TEvent> {
    const state = new GivenStep(this.decider, this.history).fold();
    try {
      return { events: this.decider.decide(this.command, state) };
    } catch (error) {
      return { error };
    }
  }
}
