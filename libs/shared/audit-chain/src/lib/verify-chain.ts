import type { KeyObject } from 'node:crypto';
import type { RecordedEvent } from '@tendril/shared/event-store';
import { type ChainLink, GENESIS_HASH, recomputeHash } from './chain-link';
import { checkpointSignatureIsValid, keyIdOf, type SignedCheckpoint } from './checkpoint';

/** An event as read from a store, with the link the store kept for it (null when it has none). */
export interface ChainedEvent {
  readonly event: RecordedEvent;
  readonly link: ChainLink | null;
}

export type ChainBreakKind =
  /** The event's content no longer matches its hash. */
  | 'DATA_CHANGED'
  /** The chain skips one or more events: they were deleted. */
  | 'EVENT_MISSING'
  /** An event turns up where another belongs: events were moved. */
  | 'ORDER_CHANGED'
  /** The event's own hash holds but it names another predecessor: the event before it was replaced. */
  | 'LINK_BROKEN'
  /** An event with no chain link: written around the store. */
  | 'UNCHAINED_EVENT'
  /** The log ends before an event a signed checkpoint covers: its tail was cut off. */
  | 'TAIL_TRUNCATED'
  /** The event at a signed checkpoint is not the one that was signed: the log was rewritten. */
  | 'CHECKPOINT_MISMATCH'
  /** A stored checkpoint's signature does not verify with any key given. */
  | 'CHECKPOINT_SIGNATURE_INVALID';

export interface ChainBreak {
  readonly kind: ChainBreakKind;
  /** The position at which the break shows, or null when the events there are gone (a cut tail). */
  readonly position: number | null;
  /** The last position before the break that still chains correctly (null: none). */
  readonly afterPosition: number | null;
  /** A sentence for a person. */
  readonly message: string;
}

export interface CheckpointVerdict {
  readonly checkpoint: SignedCheckpoint;
  readonly signatureValid: boolean;
  /** The log still holds the signed event at the signed position. */
  readonly stillInLog: boolean;
}

export interface ChainVerification {
  readonly intact: boolean;
  readonly eventsChecked: number;
  /** The last event read (position, sequence, hash), for a new checkpoint. */
  readonly head: { readonly position: number; readonly sequence: number; readonly hash: string } | null;
  /** The earliest break in log order; chain breaks come before checkpoint problems found only at the end. */
  readonly firstBreak: ChainBreak | null;
  readonly breaks: readonly ChainBreak[];
  readonly checkpoints: readonly CheckpointVerdict[];
}

export interface VerifyChainOptions {
  /** The whole log, in log order. */
  readonly events: AsyncIterable<ChainedEvent>;
  readonly checkpoints: readonly SignedCheckpoint[];
  /** Keys that may have signed the checkpoints (matched by key id). */
  readonly publicKeys: readonly KeyObject[];
  readonly onProgress?: (eventsChecked: number, position: number) => void;
}

/** A hand-edited event may not even have the shape of one (metadata that is not an object): then it fails. */
const hashHolds = (event: RecordedEvent, link: ChainLink): boolean => {
  try {
    return recomputeHash(event, link.sequence, link.previousHash) === link.hash;
  } catch {
    return false;
  }
};

const describe = (event: RecordedEvent): string => `"${event.type}" (stream ${event.streamName}, revision ${event.revision})`;

/**
 * Walks the whole log once, checking each event's hash and its link to the one before, then checks
 * every signed checkpoint against what was read. After a break it re-synchronises on the stored
 * link, so later breaks and checkpoints are still checked and the first break can be named precisely
 * (a gap whose missing event turns up later is a move, not a deletion).
 */
