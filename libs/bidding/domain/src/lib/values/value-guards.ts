// Small value checks the bidding rules share. Kept local: domain libraries of different contexts
// may not import each other, and these are too small to deserve a shared library.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isWholePositivePence = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

/** Milliseconds since the epoch for an ISO-8601 instant with an explicit offset, or null. */
export const parseInstant = (value: string): number | null => {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

/** Canonical UTC form, so events compare and sort as plain strings. */
export const toCanonicalInstant = (ms: number): string => new Date(ms).toISOString();

/** True once `now` has reached the deadline: bids are sealed strictly before it. */
export const deadlineReached = (submissionDeadline: string, now: Date): boolean => now.getTime() >= Date.parse(submissionDeadline);
