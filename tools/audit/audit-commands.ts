import type { KeyObject } from 'node:crypto';
import { type AuditTrail, type ChainVerification, type SignedCheckpoint, signCheckpoint, verifyChain } from '@tendril/shared/audit-chain';

export interface VerifyProgress {
  start(total: number): void;
  update(eventsChecked: number, position: number): void;
  stop(): void;
}

/** Walks the whole log and checks every stored checkpoint against it. */
export const verifyAuditTrail = async (
  trail: AuditTrail,
  publicKeys: readonly KeyObject[],
  progress?: VerifyProgress,
): Promise<{ result: ChainVerification; checkpoints: SignedCheckpoint[] }> => {
  const checkpoints = await trail.auditCheckpoints();
  progress?.start((await trail.headPosition()) ?? 0);
  try {
    const result = await verifyChain({
      events: trail.readAuditChain(),
      checkpoints,
      publicKeys,
      ...(progress ? { onProgress: (checked: number, position: number) => progress.update(checked, position) } : {}),
    });
    return { result, checkpoints };
  } finally {
    progress?.stop();
  }
};

export type CheckpointOutcome =
  | { readonly signed: true; readonly checkpoint: SignedCheckpoint; readonly verification: ChainVerification }
  | { readonly signed: false; readonly reason: 'EMPTY_LOG' | 'CHAIN_BROKEN'; readonly verification: ChainVerification };

/**
 * Signs the head of the chain, but only after verifying the whole log: signing a damaged log would
 * bless the damage.
 */
export const writeCheckpoint = async (
  trail: AuditTrail,
  signingKey: KeyObject,
  publicKeys: readonly KeyObject[],
  now: Date,
  progress?: VerifyProgress,
): Promise<CheckpointOutcome> => {
  const { result } = await verifyAuditTrail(trail, publicKeys, progress);
  if (!result.intact) return { signed: false, reason: 'CHAIN_BROKEN', verification: result };
  if (!result.head) return { signed: false, reason: 'EMPTY_LOG', verification: result };
  const checkpoint = signCheckpoint(result.head, signingKey, now);
  await trail.saveAuditCheckpoint(checkpoint);
  return { signed: true, checkpoint, verification: result };
};
