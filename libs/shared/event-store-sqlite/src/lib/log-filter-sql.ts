import type { LogFilter } from '@tendril/shared/event-store';

const MAX_CODE_POINT = 0x10ffff;

/**
 * The least string greater than every string that starts with `prefix`, in SQLite's BINARY order
 * (UTF-8 bytes, which is code point order), or null when no such bound exists.
 * `name >= prefix AND name < bound` is an exact prefix test that an index can serve, and
 * `%`, `_` or any other character is matched literally (unlike LIKE).
 */
export const prefixUpperBound = (prefix: string): string | null => {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as number;
    if (last === MAX_CODE_POINT) continue;
    // Lone surrogates cannot be stored as UTF-8; skip over that range.
    const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
    return String.fromCodePoint(...codePoints, next);
  }
  return null;
};

export interface FilterSql {
  /** SQL predicate (with a leading ' AND ') or '' for no filter. */
  readonly where: string;
  readonly params: readonly string[];
  /** A stable key for caching the prepared statement: the shape of the filter, not its values. */
  readonly shape: string;
  /** The stream-prefix test alone (no leading AND), or null when the filter has no prefixes. */
  readonly prefixes: { readonly where: string; readonly params: readonly string[] } | null;
}

/**
 * How the stream-prefix test is written: `indexed` lets SQLite serve it from the stream index;
 * `in-log-order` (unary +) keeps SQLite walking the log by position and tests each row instead.
 */
export type PrefixAccess = 'indexed' | 'in-log-order';

const prefixRanges = (prefixes: readonly string[], column: string): { where: string; params: string[] } => {
  const params: string[] = [];
  const ranges = prefixes.map((prefix) => {
    const bound = prefixUpperBound(prefix);
    params.push(prefix);
    if (bound === null) return `${column} >= ?`;
    params.push(bound);
    return `(${column} >= ? AND ${column} < ?)`;
  });
  return { where: `(${ranges.join(' OR ')})`, params };
};

/** Types are matched exactly, prefixes by byte range; both given means both must match. An empty list matches nothing. */
export const logFilterSql = (filter: LogFilter | undefined, access: PrefixAccess = 'indexed'): FilterSql => {
  const clauses: string[] = [];
  const params: string[] = [];
  const shape: string[] = [];
  const types = filter?.eventTypes;
  if (types) {
    if (types.length === 0) clauses.push('0');
    else {
      clauses.push(`type IN (${types.map(() => '?').join(', ')})`);
      params.push(...types);
    }
    shape.push(`t${types.length}`);
  }
  const prefixes = filter?.streamPrefixes;
  let prefixTest: FilterSql['prefixes'] = null;
  if (prefixes) {
    if (prefixes.length === 0) clauses.push('0');
    else {
      const ranges = prefixRanges(prefixes, access === 'indexed' ? 'stream_name' : '+stream_name');
      clauses.push(ranges.where);
      params.push(...ranges.params);
      prefixTest = prefixRanges(prefixes, 'stream_name');
    }
    shape.push(`p${prefixes.map((p) => (prefixUpperBound(p) === null ? 'o' : 'r')).join('')}:${access}`);
  }
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params, shape: shape.join(':'), prefixes: prefixTest };
};
