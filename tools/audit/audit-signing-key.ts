import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ed25519PrivateKeyFrom } from '@tendril/shared/audit-chain';

export interface AuditKeyConfig {
  /** AUDIT_SIGNING_KEY: a PKCS#8 Ed25519 private key, PEM or base64 DER. Wins over the key file. */
  readonly keyText: string | undefined;
  /** AUDIT_SIGNING_KEY_FILE, else DATA_DIR/audit-signing-key.pem. */
  readonly keyFile: string;
}

export const auditKeyConfig = (env: NodeJS.ProcessEnv = process.env): AuditKeyConfig => ({
  keyText: env['AUDIT_SIGNING_KEY']?.trim() || undefined,
  keyFile: path.resolve(env['AUDIT_SIGNING_KEY_FILE'] ?? path.join(env['DATA_DIR'] ?? 'data', 'audit-signing-key.pem')),
});

export class AuditKeyError extends Error {}

const fromText = (text: string, source: string): KeyObject => {
  try {
    return ed25519PrivateKeyFrom(text);
  } catch (error) {
    throw new AuditKeyError(`${source} is not a usable Ed25519 private key (PKCS#8, PEM or base64): ${(error as Error).message}`);
  }
};

/** The configured signing key, or undefined when none is configured and no key file exists yet. */
export const loadSigningKey = (config: AuditKeyConfig): KeyObject | undefined => {
  if (config.keyText) return fromText(config.keyText, 'AUDIT_SIGNING_KEY');
  if (!fs.existsSync(config.keyFile)) return undefined;
  return fromText(fs.readFileSync(config.keyFile, 'utf8'), `The key file ${config.keyFile}`);
};

/**
 * The configured key; with none configured, generates one in the key file (owner-only permissions),
 * once, as the auth library does for its token key. Returns whether it was created.
 */
export const loadOrCreateSigningKey = (config: AuditKeyConfig): { key: KeyObject; created: boolean } => {
  const existing = loadSigningKey(config);
  if (existing) return { key: existing, created: false };
  if (!fs.existsSync(path.dirname(config.keyFile))) {
    throw new AuditKeyError(`The folder of the audit key file ${config.keyFile} does not exist; create it or set AUDIT_SIGNING_KEY.`);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  // 'wx' fails if another process created the file meanwhile; then that key is the one to use.
  try {
    fs.writeFileSync(config.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: loadSigningKey(config) as KeyObject, created: false };
  }
  return { key: privateKey, created: true };
};
