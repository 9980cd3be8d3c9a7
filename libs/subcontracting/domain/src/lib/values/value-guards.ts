// Small value checks the subcontracting rules share. Kept local: domain libraries of different
// contexts may not import each other, and these are too small to deserve a shared library.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isBlank = (value: string | null | undefined): boolean => typeof value !== 'string' || value.trim() === '';

export const isWholePositivePence = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

/** A calendar date `YYYY-MM-DD` that exists (rejects 2025-02-30). */
export const isIsoDate = (value: string): boolean => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};

/** The UTC calendar date of an instant; contract periods are whole UTC days. */
export const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);
