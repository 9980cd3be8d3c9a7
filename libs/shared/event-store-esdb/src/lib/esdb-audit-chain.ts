import { canonicalEventContent, type ChainLink, linkAfter, parseChainLink } from '@tendril/shared/audit-chain';
import { type EventToAppend, type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from '@tendril/shared/event-store';

/** The key under which each event's chain link sits in its ESDB JSON metadata (removed again on read). */
export const AUDIT_CHAIN_METADATA_KEY = 'tendrilAuditChain';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** The link an event carries in its ESDB metadata, or null when it carries none (or a malformed one). */
export const chainLinkFromEsdbMetadata = (raw: unknown): ChainLink | null =>
  isRecord(raw) ? parseChainLink(raw[AUDIT_CHAIN_METADATA_KEY]) : null;

/**
 * The stream revision the first event of an append will get. ESDB assigns revisions itself, but the
 * hash covers the revision, so a STREAM_EXISTS append must be sent with the exact revision it saw.
 */
export const firstRevisionOfAppend = (expected: ExpectedRevision, currentRevision: number | null): number => {
  if (expected === NO_STREAM) return 0;
  if (expected === STREAM_EXISTS) {
    if (currentRevision === null) throw new RangeError('a STREAM_EXISTS append needs the stream\'s current revision');
    return currentRevision + 1;
  }
  return expected + 1;
};

/** The links of an append's events, continuing the chain after `head` (null: the log has no chained event yet). */
export const chainLinksForAppend = (
  head: Pick<ChainLink, 'sequence' | 'hash'> | null,
  streamName: string,
  firstRevision: number,
  events: readonly EventToAppend[],
): ChainLink[] => {
  const links: ChainLink[] = [];
  let previous = head;
  events.forEach((event, index) => {
    const link = linkAfter(previous, canonicalEventContent(event), streamName, firstRevision + index);
    links.push(link);
    previous = link;
  });
  return links;
};
