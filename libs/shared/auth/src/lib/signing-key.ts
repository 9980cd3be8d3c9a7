import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SIGNING_KEY_FILE_NAME = 'auth-signing-key';
const KEY_BYTES = 32;

export interface LoadedSigningKey {
  readonly key: Uint8Array;
  readonly path: string;
  /** True when this call generated the key (false when it read one another process, or an earlier run, wrote). */
  readonly created: boolean;
}

/**
 * Returns the embedded-mode signing key kept in `dataDir`, creating it on first use.
 *
 * The four processes of a local platform start together and race here. The key is written in full to a
 * file private to this process, then hard-linked into place: link() is atomic and fails if the name is
 * taken, so exactly one candidate wins, every loser reads the winner's key, and nobody ever reads a
 * half-written file.
 */
export const loadOrCreateSigningKey = (dataDir: string): LoadedSigningKey => {
  const directory = resolve(dataDir);
  const path = join(directory, SIGNING_KEY_FILE_NAME);
  const existing = readKeyFile(path);
  if (existing !== null) return { key: existing, path, created: false };

  mkdirSync(directory, { recursive: true });
  const candidatePath = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const key = randomBytes(KEY_BYTES);
  const fd = openSync(candidatePath, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64url')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(candidatePath, path);
    return { key: new Uint8Array(key), path, created: true };
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
    const winner = readKeyFile(path);
    if (winner === null) throw new Error(`The signing key file ${path} vanished while it was being created; start again.`);
    return { key: winner, path, created: false };
  } finally {
    unlinkSync(candidatePath);
  }
};

const readKeyFile = (path: string): Uint8Array | null => {
  let content: string;
  try {
    content = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
  const key = Buffer.from(content, 'base64url');
  if (key.length < KEY_BYTES || key.toString('base64url') !== content) {
    throw new Error(
      `The signing key file ${path} is not a ${KEY_BYTES}-byte base64url key. Delete it to have a new one generated (every issued token then stops working), or set AUTH_SIGNING_KEY.`,
    );
  }
  return new Uint8Array(key);
};

const isErrorCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
