import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { type ChainedEvent, type ChainLink, recomputeHash, verifyChain } from '@tendril/shared/audit-chain';
import type { EventToAppend } from '@tendril/shared/event-store';
import { AUDIT_CHAIN_METADATA_KEY, chainLinkFromEsdbMetadata, chainLinksForAppend, firstRevisionOfAppend } from './esdb-audit-chain';
import { fromEsdbRecordedEvent, toEsdbEventData } from './esdb-event-mapping';

const anEvent = (n: number, eventId = `5B1C2A4E-8F3D-4C71-9E0A-${String(n).padStart(12, '0')}`): EventToAppend => ({
  type: 'BidAmended',
  data: { bidId: 'bid-1', priceInPence: 1_000 + n, note: null },
  metadata: {
    eventId,
    schemaVersion: 1,
    occurredAt: '2026-03-01T09:30:00.000Z',
    correlationId: 'corr-1',
    causationId: n === 0 ? null : 'cmd-7',
    actor: { userId: 'user-1', role: 'provider', organisationId: 'org-9' },
  },
});

/** What the server hands back after storing the event with its link: a JSON round trip, the id in lower case. */
const storedAs = (event: EventToAppend, link: ChainLink, revision: number, commit: number): EsdbRecordedEvent => {
  const sent = toEsdbEventData(event, link);
  return {
    streamId: 'bid-1',
    id: sent.id.toLowerCase(),
    isJson: true,
    revision: BigInt(revision),
    type: sent.type,
    created: new Date('2026-03-01T09:30:00.123Z'),
    data: JSON.parse(JSON.stringify(sent.data)),
    metadata: JSON.parse(JSON.stringify(sent.metadata)),
    position: { commit: BigInt(commit), prepare: BigInt(commit) },
  } as EsdbRecordedEvent;
};

/** A stream of `count` events appended one by one, as the adapter chains them, read back from $all. */
const aChainedLog = (count: number): ChainedEvent[] => {
  const log: ChainedEvent[] = [];
  let head: ChainLink | null = null;
  for (let n = 0; n < count; n += 1) {
    const event = anEvent(n);
    const [link] = chainLinksForAppend(head, 'bid-1', firstRevisionOfAppend(n === 0 ? 'no_stream' : n - 1, null), [event]) as [ChainLink];
    const stored = storedAs(event, link, n, 1_000 * (n + 1));
    log.push({ event: fromEsdbRecordedEvent(stored, 'bid-1', 1_000 * (n + 1)), link: chainLinkFromEsdbMetadata(stored.metadata) });
    head = link;
  }
  return log;
};

async function* from(log: readonly ChainedEvent[]): AsyncIterable<ChainedEvent> {
  yield* log;
}

describe('The audit chain kept in EventStoreDB metadata', () => {
  it('travels in the metadata and is taken out again before the event reaches a reader', () => {
    const event = anEvent(1);
    const [link] = chainLinksForAppend(null, 'bid-1', 0, [event]) as [ChainLink];
    const stored = storedAs(event, link, 0, 900);

    expect((stored.metadata as Record<string, unknown>)[AUDIT_CHAIN_METADATA_KEY]).toEqual(link);
    expect(chainLinkFromEsdbMetadata(stored.metadata)).toEqual(link);
    expect(fromEsdbRecordedEvent(stored, 'bid-1', 900).metadata).not.toHaveProperty(AUDIT_CHAIN_METADATA_KEY);
  });

  it('hashes to the same value after the round trip, though ESDB lower-cases the event id', () => {
    const event = anEvent(2);
    const [link] = chainLinksForAppend(null, 'bid-1', 5, [event]) as [ChainLink];
    const readBack = fromEsdbRecordedEvent(storedAs(event, link, 5, 900), 'bid-1', 900);

    expect(readBack.metadata.eventId).toBe(event.metadata.eventId.toLowerCase());
    expect(recomputeHash(readBack, link.sequence, link.previousHash)).toBe(link.hash);
  });

  it('chains the events of one append to each other, with consecutive revisions', () => {
    const links = chainLinksForAppend({ sequence: 9, hash: 'f'.repeat(64) }, 'bid-1', 3, [anEvent(1), anEvent(2), anEvent(3)]);

    expect(links.map((link) => link.sequence)).toEqual([10, 11, 12]);
    expect(links[0]?.previousHash).toBe('f'.repeat(64));
    expect(links[1]?.previousHash).toBe(links[0]?.hash);
    expect(links[2]?.previousHash).toBe(links[1]?.hash);
  });

  it('gives the revision each expected revision leads to', () => {
    expect(firstRevisionOfAppend('no_stream', null)).toBe(0);
    expect(firstRevisionOfAppend(4, null)).toBe(5);
    expect(firstRevisionOfAppend('stream_exists', 7)).toBe(8);
    expect(() => firstRevisionOfAppend('stream_exists', null)).toThrow(RangeError);
  });

  it('is verified by the same code as the embedded store, positions with gaps and all', async () => {
    const log = aChainedLog(5);
    expect(await verifyChain({ events: from(log), checkpoints: [], publicKeys: [] })).toMatchObject({ intact: true, eventsChecked: 5 });

    const target = log[2] as ChainedEvent;
    log[2] = { ...target, event: { ...target.event, data: { bidId: 'bid-1', priceInPence: 1 } } };
    expect((await verifyChain({ events: from(log), checkpoints: [], publicKeys: [] })).firstBreak).toMatchObject({
      kind: 'DATA_CHANGED',
      position: 3_000,
      afterPosition: 2_000,
    });
  });

  it('reads an event without a link (or with a malformed one) as unchained', () => {
    expect(chainLinkFromEsdbMetadata({ $correlationId: 'c' })).toBeNull();
    expect(chainLinkFromEsdbMetadata({ [AUDIT_CHAIN_METADATA_KEY]: { sequence: '1' } })).toBeNull();
  });
});
