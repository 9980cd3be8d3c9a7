// RFC 4180 CSV: CRLF line ends, every field that holds a comma, quote, CR or LF is quoted with inner quotes
// doubled. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with
// an apostrophe (OWASP "CSV injection"), so opening a downloaded trail never executes what a user typed.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvCell = string | number | null;

const field = (value: CsvCell): string => {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV document: the header row, then one line per row, each line ending in CRLF. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
