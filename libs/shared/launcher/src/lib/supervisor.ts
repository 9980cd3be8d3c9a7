import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

export const workspaceRoot = path.resolve(__dirname, '../../../../..');

export interface ServiceSpec {
  readonly name: string;
  readonly entry: string;
  readonly port: number;
  readonly env?: Record<string, string>;
}

export interface PlatformPorts {
  readonly gateway: number;
  readonly tender: number;
  readonly bidding: number;
  readonly subcontracting: number;
}

export const DEFAULT_PORTS: PlatformPorts = { gateway: 4000, tender: 4001, bidding: 4002, subcontracting: 4003 };

export const platformServices = (ports: PlatformPorts): ServiceSpec[] => [
  { name: 'tender', entry: 'apps/tender-service/src/main.ts', port: ports.tender },
  { name: 'bidding', entry: 'apps/bidding-service/src/main.ts', port: ports.bidding },
  { name: 'subcontracting', entry: 'apps/subcontracting-service/src/main.ts', port: ports.subcontracting },
  {
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    port: ports.gateway,
    env: {
      SUBGRAPH_TENDER_URL: `http://127.0.0.1:${ports.tender}/graphql`,
      SUBGRAPH_BIDDING_URL: `http://127.0.0.1:${ports.bidding}/graphql`,
      SUBGRAPH_SUBCONTRACTING_URL: `http://127.0.0.1:${ports.subcontracting}/graphql`,
    },
  },
];

export interface RunningPlatform {
  readonly gatewayUrl: string;
  readonly processes: ReadonlyMap<string, ChildProcess>;
  /** Resolves when every process has exited; rejects never. */
  readonly exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  readonly ports?: PlatformPorts;
  readonly env?: Record<string, string>;
  /** Where process output goes; defaults to this process's stdout with a name prefix. */
  readonly output?: (service: string, line: string) => void;
  /** Called when a process exits while the platform was not being stopped. */
  readonly onUnexpectedExit?: (service: string, code: number | null, signal: NodeJS.Signals | null) => void;
  readonly readyTimeoutMs?: number;
}

const defaultOutput = (service: string, line: string) => process.stdout.write(`${service.padEnd(15)}| ${line}\n`);

const waitForReady = async (url: string, deadline: number, isAlive: () => boolean): Promise<void> => {
  for (;;) {
    if (!isAlive()) throw new Error(`process serving ${url} exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready in time`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};

/** Starts the three services and then the gateway as separate Node processes sharing one data directory. */
export const startPlatform = async (options: StartOptions = {}): Promise<RunningPlatform> => {
  const ports = options.ports ?? DEFAULT_PORTS;
  const output = options.output ?? defaultOutput;
  const processes = new Map<string, ChildProcess>();
  const exits: Promise<void>[] = [];
  let stopping = false;

  const launch = (spec: ServiceSpec) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', spec.entry], {
      cwd: workspaceRoot,
      env: { ...process.env, ...options.env, ...spec.env, PORT: String(spec.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.set(spec.name, child);
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) output(spec.name, line);
      });
    }
    exits.push(
      new Promise((resolve) =>
        child.on('exit', (code, signal) => {
          if (!stopping) options.onUnexpectedExit?.(spec.name, code, signal);
          resolve();
        }),
      ),
    );
    return child;
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    stopping = true;
    // Gateway first, so no new requests reach services that are shutting down.
    const order = ['gateway', 'tender', 'bidding', 'subcontracting'];
    for (const name of order) {
      const child = processes.get(name);
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  try {
    const specs = platformServices(ports);
    const services = specs.filter((s) => s.name !== 'gateway');
    const started = services.map((spec) => ({ spec, child: launch(spec) }));
    await Promise.all(
      started.map(({ spec, child }) =>
        waitForReady(`http://127.0.0.1:${spec.port}/health/ready`, deadline, () => child.exitCode === null),
      ),
    );
    const gatewaySpec = specs.find((s) => s.name === 'gateway');
    if (gatewaySpec) {
      const gateway = launch(gatewaySpec);
      await waitForReady(`http://127.0.0.1:${ports.gateway}/health/ready`, deadline, () => gateway.exitCode === null);
    }
  } catch (error) {
    await stop('SIGTERM');
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    processes,
    exited: Promise.all(exits).then(() => undefined),
    stop,
  };
};
