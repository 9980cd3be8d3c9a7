import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './testing/free-port';
import { startTestSubgraph, type TestSubgraph } from './testing/test-subgraph';

const workspaceRoot = join(__dirname, '../../..');

interface RunningGateway {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs apps/gateway/src/main.ts as the deployment does, in its own process. */
const runGateway = (environment: Record<string, string>): RunningGateway => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
    cwd: workspaceRoot,
    env: { ...process.env, NO_COLOR: '1', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, exited };
};

const waitFor = async (condition: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('The gateway process', () => {
  it('exits with status 1, printing every configuration problem, when its configuration is invalid', async () => {
    const gateway = runGateway({ PORT: 'http', AUTH_TOKEN_TTL_SECONDS: '5' });

    const { code } = await gateway.exited;

    expect(code).toBe(1);
    expect(gateway.output()).toContain('The gateway cannot start because its configuration is invalid:');
    expect(gateway.output()).toContain("PORT must be a whole number from 0 to 65535; got 'http'.");
    expect(gateway.output()).toContain("AUTH_TOKEN_TTL_SECONDS must be a whole number from 60 to 604800; got '5'.");
  }, 30_000);

  describe('asked to stop while serving a request', () => {
    let subgraphs: TestSubgraph[] = [];
    afterAll(() => Promise.all(subgraphs.map((subgraph) => subgraph.close())));

    it('finishes the request, then exits', async () => {
      subgraphs = await Promise.all([startTestSubgraph('tender'), startTestSubgraph('bidding'), startTestSubgraph('subcontracting')]);
      const [tender, bidding, subcontracting] = subgraphs;
      const port = await freePort();
      const gateway = runGateway({
        PORT: String(port),
        SUBGRAPH_TENDER_URL: tender?.url ?? '',
        SUBGRAPH_BIDDING_URL: bidding?.url ?? '',
        SUBGRAPH_SUBCONTRACTING_URL: subcontracting?.url ?? '',
        AUTH_SIGNING_KEY: 'main-int-spec-signing-key-0123456789abcdef',
        DEMO_PASSWORD: 'demo-password-for-main-spec',
      });
      try {
        await waitFor(() => gateway.output().includes('Listening on'), 30_000, 'the gateway to listen');
        const signIn = await fetch(`http://127.0.0.1:${port}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'omar.prime', password: 'demo-password-for-main-spec' }),
        });
        const { accessToken } = (await signIn.json()) as { accessToken: string };

        const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ query: '{ slowEcho(ms: 1500) }' }),
        });
        await new Promise((resolve) => setTimeout(resolve, 400));
        gateway.process.kill('SIGTERM');
        const response = await inFlight;

        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ data: { slowEcho: 'answered after 1500 ms' } });
        const { code, signal } = await gateway.exited;
        expect(code === 0 || signal === 'SIGTERM').toBe(true);
        await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
      } finally {
        if (gateway.process.exitCode === null && gateway.process.signalCode === null) gateway.process.kill('SIGKILL');
      }
    }, 60_000);
  });
});
