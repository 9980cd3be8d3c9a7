import { hash } from 'node:crypto';
import type { EventMetadata } from '@tendril/shared/event-store';
import { canonicalJson } from './canonical-json';

/** The previous hash of the first event in a log. */
export const GENESIS_HASH = '0'.repeat(64);

/** What each event carries to tie it to the one before it in the global log. */
export interface ChainLink {
  /** 0-based index of the event in the chain (the embedded store's position minus one). */
  readonly sequence: number;
  /** `hash` of the event at `sequence - 1`, or GENESIS_HASH for the first event. */
  readonly previousHash: string;
  /** Lower-case hex SHA-256 of the event's canonical bytes (see chainedEventBytes). */
  readonly hash: string;
}

/** The parts of an event its hash covers, apart from its place in the log. */
export interface ChainableEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * The canonical pieces of an event that do not depend on where it lands: computed once when the
 * append is accepted (a snapshot, so a caller mutating its objects later cannot change the hash).
 */
export interface CanonicalEventContent {
  readonly type: string;
  readonly eventId: string;
  readonly data: string;
  readonly metadata: string;
}

export const canonicalEventContent = (event: Pick<ChainableEvent, 'type' | 'data' | 'metadata'>): CanonicalEventContent => {
  const { eventId, ...metadata } = event.metadata;
  return {
    type: canonicalJson(event.type),
    // ESDB hands event ids back in lower case; hashing them lower-cased lets both stores agree.
    eventId: canonicalJson(eventId.toLowerCase()),
    data: canonicalJson(event.data),
    metadata: canonicalJson(metadata),
  };
};

/**
 * The bytes an event's hash covers: the RFC 8785 canonical JSON (UTF-8) of
 * { data, eventId (lower case), metadata (without eventId), previousHash, revision, sequence, streamName, type }.
 * Built by concatenation in sorted-key order, which is exactly canonicalJson of that object.
 */
export const chainedEventBytes = (
  content: CanonicalEventContent,
  streamName: string,
  revision: number,
  sequence: number,
  previousHash: string,
): string =>
  `{"data":${content.data},"eventId":${content.eventId},"metadata":${content.metadata},"previousHash":${JSON.stringify(previousHash)},` +
  `"revision":${canonicalJson(revision)},"sequence":${canonicalJson(sequence)},"streamName":${JSON.stringify(streamName)},"type":${content.type}}`;

// One-shot hashing: this runs for every event appended, inside the append path.
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** The link of an event appended after `previous` (null for the first event of the log). */
export const linkAfter = (
  previous: Pick<ChainLink, 'sequence' | 'hash'> | null,
  content: CanonicalEventContent,
  streamName: string,
  revision: number,
): ChainLink => {
  const sequence = previous ? previous.sequence + 1 : 0;
  const previousHash = previous ? previous.hash : GENESIS_HASH;
  return { sequence, previousHash, hash: sha256Hex(chainedEventBytes(content, streamName, revision, sequence, previousHash)) };
};

/** Recomputes an event's hash from what is stored, for verification. */
export const recomputeHash = (event: ChainableEvent, sequence: number, previousHash: string): string =>
  sha256Hex(chainedEventBytes(canonicalEventContent(event), event.streamName, event.revision, sequence, previousHash));

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Reads a link from untrusted storage (ESDB metadata, a SQLite row), or null when it is not one. */
export const parseChainLink = (raw: unknown): ChainLink | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const { sequence, previousHash, hash } = raw as Record<string, unknown>;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) return null;
  if (typeof previousHash !== 'string' || !HEX_HASH.test(previousHash)) return null;
  if (typeof hash !== 'string' || !HEX_HASH.test(hash)) return null;
  return { sequence, previousHash, hash };
};
