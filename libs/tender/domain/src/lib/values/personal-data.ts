// Needs evidence is aggregate: counts and themes, never who said what. These patterns catch the
// personal data that most often slips into consultation notes; they are a floor, not a DPIA.
const PERSONAL_DATA_PATTERNS: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  { kind: 'email address', pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/ },
  { kind: 'phone number', pattern: /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/ },
  { kind: 'full postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i },
  { kind: 'date of birth', pattern: /\b(?:dob|d\.o\.b\.?|date of birth|born on)\b/i },
];

/** The kind of personal data the text appears to contain, or null. */
export const findPersonalData = (text: string): string | null =>
  PERSONAL_DATA_PATTERNS.find(({ pattern }) => pattern.test(text))?.kind ?? null;
