import { generateKeyPairSync } from 'node:crypto';
import type { RecordedEvent } from '@tendril/shared/event-store';
import { canonicalEventContent, type ChainLink, linkAfter } from './chain-link';
import { signCheckpoint } from './checkpoint';
import { type ChainedEvent, verifyChain } from './verify-chain';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** A chained log of `count` events at positions 1..count, as a store would return it. */
const aLog = (count: number): ChainedEvent[] => {
  const log: ChainedEvent[] = [];
  let previous: ChainLink | null = null;
  for (let n = 0; n < count; n += 1) {
    const event: RecordedEvent = {
      streamName: `bid-${n % 3}`,
      revision: Math.floor(n / 3),
      position: n + 1,
      type: 'BidAmended',
      data: { amountPence: 1000 + n },
      metadata: {
        eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        schemaVersion: 1,
        occurredAt: '2026-11-22T00:00:00.000Z',
        correlationId: 'c',
        causationId: null,
        actor: { userId: 'u', role: 'provider', organisationId: 'o' },
      },
      recordedAt: '2026-11-22T00:00:01.000Z',
    };
    const link: ChainLink = linkAfter(previous, canonicalEventContent(event), event.streamName, event.revision);
    log.push({ event, link });
    previous = link;
  }
  return log;
};

async function* from(log: readonly ChainedEvent[]): AsyncIterable<ChainedEvent> {
  yield* log;
}

const verify = (log: readonly ChainedEvent[], checkpoints = [] as ReturnType<typeof signCheckpoint>[]) =>
  verifyChain({ events: from(log), checkpoints, publicKeys: [publicKey] });

const checkpointAt = (log: readonly ChainedEvent[], position: number) => {
  const entry = log[position - 1] as ChainedEvent;
  return signCheckpoint({ position, sequence: (entry.link as ChainLink).sequence, hash: (entry.link as ChainLink).hash }, privateKey, new Date());
};

describe('Verifying the chain', () => {
  it('passes an untouched log and reports its head', async () => {
    const log = aLog(6);
    const result = await verify(log, [checkpointAt(log, 4)]);
    expect(result.intact).toBe(true);
    expect(result.eventsChecked).toBe(6);
    expect(result.head).toEqual({ position: 6, sequence: 5, hash: log[5]?.link?.hash });
    expect(result.checkpoints).toEqual([expect.objectContaining({ signatureValid: true, stillInLog: true })]);
  });

  it('names an event whose data was changed', async () => {
    const log = aLog(6);
    const target = log[2] as ChainedEvent;
    log[2] = { ...target, event: { ...target.event, data: { amountPence: 1 } } };
    const result = await verify(log);
    expect(result.firstBreak).toMatchObject({ kind: 'DATA_CHANGED', position: 3, afterPosition: 2 });
    expect(result.breaks).toHaveLength(1);
  });

  it('names the gap left by a deleted event', async () => {
    const log = aLog(6);
    log.splice(3, 1);
    const result = await verify(log);
    expect(result.firstBreak).toMatchObject({ kind: 'EVENT_MISSING', position: 5, afterPosition: 3 });
    expect(result.breaks).toHaveLength(1);
  });

  it('tells two swapped events from a deletion', async () => {
    const log = aLog(6);
    const [second, fifth] = [log[1] as ChainedEvent, log[4] as ChainedEvent];
    // The rows trade places; positions stay where they are, as when rows are moved in the file.
    log[1] = { ...fifth, event: { ...fifth.event, position: 2 } };
    log[4] = { ...second, event: { ...second.event, position: 5 } };
    const result = await verify(log);
    expect(result.firstBreak).toMatchObject({ kind: 'ORDER_CHANGED', position: 2, afterPosition: 1 });
    expect(result.firstBreak?.message).toMatch(/out of order/);
    expect(result.breaks).toHaveLength(1);
  });

  it('notices a replaced event whose hash was recomputed, at the event after it', async () => {
    const log = aLog(4);
    const target = log[1] as ChainedEvent;
    const forged = { ...target.event, data: { amountPence: 1 } };
    log[1] = { event: forged, link: linkAfter(log[0]?.link ?? null, canonicalEventContent(forged), forged.streamName, forged.revision) };
    const result = await verify(log);
    expect(result.firstBreak).toMatchObject({ kind: 'LINK_BROKEN', position: 3 });
  });

  it('catches a tail cut below a signed checkpoint', async () => {
    const log = aLog(6);
    const checkpoint = checkpointAt(log, 5);
    const result = await verify(log.slice(0, 3), [checkpoint]);
    expect(result.firstBreak).toMatchObject({ kind: 'TAIL_TRUNCATED', position: null, afterPosition: 3 });
    expect(result.firstBreak?.message).toMatch(/ends at position 3/);
  });

  it('catches a whole log rebuilt with fresh hashes, at the signed checkpoint', async () => {
    const original = aLog(5);
    const checkpoint = checkpointAt(original, 4);
    const rebuilt = aLog(5);
    const first = rebuilt[0] as ChainedEvent;
    const forged = { ...first.event, data: { amountPence: 7 } };
    let previous: ChainLink | null = null;
    const rewritten = [{ ...first, event: forged }, ...rebuilt.slice(1)].map((entry) => {
      const link = linkAfter(previous, canonicalEventContent(entry.event), entry.event.streamName, entry.event.revision);
      previous = link;
      return { event: entry.event, link };
    });
    const result = await verify(rewritten, [checkpoint]);
    expect(result.firstBreak).toMatchObject({ kind: 'CHECKPOINT_MISMATCH', position: 4 });
  });

  it('refuses a checkpoint whose signature does not verify', async () => {
    const log = aLog(3);
    const checkpoint = { ...checkpointAt(log, 2), signedAt: '2030-01-01T00:00:00.000Z' };
    const result = await verify(log, [checkpoint]);
    expect(result.firstBreak).toMatchObject({ kind: 'CHECKPOINT_SIGNATURE_INVALID', position: 2 });
  });

  it('flags an event that carries no link at all', async () => {
    const log = aLog(3);
    log[1] = { event: (log[1] as ChainedEvent).event, link: null };
    const result = await verify(log);
    expect(result.firstBreak).toMatchObject({ kind: 'UNCHAINED_EVENT', position: 2 });
  });
});
