import { logFilterSql, prefixUpperBound } from './log-filter-sql';

/** Compares as SQLite's BINARY collation does: by UTF-8 bytes. */
const utf8Compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('The upper bound of a stream-name prefix', () => {
  it.each([
    ['bid-', 'bid.'],
    ['tender_', 'tender`'],
    ['a%', 'a&'],
    ['z', '{'],
    ['caf\u00e9', 'caf\u00ea'],
  ])('of "%s" is "%s"', (prefix, bound) => {
    expect(prefixUpperBound(prefix)).toBe(bound);
  });

  it('sorts after every name with the prefix and before every name without it', () => {
    const prefix = 'bid-\u{1F600}';
    const bound = prefixUpperBound(prefix) as string;
    for (const name of [prefix, `${prefix}a`, `${prefix}\u{10FFFF}\u{10FFFF}`, `${prefix}\uFFFF`]) {
      expect(utf8Compare(name, bound)).toBeLessThan(0);
    }
    for (const name of ['bid-\u{1F601}', 'bid.', 'bie']) expect(utf8Compare(name, bound)).toBeGreaterThanOrEqual(0);
  });

  it('steps over the surrogate range, which UTF-8 cannot hold', () => {
    expect(prefixUpperBound('x\uD7FF')).toBe('x\uE000');
  });

  it('drops trailing maximal code points, and has no bound when nothing is left', () => {
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\u{10FFFF}')).toBeNull();
    expect(prefixUpperBound('')).toBeNull();
  });
});

describe('The SQL for a log filter', () => {
  it('is empty without a filter', () => {
    expect(logFilterSql(undefined)).toEqual({ where: '', params: [], shape: '', prefixes: null });
  });

  it('passes types and prefixes as parameters, never inside the SQL text', () => {
    const sql = logFilterSql({ eventTypes: ["Bid'Drafted"], streamPrefixes: ['bid_%-'] });
    expect(sql.where).not.toContain('bid_%');
    expect(sql.where).not.toContain('LIKE');
    expect(sql.params).toEqual(["Bid'Drafted", 'bid_%-', 'bid_%.']);
  });

  it('can keep SQLite from serving the prefix test from the stream index', () => {
    expect(logFilterSql({ streamPrefixes: ['bid-'] }, 'in-log-order').where).toBe(' AND ((+stream_name >= ? AND +stream_name < ?))');
    expect(logFilterSql({ streamPrefixes: ['bid-'] }, 'indexed').where).toBe(' AND ((stream_name >= ? AND stream_name < ?))');
  });

  it('matches nothing for an empty list', () => {
    expect(logFilterSql({ eventTypes: [] }).where).toBe(' AND 0');
  });
});
