import { workspaceRoot } from '@tendril/shared/launcher';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface Outcome {
  readonly code: number | null;
  readonly output: string;
}

/** Starts the real tender-service with this environment and waits for it to give up. */
const startTenderService = (env: Record<string, string>): Promise<Outcome> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/tender-service/src/main.ts'],
      { cwd: workspaceRoot, env: { ...process.env, PORT: '0', LOG_LEVEL: 'error', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}${stderr}` }),
    );
  });

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('A service refusing to start on a bad store or configuration', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-faults-'));
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('names a corrupt event store file, exits non-zero and leaves the file as it was', async () => {
    const file = path.join(dataDir, 'events.sqlite');
    fs.writeFileSync(file, Buffer.from('this is not a database, but someone will want it back'.repeat(100)));
    const before = sha256(file);

    const outcome = await startTenderService({ DATA_DIR: dataDir });

    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('could not start');
    expect(outcome.output).toContain(file);
    expect(sha256(file)).toBe(before);
  }, 70_000);

  it('explains an invalid setting and exits non-zero before touching anything', async () => {
    const outcome = await startTenderService({ DATA_DIR: dataDir, EVENT_STORE: 'postgres-please' });

    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toMatch(/EVENT_STORE="postgres-please"/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 70_000);

  it('asks for the connection string when EventStoreDB is chosen without one', async () => {
    const outcome = await startTenderService({ DATA_DIR: dataDir, EVENT_STORE: 'eventstoredb' });

    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb');
  }, 70_000);
});
