import { InvalidEventError, NO_STREAM, STREAM_EXISTS } from '@tendril/shared/event-store';
import { fromEsdbExpectedRevision, toActualRevision, toEsdbExpectedRevision } from './esdb-expected-revision';

describe('Expected revision mapping', () => {
  describe('to EventStoreDB', () => {
    it('sends "the stream must not exist" as no_stream', () => {
      expect(toEsdbExpectedRevision(NO_STREAM)).toBe('no_stream');
    });

    it('sends "the stream must exist" as stream_exists', () => {
      expect(toEsdbExpectedRevision(STREAM_EXISTS)).toBe('stream_exists');
    });

    it('sends an exact revision as a bigint, including revision 0', () => {
      expect(toEsdbExpectedRevision(0)).toBe(0n);
      expect(toEsdbExpectedRevision(41)).toBe(41n);
      expect(toEsdbExpectedRevision(Number.MAX_SAFE_INTEGER)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    });

    it.each([
      ['"any"', 'any'],
      ['-1', -1],
      ['a fraction', 1.5],
      ['NaN', Number.NaN],
      ['a numeric string', '3'],
      ['nothing', undefined],
    ])('refuses %s, so no append can skip the concurrency check', (_label, value) => {
      expect(() => toEsdbExpectedRevision(value as never)).toThrow(InvalidEventError);
    });
  });

  describe('from EventStoreDB', () => {
    it('reports a stream that does not exist as no_stream', () => {
      expect(toActualRevision('no_stream')).toBe(NO_STREAM);
    });

    it('reports a current revision as a number', () => {
      expect(toActualRevision(7n)).toBe(7);
    });

    it('refuses a revision beyond what a JavaScript number holds exactly', () => {
      expect(() => toActualRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    });

    it('maps ESDB expected revisions back, and rejects "any" as something Tendril never sends', () => {
      expect(fromEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
      expect(fromEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
      expect(fromEsdbExpectedRevision(12n)).toBe(12);
      expect(() => fromEsdbExpectedRevision('any')).toThrow(RangeError);
    });
  });
});
