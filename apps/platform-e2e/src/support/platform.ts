import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { type RunningPlatform, startPlatform } from '@tendril/shared/launcher';

export const DEMO_PASSWORD = 'tendril-demo';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Drops the PostgreSQL schemas a run created, so repeated runs do not pile them up. */
const dropSchemas = async (url: string, prefix: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [prefix]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
};

export interface TestPlatform {
  readonly baseUrl: string;
  readonly dataDir: string;
  /** The environment every process of this platform runs with. */
  readonly env: Record<string, string>;
  readonly logs: string[];
  readonly platform: RunningPlatform;
  stop(): Promise<void>;
}

/**
 * A client only ever sees INTERNAL_SERVER_ERROR for a fault the services did not expect (the message is
 * masked). The services log its stack; printing those lines when the platform stops puts the cause of
 * such a failure in the test output instead of losing it with the processes.
 */
const reportInternalErrors = (logs: readonly string[]): void => {
  const errors: string[] = [];
  logs.forEach((line, index) => {
    if (!/\bERROR\b/.test(line)) return;
    const service = line.slice(0, line.indexOf('|') + 1);
    const stack = logs.slice(index + 1, index + 12).filter((next) => next.startsWith(service) && /^\S+\| +at /.test(next));
    errors.push(line, ...stack);
  });
  if (errors.length > 0) process.stderr.write(`\nInternal errors logged by the platform's services:\n${errors.join('\n')}\n`);
};

/** The real platform: four Node processes on free ports, sharing a fresh embedded store in a temp dir. */
export const startTestPlatform = async (env: Record<string, string> = {}): Promise<TestPlatform> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-e2e-'));
  const ports = { gateway: await freePort(), tender: await freePort(), bidding: await freePort(), subcontracting: await freePort() };
  const logs: string[] = [];
  // A standstill of seconds, not working days, so stories reach the final award while the test waits.
  const platformEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_MS: '200', STANDSTILL_PERIOD: '2s', ...env };
  const platform = await startPlatform({
    ports,
    env: platformEnv,
    output: (service, line) => logs.push(`${service}| ${line}`),
    readyTimeoutMs: 120_000,
  });
  return {
    baseUrl: `http://127.0.0.1:${ports.gateway}`,
    dataDir,
    env: platformEnv,
    logs,
    platform,
    stop: async () => {
      await platform.stop();
      reportInternalErrors(logs);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const prefix = env['DATABASE_SCHEMA_PREFIX'];
      if (prefix && env['DATABASE_URL']) await dropSchemas(env['DATABASE_URL'], prefix);
    },
  };
};

export interface GraphqlResult<T> {
  readonly data: T | null;
  readonly errors: readonly { message: string; extensions?: { code?: string } }[];
}

/** A signed-in user speaking GraphQL to the gateway over HTTP. */
export class Session {
  constructor(
    private readonly baseUrl: string,
    readonly token: string | null,
  ) {}

  static async signIn(baseUrl: string, username: string): Promise<Session> {
    const response = await request(baseUrl).post('/auth/sign-in').send({ username, password: DEMO_PASSWORD }).expect(200);
    return new Session(baseUrl, (response.body as { accessToken: string }).accessToken);
  }

  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResult<T>> {
    let call = request(this.baseUrl).post('/graphql').set('content-type', 'application/json');
    if (this.token) call = call.set('authorization', `Bearer ${this.token}`);
    const response = await call.send({ query, variables });
    const body = response.body as { data?: T | null; errors?: GraphqlResult<T>['errors'] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }

  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.graphql<T>(query, variables);
    if (result.errors.length > 0 || !result.data) {
      throw new Error(`GraphQL errors: ${result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
    }
    return result.data;
  }

  /** The error codes a request was refused with (and asserts it changed nothing by returning no data). */
  async errorCodes(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const result = await this.graphql(query, variables);
    return result.errors.map((e) => e.extensions?.code ?? 'NO_CODE');
  }
}

export const eventually = async <T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};

let keyCounter = 0;
export const newKey = (label: string) => `${label}-${process.pid}-${Date.now()}-${++keyCounter}`;