export const verifyChain = async (options: VerifyChainOptions): Promise<ChainVerification> => {
  const keys = new Map(options.publicKeys.map((key) => [keyIdOf(key), key]));
  const atPosition = new Map<number, SignedCheckpoint[]>();
  for (const checkpoint of options.checkpoints) atPosition.set(checkpoint.position, [...(atPosition.get(checkpoint.position) ?? []), checkpoint]);
  const seenAtCheckpoint = new Map<SignedCheckpoint, boolean>();

  const breaks: ChainBreak[] = [];
  // A gap stays "missing" unless the skipped sequence numbers turn up later in the walk.
  const gaps: { index: number; from: number; to: number }[] = [];
  let expectedSequence = 0;
  let previousHash = GENESIS_HASH;
  let lastPosition: number | null = null;
  let head: ChainVerification['head'] = null;
  let checked = 0;

  for await (const { event, link } of options.events) {
    checked += 1;
    const position = event.position;
    if (!link) {
      breaks.push({
        kind: 'UNCHAINED_EVENT',
        position,
        afterPosition: lastPosition,
        message: `The event at position ${position}, ${describe(event)}, has no chain hash: it was written around the event store.`,
      });
    } else {
      if (!hashHolds(event, link)) {
        breaks.push({
          kind: 'DATA_CHANGED',
          position,
          afterPosition: lastPosition,
          message: `The event at position ${position}, ${describe(event)}, does not match its recorded hash: its content was changed after it was written.`,
        });
      } else if (link.sequence > expectedSequence) {
        const missing = link.sequence - expectedSequence;
        gaps.push({ index: breaks.length, from: expectedSequence, to: link.sequence - 1 });
        breaks.push({
          kind: 'EVENT_MISSING',
          position,
          afterPosition: lastPosition,
          message:
            `${missing} event${missing === 1 ? ' is' : 's are'} missing before position ${position}` +
            `${lastPosition === null ? '' : ` (after position ${lastPosition})`}: they were deleted from the log.`,
        });
      } else if (link.sequence < expectedSequence) {
        const gap = gaps.find((g) => link.sequence >= g.from && link.sequence <= g.to);
        if (gap) {
          const moved = breaks[gap.index] as ChainBreak;
          if (moved.kind === 'EVENT_MISSING') breaks[gap.index] = {
            ...moved,
            kind: 'ORDER_CHANGED',
            message: `The event at position ${moved.position} is out of order: it belongs further on, and the event that belongs there turns up later. Events were moved.`,
          };
        } else {
          breaks.push({
            kind: 'ORDER_CHANGED',
            position,
            afterPosition: lastPosition,
            message: `The event at position ${position}, ${describe(event)}, belongs earlier in the log (chain index ${link.sequence}): events were moved or copied.`,
          });
        }
      } else if (link.previousHash !== previousHash) {
        breaks.push({
          kind: 'LINK_BROKEN',
          position,
          afterPosition: lastPosition,
          message: `The event at position ${position}, ${describe(event)}, was chained to a different predecessor: the event before it was replaced.`,
        });
      }
      for (const checkpoint of atPosition.get(position) ?? []) {
        seenAtCheckpoint.set(checkpoint, link.hash === checkpoint.hash && link.sequence === checkpoint.sequence);
      }
      // Re-synchronise on what is stored, so one break is reported once and later ones are still found.
      if (link.sequence >= expectedSequence - 1) {
        expectedSequence = link.sequence + 1;
        previousHash = link.hash;
      }
      head = { position, sequence: link.sequence, hash: link.hash };
    }
    lastPosition = position;
    options.onProgress?.(checked, position);
  }

  const verdicts: CheckpointVerdict[] = [];
  const checkpointBreaks: ChainBreak[] = [];
  for (const checkpoint of [...options.checkpoints].sort((a, b) => a.position - b.position)) {
    const key = keys.get(checkpoint.keyId);
    const signatureValid = key !== undefined && checkpointSignatureIsValid(checkpoint, key);
    const stillInLog = seenAtCheckpoint.get(checkpoint) === true;
    verdicts.push({ checkpoint, signatureValid, stillInLog });
    const signed = `the checkpoint signed at ${checkpoint.signedAt} for position ${checkpoint.position}`;
    if (!signatureValid) {
      checkpointBreaks.push({
        kind: 'CHECKPOINT_SIGNATURE_INVALID',
        position: checkpoint.position,
        afterPosition: null,
        message: key
          ? `The signature of ${signed} does not verify: the checkpoint was forged or edited.`
          : `No public key with id ${checkpoint.keyId} was given, so ${signed} cannot be verified.`,
      });
    } else if (lastPosition === null || checkpoint.position > lastPosition) {
      checkpointBreaks.push({
        kind: 'TAIL_TRUNCATED',
        position: null,
        afterPosition: lastPosition,
        message:
          `The log ends at ${lastPosition === null ? 'nothing (it is empty)' : `position ${lastPosition}`}, but ${signed} ` +
          `covers ${checkpoint.sequence + 1} events: the end of the log was cut off.`,
      });
    } else if (!stillInLog) {
      checkpointBreaks.push({
        kind: 'CHECKPOINT_MISMATCH',
        position: checkpoint.position,
        afterPosition: null,
        message: `The log no longer holds the event that ${signed} covers: the log was rewritten up to there after it was signed.`,
      });
    }
  }

  const all = [...breaks, ...checkpointBreaks];
  return {
    intact: all.length === 0,
    eventsChecked: checked,
    head,
    firstBreak: all[0] ?? null,
    breaks: all,
    checkpoints: verdicts,
  };
};
