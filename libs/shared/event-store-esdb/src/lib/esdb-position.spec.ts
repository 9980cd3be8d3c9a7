import { toEsdbPosition, toPortPosition, toPortPositionOfStreamEvent, UnsupportedEsdbPositionError } from './esdb-position';

describe('Log position mapping', () => {
  describe('an event appended through gRPC (commit = prepare)', () => {
    it('becomes its commit position as a number', () => {
      expect(toPortPosition({ commit: 4096n, prepare: 4096n })).toBe(4096);
    });

    it('round-trips to the same ESDB position, so an exclusive checkpoint resumes right after it', () => {
      expect(toEsdbPosition(toPortPosition({ commit: 8_388_608n, prepare: 8_388_608n }))).toEqual({
        commit: 8_388_608n,
        prepare: 8_388_608n,
      });
    });

    it('keeps the events of one append apart, because each has its own commit position', () => {
      const appended = [1_000n, 1_180n, 1_361n].map((p) => toPortPosition({ commit: p, prepare: p }));
      expect(new Set(appended).size).toBe(3);
      expect([...appended].sort((a, b) => a - b)).toEqual(appended);
    });
  });

  it('refuses a record of a legacy explicit transaction, whose events share one commit position', () => {
    expect(() => toPortPosition({ commit: 5_000n, prepare: 4_200n })).toThrow(UnsupportedEsdbPositionError);
  });

  it('refuses a position beyond what a JavaScript number holds exactly', () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER) + 2n;
    expect(() => toPortPosition({ commit: big, prepare: big })).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p as a position to read from', (value) => {
    expect(() => toEsdbPosition(value)).toThrow(RangeError);
  });

  describe('an event read from a stream', () => {
    it('uses the position the server reports', () => {
      expect(toPortPositionOfStreamEvent({ commit: 77n, prepare: 77n }, 'tender-1', 0n)).toBe(77);
    });

    it('explains that the server is too old when it reports no position', () => {
      expect(() => toPortPositionOfStreamEvent(undefined, 'tender-1', 3n)).toThrow(/22\.6 or later/);
      expect(() => toPortPositionOfStreamEvent({ commit: 0n, prepare: 0n }, 'tender-1', 3n)).toThrow(
        UnsupportedEsdbPositionError,
      );
    });
  });
});
