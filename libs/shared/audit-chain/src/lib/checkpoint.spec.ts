import { generateKeyPairSync } from 'node:crypto';
import { GENESIS_HASH } from './chain-link';
import { checkpointSignatureIsValid, ed25519PrivateKeyFrom, ed25519PublicKeyFrom, keyIdOf, publicKeyPem, signCheckpoint } from './checkpoint';

const head = { position: 12, sequence: 11, hash: 'a'.repeat(64) };
const signedAt = new Date('2026-11-22T01:00:00.000Z');

describe('A signed checkpoint', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('verifies with the public key an auditor was given', () => {
    const checkpoint = signCheckpoint(head, privateKey, signedAt);
    expect(checkpoint).toMatchObject({ ...head, signedAt: '2026-11-22T01:00:00.000Z', keyId: keyIdOf(publicKey) });
    expect(checkpointSignatureIsValid(checkpoint, ed25519PublicKeyFrom(publicKeyPem(privateKey)))).toBe(true);
  });

  it('no longer verifies when its position, hash or time is edited', () => {
    const checkpoint = signCheckpoint(head, privateKey, signedAt);
    expect(checkpointSignatureIsValid({ ...checkpoint, position: 13 }, publicKey)).toBe(false);
    expect(checkpointSignatureIsValid({ ...checkpoint, hash: GENESIS_HASH }, publicKey)).toBe(false);
    expect(checkpointSignatureIsValid({ ...checkpoint, signedAt: '2027-01-01T00:00:00.000Z' }, publicKey)).toBe(false);
  });

  it('does not verify with another key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(checkpointSignatureIsValid(signCheckpoint(head, privateKey, signedAt), other.publicKey)).toBe(false);
  });

  it('loads the signing key from PEM or from base64 PKCS#8, and refuses other key types', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const base64 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(keyIdOf(ed25519PrivateKeyFrom(pem))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(ed25519PrivateKeyFrom(base64))).toBe(keyIdOf(publicKey));
    const rsa = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => ed25519PrivateKeyFrom(rsa)).toThrow(/must be an Ed25519 key/);
  });
});
