import { AuthConfigError, parseAuthConfig } from '@tendril/shared/auth';

export interface SubgraphEndpoint {
  readonly name: 'tender' | 'bidding' | 'subcontracting';
  readonly url: string;
  /** Where the subgraph reports whether it can serve traffic. */
  readonly readinessUrl: string;
}

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
}

export interface GatewayConfig {
  readonly port: number;
  readonly subgraphs: readonly SubgraphEndpoint[];
  readonly subgraphWaitSeconds: number;
  readonly introspection: boolean;
  /** Root fields an anonymous caller may query through the gateway (the subgraph must mark them @Public() too). */
  readonly publicRootFields: ReadonlySet<string>;
  readonly signInLimitPerMinute: number;
  readonly queryLimits: QueryLimits;
  /** The largest JSON request body accepted: enough for one document upload (base64) and the operation around it. */
  readonly maxBodyBytes: number;
}

export type GatewayEnvironment = Readonly<Record<string, string | undefined>>;

export const GATEWAY_ENVIRONMENT_KEYS = [
  'NODE_ENV',
  'PORT',
  'SUBGRAPH_TENDER_URL',
  'SUBGRAPH_BIDDING_URL',
  'SUBGRAPH_SUBCONTRACTING_URL',
  'GATEWAY_SUBGRAPH_WAIT_SECONDS',
  'GATEWAY_INTROSPECTION',
  'GATEWAY_PUBLIC_ROOT_FIELDS',
  'SIGN_IN_LIMIT_PER_MINUTE',
  'GATEWAY_MAX_DEPTH',
  'GATEWAY_MAX_ALIASES',
  'GATEWAY_MAX_DIRECTIVES',
  'GATEWAY_MAX_TOKENS',
  'GATEWAY_MAX_COST',
  'GATEWAY_MAX_BODY_BYTES',
  'MAX_ATTACHMENT_BYTES',
] as const;

export class GatewayConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The gateway cannot start because its configuration is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'GatewayConfigError';
  }
}

/** Open data is public (ADR 0019): the OCDS packages need no sign-in unless the operator configures otherwise. */
export const DEFAULT_PUBLIC_ROOT_FIELDS = 'ocdsReleasePackage,ocdsRecordPackage';

const SUBGRAPHS = [
  { name: 'tender', key: 'SUBGRAPH_TENDER_URL', fallback: 'http://localhost:4001/graphql' },
  { name: 'bidding', key: 'SUBGRAPH_BIDDING_URL', fallback: 'http://localhost:4002/graphql' },
  { name: 'subcontracting', key: 'SUBGRAPH_SUBCONTRACTING_URL', fallback: 'http://localhost:4003/graphql' },
] as const;

/** Reads the gateway's settings, collecting every problem (its own and the auth library's) into one error. */
export const parseGatewayConfig = (env: GatewayEnvironment): GatewayConfig => {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${key} must be a whole number from ${min} to ${max}; got '${raw}'.`);
      return fallback;
    }
    return value;
  };
  const boolean = (key: string, fallback: boolean): boolean => {
    const raw = text(key)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${key} must be true or false; got '${raw}'.`);
    return fallback;
  };

  const subgraphs = SUBGRAPHS.map(({ name, key, fallback }): SubgraphEndpoint => {
    const raw = text(key) ?? fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push(`${key} must be an absolute http(s) URL such as ${fallback}; got '${raw}'.`);
      return { name, url: raw, readinessUrl: raw };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`${key} must be an http(s) URL such as ${fallback}; got '${raw}'.`);
      return { name, url: raw, readinessUrl: raw };
    }
    return { name, url: url.href, readinessUrl: new URL('/health/ready', url).href };
  });

  // The services' document cap (same variable, same default) sizes the body unless it is set here.
  const maxAttachmentBytes = integer('MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024);
  const config: GatewayConfig = {
    port: integer('PORT', 4000, 0, 65_535),
    subgraphs,
    subgraphWaitSeconds: integer('GATEWAY_SUBGRAPH_WAIT_SECONDS', 120, 1, 3_600),
    introspection: boolean('GATEWAY_INTROSPECTION', text('NODE_ENV') !== 'production'),
    publicRootFields: new Set(
      (text('GATEWAY_PUBLIC_ROOT_FIELDS') ?? DEFAULT_PUBLIC_ROOT_FIELDS)
        .split(',')
        .map((field) => field.trim())
        .filter((field) => field !== ''),
    ),
    signInLimitPerMinute: integer('SIGN_IN_LIMIT_PER_MINUTE', 10, 1, 10_000),
    queryLimits: {
      maxDepth: integer('GATEWAY_MAX_DEPTH', 10, 1, 100),
      maxAliases: integer('GATEWAY_MAX_ALIASES', 15, 0, 1_000),
      maxDirectives: integer('GATEWAY_MAX_DIRECTIVES', 50, 0, 1_000),
      maxTokens: integer('GATEWAY_MAX_TOKENS', 2_000, 100, 100_000),
      maxCost: integer('GATEWAY_MAX_COST', 5_000, 1, 1_000_000),
    },
    maxBodyBytes: integer('GATEWAY_MAX_BODY_BYTES', Math.ceil(maxAttachmentBytes / 3) * 4 + 1024 * 1024, 100 * 1024, 256 * 1024 * 1024),
  };

  try {
    parseAuthConfig(env);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return config;
};
