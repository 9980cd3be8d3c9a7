import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadOrCreateSigningKey, SIGNING_KEY_FILE_NAME } from './signing-key';

const run = promisify(execFile);
const workspaceRoot = join(__dirname, '../../../../..');

// A separate Node process that waits for a shared start instant, then loads or creates the key.
const racer = (dataDir: string, startAt: number) =>
  run(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-e',
      `const { loadOrCreateSigningKey } = require(${JSON.stringify(join(__dirname, 'signing-key.ts'))});
       const waited = Date.now() < ${startAt};
       while (Date.now() < ${startAt}) {}
       const { key, created } = loadOrCreateSigningKey(${JSON.stringify(dataDir)});
       process.stdout.write(JSON.stringify({ key: Buffer.from(key).toString('base64url'), created, waited }));`,
    ],
    { cwd: workspaceRoot },
  ).then(({ stdout }) => JSON.parse(stdout) as { key: string; created: boolean; waited: boolean });

describe('The embedded signing key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'tendril-auth-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('is created once and then read back by later starts', () => {
    const first = loadOrCreateSigningKey(dataDir);
    const second = loadOrCreateSigningKey(dataDir);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(Buffer.from(second.key).equals(Buffer.from(first.key))).toBe(true);
  });

  it('is the same for four processes starting at the same moment, and only one of them writes it', async () => {
    // Far enough ahead that four Node processes have started even on a loaded two-core machine.
    const startAt = Date.now() + 12_000;

    const results = await Promise.all([1, 2, 3, 4].map(() => racer(dataDir, startAt)));

    expect(results.every((result) => result.waited)).toBe(true);
    expect(new Set(results.map((result) => result.key)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([SIGNING_KEY_FILE_NAME]);
  }, 60_000);

  it('is refused with advice when the key file has been damaged', () => {
    loadOrCreateSigningKey(dataDir);
    writeFileSync(join(dataDir, SIGNING_KEY_FILE_NAME), 'not a key');

    expect(() => loadOrCreateSigningKey(dataDir)).toThrow(/is not a 32-byte base64url key\. Delete it/);
  });
});
