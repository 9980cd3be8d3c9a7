import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

// Checks infra/compose.yaml with a real Compose implementation (no Docker engine is needed for
// `config`), then asserts on the model Compose resolved, not on our own reading of the YAML.
// CI needs one of: the Docker Compose v2 plugin (`docker compose`) or Debian's `docker-compose`
// package (apt-get install -y docker-compose). Without either, these tests fail and say so.

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const COMPOSE_FILE = path.join(REPO_ROOT, 'infra/compose.yaml');

const SECRETS = {
  ESDB_ADMIN_PASSWORD: 'admin-pw-for-test',
  ESDB_OPS_PASSWORD: 'ops-pw-for-test',
  POSTGRES_PASSWORD: 'pg-pw-for-test',
  TENDER_DB_PASSWORD: 'tender-pw-for-test',
  BIDDING_DB_PASSWORD: 'bidding-pw-for-test',
  SUBCONTRACTING_DB_PASSWORD: 'subcontracting-pw-for-test',
  AUTH_SIGNING_KEY: 'a-signing-key-of-at-least-32-characters',
};

const SERVICES = [
  { name: 'tender-service', port: 4001, schema: 'tender_service', subgraph: 'SUBGRAPH_TENDER_URL' },
  { name: 'bidding-service', port: 4002, schema: 'bidding_service', subgraph: 'SUBGRAPH_BIDDING_URL' },
  { name: 'subcontracting-service', port: 4003, schema: 'subcontracting_service', subgraph: 'SUBGRAPH_SUBCONTRACTING_URL' },
] as const;
const ESDB_NODES = ['esdb-1', 'esdb-2', 'esdb-3'] as const;
const SERVICE_ENVIRONMENT = [
  'EVENT_STORE',
  'EVENTSTORE_CONNECTION_STRING',
  'READ_MODEL_DB',
  'DATABASE_URL',
  'PORT',
  'AUTH_MODE',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'LOG_LEVEL',
];

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
  ports?: (string | { target: number; published?: number | string })[];
  volumes?: (string | { source?: string; target: string; read_only?: boolean })[];
  restart?: string;
  entrypoint?: string[] | string;
}
interface ComposeModel {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

type Tool = { command: string; prefix: string[]; label: string };

const composeTool = (): Tool | null => {
  const candidates: Tool[] = [
    { command: 'docker', prefix: ['compose'], label: 'docker compose' },
    { command: 'docker-compose', prefix: [], label: 'docker-compose' },
  ];
  return candidates.find((tool) => spawnSync(tool.command, [...tool.prefix, 'version'], { encoding: 'utf8' }).status === 0) ?? null;
};

const MISSING_TOOL =
  'No Compose implementation is installed, so infra/compose.yaml cannot be validated. ' +
  'Install the Debian package docker-compose (apt-get install -y docker-compose) or the Docker Compose v2 plugin.';

/** `config` with only the given variables (and an empty env file, so a developer's infra/.env plays no part). */
const runConfig = (tool: Tool, variables: Record<string, string>) => {
  const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-compose-')), 'empty.env');
  fs.writeFileSync(envFile, '');
  const result = spawnSync(tool.command, [...tool.prefix, '--env-file', envFile, '-f', COMPOSE_FILE, 'config'], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), ...variables },
    timeout: 60_000,
  });
  fs.rmSync(path.dirname(envFile), { recursive: true, force: true });
  return result;
};

const text = (value: string[] | string | undefined): string => (Array.isArray(value) ? value.join(' ') : (value ?? ''));
const volumeTarget = (volume: NonNullable<ComposeService['volumes']>[number]) =>
  typeof volume === 'string' ? (volume.split(':')[1] ?? '') : volume.target;
const volumeSource = (volume: NonNullable<ComposeService['volumes']>[number]) =>
  typeof volume === 'string' ? (volume.split(':')[0] ?? '') : (volume.source ?? '');

