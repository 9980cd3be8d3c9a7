/** Time comes from here, never from `new Date()` in handlers, so rules and schedulers are testable. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol.for('tendril.Clock');

export const systemClock: Clock = { now: () => new Date() };
