export { canonicalJson } from './lib/canonical-json';
export {
  type CanonicalEventContent,
  canonicalEventContent,
  type ChainableEvent,
  chainedEventBytes,
  type ChainLink,
  GENESIS_HASH,
  linkAfter,
  parseChainLink,
  recomputeHash,
  sha256Hex,
} from './lib/chain-link';
export {
  type CheckpointStatement,
  checkpointBytes,
  checkpointSignatureIsValid,
  ed25519PrivateKeyFrom,
  ed25519PublicKeyFrom,
  keyIdOf,
  publicKeyPem,
  type SignedCheckpoint,
  signCheckpoint,
} from './lib/checkpoint';
export {
  type ChainBreak,
  type ChainBreakKind,
  type ChainedEvent,
  type ChainVerification,
  type CheckpointVerdict,
  verifyChain,
  type VerifyChainOptions,
} from './lib/verify-chain';
export type { AuditTrail } from './lib/audit-trail';