describe('The clustered deployment (infra/compose.yaml)', () => {
  const tool = composeTool();
  let model: ComposeModel | undefined;
  let configFailure = '';

  beforeAll(() => {
    if (!tool) return;
    const result = runConfig(tool, SECRETS);
    if (result.status === 0) model = parse(result.stdout, { merge: true }) as ComposeModel;
    else configFailure = `${tool.label} config failed (exit ${result.status}): ${result.stderr || result.error?.message}`;
  });

  /** The model Compose resolved; fails the calling test, loudly, when it could not be produced. */
  const resolved = (): ComposeModel => {
    if (!tool) throw new Error(MISSING_TOOL);
    if (!model) throw new Error(configFailure);
    return model;
  };
  const service = (name: string): ComposeService => {
    const found = resolved().services[name];
    if (!found) throw new Error(`infra/compose.yaml has no service "${name}"`);
    return found;
  };

  it('is accepted by Compose with every variable resolved', () => {
    expect(Object.keys(resolved().services).sort()).toEqual(
      ['bidding-service', 'esdb-1', 'esdb-2', 'esdb-3', 'esdb-certs', 'gateway', 'postgres', 'subcontracting-service', 'tender-service'].sort(),
    );
    expect(JSON.stringify(resolved())).not.toMatch(/\$\{/);
  });

  it('refuses to produce a configuration when the passwords and signing key are not given', () => {
    if (!tool) throw new Error(MISSING_TOOL);
    const result = runConfig(tool, {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ESDB_ADMIN_PASSWORD|POSTGRES_PASSWORD|AUTH_SIGNING_KEY|_DB_PASSWORD/);
  });

  describe('EventStoreDB', () => {
    it('runs three nodes in one cluster, each seeded with the other two', () => {
      for (const node of ESDB_NODES) {
        const environment = service(node).environment ?? {};
        const others = ESDB_NODES.filter((other) => other !== node).map((other) => `${other}:2113`);
        expect(environment['EVENTSTORE_CLUSTER_SIZE']).toBe('3');
        expect(environment['EVENTSTORE_DISCOVER_VIA_DNS']).toBe('false');
        expect((environment['EVENTSTORE_GOSSIP_SEED'] ?? '').split(',').sort()).toEqual(others.sort());
        expect(environment['EVENTSTORE_REPLICATION_HOST_ADVERTISE_AS']).toBe(node);
        expect(environment['EVENTSTORE_NODE_HOST_ADVERTISE_AS']).toBe(node);
      }
    });

    it('is secure, with a certificate per node from a one-shot generator the nodes wait for', () => {
      const generator = service('esdb-certs');
      expect(generator.restart).toBe('no');
      for (const [index, node] of ESDB_NODES.entries()) {
        const environment = service(node).environment ?? {};
        expect(environment['EVENTSTORE_INSECURE'] ?? 'false').not.toMatch(/true/i);
        expect(environment['EVENTSTORE_CERTIFICATE_FILE']).toBe(`/certs/node${index + 1}/node.crt`);
        expect(environment['EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE']).toBe(`/certs/node${index + 1}/node.key`);
        expect(environment['EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH']).toBe('/certs/ca');
        expect(service(node).depends_on?.['esdb-certs']?.condition).toBe('service_completed_successfully');
      }
      const script = text(generator.command);
      expect(script).toContain('create-ca');
      // Compose prints the escaped `$$n` of the file as it is.
      expect(script).toMatch(/create-node[\s\S]*-dns-names esdb-\$\$?n,localhost/);
      expect(script).toMatch(/for n in 1 2 3/);
    });

    it('keeps each node on its own data volume and checks its health over TLS', () => {
      const dataVolumes = ESDB_NODES.map((node) => {
        const volume = (service(node).volumes ?? []).find((v) => volumeTarget(v) === '/var/lib/eventstore');
        expect(volume).toBeDefined();
        expect(text(service(node).healthcheck?.test)).toMatch(/https:\/\/localhost:2113\/health\/live/);
        return volume ? volumeSource(volume) : '';
      });
      expect(new Set(dataVolumes).size).toBe(3);
      for (const volume of dataVolumes) expect(Object.keys(resolved().volumes ?? {})).toContain(volume);
    });
  });

  describe('PostgreSQL', () => {
    it('is version 15 with a data volume and a health check', () => {
      const postgres = service('postgres');
      expect(postgres.image).toMatch(/^postgres:15/);
      expect((postgres.volumes ?? []).map(volumeTarget)).toContain('/var/lib/postgresql/data');
      expect(text(postgres.healthcheck?.test)).toContain('pg_isready');
    });

    it('gives every service a role and schema of its own, created on first start', () => {
      const init = fs.readFileSync(path.join(REPO_ROOT, 'infra/postgres/init/10-service-schemas.sh'), 'utf8');
      expect((service('postgres').volumes ?? []).map(volumeTarget)).toContain('/docker-entrypoint-initdb.d');
      for (const { name, schema } of SERVICES) {
        const environment = service(name).environment ?? {};
        expect(environment['DATABASE_SCHEMA']).toBe(schema);
        expect(new URL(environment['DATABASE_URL'] ?? '').username).toBe(schema);
        expect(init).toContain(`create_service_schema ${schema} `);
      }
    });
  });

  describe.each(SERVICES)('$name', ({ name, port }) => {
    it('runs two replicas of the one image, from its own entry point', () => {
      const app = service(name);
      expect(app.deploy?.replicas).toBe(2);
      expect(app.image).toBe(service('gateway').image);
      expect(app.command).toEqual(['node', '-r', '@swc-node/register', `apps/${name}/src/main.ts`]);
    });

    it('is configured by the environment: EventStoreDB cluster, PostgreSQL, auth, port and log level', () => {
      const environment = service(name).environment ?? {};
      for (const key of SERVICE_ENVIRONMENT) expect(Object.keys(environment)).toContain(key);
      expect(environment['EVENT_STORE']).toBe('eventstoredb');
      expect(environment['READ_MODEL_DB']).toBe('postgres');
      expect(environment['PORT']).toBe(String(port));
      const connection = environment['EVENTSTORE_CONNECTION_STRING'] ?? '';
      for (const node of ESDB_NODES) expect(connection).toContain(`${node}:2113`);
      expect(connection).toContain('tls=true');
      expect(connection).toContain('tlsCAFile=/certs/ca/ca.crt');
    });

    it('reports ready on /health/ready, and starts only once the cluster and PostgreSQL are healthy', () => {
      const app = service(name);
      expect(text(app.healthcheck?.test)).toContain(`http://127.0.0.1:${port}/health/ready`);
      for (const dependency of [...ESDB_NODES, 'postgres']) expect(app.depends_on?.[dependency]?.condition).toBe('service_healthy');
      expect(app.ports ?? []).toEqual([]);
    });
  });

  describe('gateway', () => {
    it('is published on port 4000 and routes to each service by name', () => {
      const gateway = service('gateway');
      const environment = gateway.environment ?? {};
      expect(environment['PORT']).toBe('4000');
      for (const { name, port, subgraph } of SERVICES) {
        expect(environment[subgraph]).toBe(`http://${name}:${port}/graphql`);
        expect(gateway.depends_on?.[name]?.condition).toBe('service_healthy');
      }
      const targets = (gateway.ports ?? []).map((p) => (typeof p === 'string' ? Number(p.split(':').pop()) : Number(p.target)));
      expect(targets).toEqual([4000]);
      expect(text(gateway.healthcheck?.test)).toContain('http://127.0.0.1:4000/health/ready');
      for (const key of ['AUTH_MODE', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'LOG_LEVEL']) expect(Object.keys(environment)).toContain(key);
    });
  });

  it('starts every process from an entry point that exists in the repository', () => {
    const entries = ['gateway', ...SERVICES.map((s) => s.name)].map((name) => service(name).command?.at(-1) ?? `(no command for ${name})`);
    expect(entries.filter((entry) => !fs.existsSync(path.join(REPO_ROOT, entry)))).toEqual([]);
  });

  describe('the image (infra/Dockerfile)', () => {
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'infra/Dockerfile'), 'utf8');

    it('builds in stages, installs with npm ci from the lock file and runs as an unprivileged user', () => {
      expect(dockerfile.match(/^FROM /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(dockerfile).toMatch(/^RUN npm ci\b/m);
      expect(dockerfile).toMatch(/COPY package\.json package-lock\.json/);
      const user = dockerfile.match(/^USER (\S+)/m)?.[1];
      expect(user).toBeDefined();
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      expect(dockerfile).toMatch(/CMD \["node", "-r", "@swc-node\/register", "apps\/gateway\/src\/main\.ts"\]/);
    });

    it('leaves node_modules, local data and secrets out of the build context', () => {
      const ignored = fs.readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
      for (const entry of ['node_modules', 'data', '.env', '.git']) expect(ignored).toContain(entry);
    });
  });
});
