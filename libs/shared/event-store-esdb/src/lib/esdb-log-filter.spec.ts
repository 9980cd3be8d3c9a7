import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { buildEsdbLogFilter, escapeDotNetRegex, exactTypesRegex } from './esdb-log-filter';
import { streamNaming } from './esdb-stream-naming';

const plain = streamNaming();
const namespaced = streamNaming('run-42');

describe('Log filter for EventStoreDB', () => {
  describe('without a filter', () => {
    const filter = buildEsdbLogFilter(undefined, plain);

    it('asks the server to leave out system event types', () => {
      expect(filter.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    });

    it('accepts ordinary events and refuses system types and system streams', () => {
      expect(filter.accepts('tender-1', 'TenderPublished')).toBe(true);
      expect(filter.accepts('tender-1', '$metadata')).toBe(false);
      expect(filter.accepts('$stats-127.0.0.1:2113', 'StatsCollected')).toBe(false);
      expect(filter.accepts('$ce-tender', '$>')).toBe(false);
    });
  });

  describe('with event types', () => {
    const filter = buildEsdbLogFilter({ eventTypes: ['BidSubmitted', 'BidWithdrawn'] }, plain);

    it('asks the server for exactly those types', () => {
      expect(filter.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:BidSubmitted|BidWithdrawn)$' });
    });

    it('matches types exactly, not as prefixes', () => {
      expect(filter.accepts('bid-1', 'BidSubmitted')).toBe(true);
      expect(filter.accepts('bid-1', 'BidSubmittedLate')).toBe(false);
      expect(filter.accepts('bid-1', 'TenderPublished')).toBe(false);
    });
  });

  describe('with stream prefixes', () => {
    const filter = buildEsdbLogFilter({ streamPrefixes: ['tender-', 'bid-'] }, plain);

    it('asks the server for those stream prefixes', () => {
      expect(filter.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['tender-', 'bid-'] });
    });

    it('matches prefixes literally, with no wildcard characters', () => {
      const literal = buildEsdbLogFilter({ streamPrefixes: ['a.b%'] }, plain);
      expect(literal.accepts('a.b%-1', 'X')).toBe(true);
      expect(literal.accepts('aXb%-1', 'X')).toBe(false);
      expect(filter.accepts('tender-9', 'TenderPublished')).toBe(true);
      expect(filter.accepts('subcontract-9', 'TenderPublished')).toBe(false);
    });
  });

  describe('with both types and prefixes', () => {
    const filter = buildEsdbLogFilter({ eventTypes: ['BidSubmitted'], streamPrefixes: ['bid-'] }, plain);

    it('needs both to match', () => {
      expect(filter.accepts('bid-1', 'BidSubmitted')).toBe(true);
      expect(filter.accepts('bid-1', 'BidWithdrawn')).toBe(false);
      expect(filter.accepts('tender-1', 'BidSubmitted')).toBe(false);
    });

    it('lets the server check the prefixes and checks the types as events arrive', () => {
      expect(filter.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['bid-'] });
    });
  });

  describe('with an empty list', () => {
    it.each([[{ eventTypes: [] }], [{ streamPrefixes: [] }], [{ eventTypes: ['A'], streamPrefixes: [] }]])(
      'matches nothing (%j), as the SQLite adapter does',
      (logFilter) => {
        const filter = buildEsdbLogFilter(logFilter, plain);
        expect(filter.canMatch).toBe(false);
        expect(filter.accepts('a-1', 'A')).toBe(false);
        expect(filter.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '(?!)' });
      },
    );
  });

  describe('in a namespace', () => {
    it('asks the server for the namespace only, and hides the namespace from stream names', () => {
      const filter = buildEsdbLogFilter({ eventTypes: ['A'] }, namespaced);
      expect(filter.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['run-42/'] });
      expect(filter.accepts('run-42/a-1', 'A')).toBe(true);
      expect(filter.accepts('run-41/a-1', 'A')).toBe(false);
      expect(filter.accepts('a-1', 'A')).toBe(false);
    });

    it('puts the namespace in front of every requested prefix', () => {
      const filter = buildEsdbLogFilter({ streamPrefixes: ['tender-'] }, namespaced);
      expect(filter.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['run-42/tender-'] });
      expect(filter.accepts('run-42/tender-1', 'A')).toBe(true);
      expect(filter.accepts('run-42/bid-1', 'A')).toBe(false);
    });
  });

  describe('regular expressions sent to the server', () => {
    it('escape every .NET metacharacter in an event type', () => {
      expect(escapeDotNetRegex('a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o#p q')).toBe(
        'a\\.b\\*c\\+d\\?e\\(f\\)g\\[h\\]i\\{j\\}k\\|l\\^m\\$n\\\\o\\#p\\ q',
      );
    });

    it('match whole type names only', () => {
      const regex = new RegExp(exactTypesRegex(['Tender.Published', 'BidSubmitted']));
      expect(regex.test('Tender.Published')).toBe(true);
      expect(regex.test('TenderXPublished')).toBe(false);
      expect(regex.test('BidSubmittedAgain')).toBe(false);
    });
  });
});

describe('Stream naming', () => {
  it('stores names unchanged without a namespace, and treats $-streams as not ours', () => {
    expect(plain.toStored('tender-1')).toBe('tender-1');
    expect(plain.fromStored('tender-1')).toBe('tender-1');
    expect(plain.fromStored('$settings')).toBeNull();
  });

  it('round-trips names through a namespace', () => {
    expect(namespaced.toStored('tender-1')).toBe('run-42/tender-1');
    expect(namespaced.fromStored('run-42/tender-1')).toBe('tender-1');
    expect(namespaced.fromStored('run-420/tender-1')).toBeNull();
  });

  it.each(['', '$system', 'has space', 'a/b'])('refuses the namespace %p', (namespace) => {
    expect(() => streamNaming(namespace)).toThrow(RangeError);
  });
});
