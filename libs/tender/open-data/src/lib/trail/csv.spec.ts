import { toCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('writes a header row and one CRLF-terminated line per row', () => {
    expect(toCsv(['a', 'b'], [['1', 2], [null, 'x']])).toBe('a,b\r\n1,2\r\n,x\r\n');
  });

  it('quotes fields holding commas, quotes or line breaks and doubles inner quotes', () => {
    expect(toCsv(['text'], [['one, two'], ['say "hi"'], ['line\nbreak'], ['cr\rhere']])).toBe('text\r\n"one, two"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rhere"\r\n');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(toCsv(['text'], [['=HYPERLINK("x")'], ['+1'], ['-1'], ['@sum'], ['plain = fine']])).toBe(
      'text\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-1\r\n\'@sum\r\nplain = fine\r\n',
    );
  });

  it('writes numbers as they are, negative ones included', () => {
    expect(toCsv(['n'], [[-5], [0]])).toBe('n\r\n-5\r\n0\r\n');
  });
});
