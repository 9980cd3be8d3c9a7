import type { EventMetadata } from '@tendril/shared/event-store';
import { canonicalJson } from './canonical-json';
import { canonicalEventContent, chainedEventBytes, GENESIS_HASH, linkAfter, parseChainLink, recomputeHash, sha256Hex } from './chain-link';

const metadata: EventMetadata = {
  eventId: '6F1C2B9E-3D4A-4C5B-9E8F-0A1B2C3D4E5F',
  schemaVersion: 1,
  occurredAt: '2026-11-22T00:00:00.000Z',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: null,
  actor: { userId: 'u-1', role: 'commissioner', organisationId: 'org-1' },
};
const event = { streamName: 'tender-1', revision: 0, type: 'TenderDrafted', data: { title: 'Youth work', lots: [2, 1] }, metadata };

describe('An event chain link', () => {
  it('covers exactly the canonical JSON of the documented object', () => {
    const bytes = chainedEventBytes(canonicalEventContent(event), 'tender-1', 0, 0, GENESIS_HASH);
    const { eventId, ...rest } = metadata;
    expect(bytes).toBe(
      canonicalJson({
        streamName: 'tender-1',
        revision: 0,
        sequence: 0,
        previousHash: GENESIS_HASH,
        type: 'TenderDrafted',
        eventId: eventId.toLowerCase(),
        data: event.data,
        metadata: rest,
      }),
    );
  });

  it('starts the log from the genesis hash and then follows the previous hash', () => {
    const first = linkAfter(null, canonicalEventContent(event), 'tender-1', 0);
    const second = linkAfter(first, canonicalEventContent({ ...event, type: 'TenderPublished' }), 'tender-1', 1);
    expect(first).toEqual({ sequence: 0, previousHash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(second.sequence).toBe(1);
    expect(second.previousHash).toBe(first.hash);
    expect(recomputeHash({ ...event, type: 'TenderPublished', revision: 1 }, 1, first.hash)).toBe(second.hash);
  });

  it('changes when any covered field changes', () => {
    const base = recomputeHash(event, 3, GENESIS_HASH);
    expect(recomputeHash({ ...event, data: { title: 'Youth work', lots: [1, 2] } }, 3, GENESIS_HASH)).not.toBe(base);
    expect(recomputeHash({ ...event, revision: 1 }, 3, GENESIS_HASH)).not.toBe(base);
    expect(recomputeHash(event, 4, GENESIS_HASH)).not.toBe(base);
    expect(recomputeHash(event, 3, sha256Hex('other'))).not.toBe(base);
    expect(recomputeHash({ ...event, metadata: { ...metadata, actor: { ...metadata.actor, userId: 'u-2' } } }, 3, GENESIS_HASH)).not.toBe(base);
  });

  it('does not depend on key order or the case of the event id', () => {
    const reordered = { ...event, data: { lots: [2, 1], title: 'Youth work' }, metadata: { ...metadata, eventId: metadata.eventId.toLowerCase() } };
    expect(recomputeHash(reordered, 0, GENESIS_HASH)).toBe(recomputeHash(event, 0, GENESIS_HASH));
  });

  it('reads only well-formed links back from storage', () => {
    expect(parseChainLink({ sequence: 2, previousHash: GENESIS_HASH, hash: sha256Hex('x') })).toEqual({
      sequence: 2,
      previousHash: GENESIS_HASH,
      hash: sha256Hex('x'),
    });
    expect(parseChainLink({ sequence: -1, previousHash: GENESIS_HASH, hash: sha256Hex('x') })).toBeNull();
    expect(parseChainLink({ sequence: 1, previousHash: 'nope', hash: sha256Hex('x') })).toBeNull();
    expect(parseChainLink(undefined)).toBeNull();
  });
});
