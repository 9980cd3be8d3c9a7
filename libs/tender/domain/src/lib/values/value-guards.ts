// Small value checks the tender rules share. Kept local: domain libraries of different contexts
// may not import each other, and these are too small to deserve a shared library.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isBlank = (value: string | null | undefined): boolean => typeof value !== 'string' || value.trim() === '';

/** Money is always whole pence; `allowZero` for estimates that may legitimately be nil. */
export const isWholePence = (value: number, allowZero = false): boolean =>
  Number.isSafeInteger(value) && (allowZero ? value >= 0 : value > 0);

/** Milliseconds since the epoch for an ISO-8601 instant with an explicit offset, or null. */
export const parseInstant = (value: string): number | null => {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

/** A calendar date `YYYY-MM-DD` that exists (rejects 2025-02-30). */
export const isIsoDate = (value: string): boolean => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};

/** Canonical UTC form, so events compare and sort as plain strings. */
export const toCanonicalInstant = (ms: number): string => new Date(ms).toISOString();
