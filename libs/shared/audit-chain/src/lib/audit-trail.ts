import type { SignedCheckpoint } from './checkpoint';
import type { ChainedEvent } from './verify-chain';

/** What a store offers the audit tools: its events with their links, and a place for signed checkpoints. */
export interface AuditTrail {
  /** The whole log in log order, each event with the link the store kept for it. */
  readAuditChain(): AsyncIterable<ChainedEvent>;
  auditCheckpoints(): Promise<SignedCheckpoint[]>;
  saveAuditCheckpoint(checkpoint: SignedCheckpoint): Promise<void>;
  /** The last position in the log (null when empty), for progress. */
  headPosition(): Promise<number | null>;
}
