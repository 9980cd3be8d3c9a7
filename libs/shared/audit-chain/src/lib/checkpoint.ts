import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What a checkpoint asserts: the chain had reached this event, with this hash, by this time. */
export interface CheckpointStatement {
  readonly position: number;
  readonly sequence: number;
  readonly hash: string;
  /** ISO-8601 instant of signing. */
  readonly signedAt: string;
  /** Names the public key that verifies the signature (see keyIdOf). */
  readonly keyId: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  /** Base64 Ed25519 signature over the RFC 8785 canonical JSON of the statement (UTF-8). */
  readonly signature: string;
}

export const checkpointBytes = (statement: CheckpointStatement): Buffer =>
  Buffer.from(
    canonicalJson({
      hash: statement.hash,
      keyId: statement.keyId,
      position: statement.position,
      sequence: statement.sequence,
      signedAt: statement.signedAt,
    }),
    'utf8',
  );

const requireEd25519 = (key: KeyObject, what: string): KeyObject => {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`the audit ${what} must be an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
  }
  return key;
};

/** First 16 hex digits of the SHA-256 of the public key's SPKI DER encoding. */
export const keyIdOf = (key: KeyObject): string => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
};

/** A PKCS#8 private key, as PEM or as base64 of the DER bytes. */
export const ed25519PrivateKeyFrom = (text: string): KeyObject => {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  return requireEd25519(key, 'signing key');
};

/** An SPKI public key as PEM (what `audit public-key` prints for auditors). */
export const ed25519PublicKeyFrom = (pem: string): KeyObject => requireEd25519(createPublicKey(pem.trim()), 'public key');

export const publicKeyPem = (key: KeyObject): string =>
  (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString();

export const signCheckpoint = (
  head: { readonly position: number; readonly sequence: number; readonly hash: string },
  privateKey: KeyObject,
  signedAt: Date,
): SignedCheckpoint => {
  requireEd25519(privateKey, 'signing key');
  const statement: CheckpointStatement = {
    position: head.position,
    sequence: head.sequence,
    hash: head.hash,
    signedAt: signedAt.toISOString(),
    keyId: keyIdOf(privateKey),
  };
  return { ...statement, signature: sign(null, checkpointBytes(statement), privateKey).toString('base64') };
};

/** True when the signature is the named key's signature over exactly this statement. */
export const checkpointSignatureIsValid = (checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean => {
  if (keyIdOf(publicKey) !== checkpoint.keyId) return false;
  try {
    return verify(null, checkpointBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
};
