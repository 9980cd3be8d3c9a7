import { AuthConfigError } from './auth.errors';

export type AuthMode = 'embedded' | 'jwks';

/** Algorithms accepted from an external issuer. Symmetric ones and `none` are never accepted there. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export const EMBEDDED_ALGORITHM = 'HS256';
export const DEFAULT_DEMO_PASSWORD = 'tendril-demo';
export const DEFAULT_EMBEDDED_ISSUER = 'tendril-embedded';
export const DEFAULT_AUDIENCE = 'tendril';

interface CommonAuthConfig {
  readonly audience: string;
  readonly issuer: string;
  readonly clockToleranceSeconds: number;
}

export interface EmbeddedAuthConfig extends CommonAuthConfig {
  readonly mode: 'embedded';
  /** Null when the key is to be generated once and kept in `dataDir`. */
  readonly signingKey: string | null;
  readonly dataDir: string;
  readonly tokenTtlSeconds: number;
  readonly demoPassword: string;
}

export interface JwksAuthConfig extends CommonAuthConfig {
  readonly mode: 'jwks';
  readonly jwksUrl: URL;
  readonly algorithms: readonly string[];
  readonly roleClaim: string;
  readonly organisationClaim: string;
}

export type AuthConfig = EmbeddedAuthConfig | JwksAuthConfig;

/** Environment variables read by the auth library, by name. */
export type AuthEnvironment = Readonly<Record<string, string | undefined>>;

export const AUTH_ENVIRONMENT_KEYS = [
  'AUTH_MODE',
  'AUTH_SIGNING_KEY',
  'DATA_DIR',
  'AUTH_TOKEN_TTL_SECONDS',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_ALGORITHMS',
  'AUTH_CLOCK_TOLERANCE_SECONDS',
  'AUTH_ROLE_CLAIM',
  'AUTH_ORGANISATION_CLAIM',
  'DEMO_PASSWORD',
] as const;

const MIN_SIGNING_KEY_LENGTH = 32;
const MIN_DEMO_PASSWORD_LENGTH = 8;

/** Reads and checks the auth settings, collecting every problem so one restart fixes them all. */
export const parseAuthConfig = (env: AuthEnvironment): AuthConfig => {
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

  const mode = text('AUTH_MODE') ?? 'embedded';
  const clockToleranceSeconds = integer('AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300);

  if (mode === 'embedded') {
    const signingKey = env['AUTH_SIGNING_KEY'] === undefined || env['AUTH_SIGNING_KEY'] === '' ? null : env['AUTH_SIGNING_KEY'];
    if (signingKey !== null && signingKey.length < MIN_SIGNING_KEY_LENGTH) {
      problems.push(
        `AUTH_SIGNING_KEY must be at least ${MIN_SIGNING_KEY_LENGTH} characters long (it signs HS256 tokens); leave it unset to have one generated in DATA_DIR.`,
      );
    }
    const demoPassword = env['DEMO_PASSWORD'] === undefined || env['DEMO_PASSWORD'] === '' ? DEFAULT_DEMO_PASSWORD : env['DEMO_PASSWORD'];
    if (demoPassword.length < MIN_DEMO_PASSWORD_LENGTH) {
      problems.push(`DEMO_PASSWORD must be at least ${MIN_DEMO_PASSWORD_LENGTH} characters long.`);
    }
    const config: EmbeddedAuthConfig = {
      mode,
      signingKey,
      dataDir: text('DATA_DIR') ?? './data',
      tokenTtlSeconds: integer('AUTH_TOKEN_TTL_SECONDS', 8 * 60 * 60, 60, 7 * 24 * 60 * 60),
      issuer: text('AUTH_ISSUER') ?? DEFAULT_EMBEDDED_ISSUER,
      audience: text('AUTH_AUDIENCE') ?? DEFAULT_AUDIENCE,
      clockToleranceSeconds,
      demoPassword,
    };
    if (problems.length > 0) throw new AuthConfigError(problems);
    return config;
  }

  if (mode === 'jwks') {
    const jwksUrl = parseJwksUrl(text('AUTH_JWKS_URL'), problems);
    const issuer = text('AUTH_ISSUER');
    const audience = text('AUTH_AUDIENCE');
    if (issuer === undefined) problems.push('AUTH_ISSUER is required when AUTH_MODE=jwks (the "iss" your identity provider puts in tokens).');
    if (audience === undefined) problems.push('AUTH_AUDIENCE is required when AUTH_MODE=jwks (the "aud" your identity provider puts in tokens).');
    const algorithms = (text('AUTH_ALGORITHMS') ?? 'RS256,ES256')
      .split(',')
      .map((algorithm) => algorithm.trim())
      .filter((algorithm) => algorithm !== '');
    const notAllowed = algorithms.filter((algorithm) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm));
    if (algorithms.length === 0 || notAllowed.length > 0) {
      problems.push(
        `AUTH_ALGORITHMS must list signing algorithms from ${ASYMMETRIC_ALGORITHMS.join(', ')}; ${
          notAllowed.length > 0 ? `'${notAllowed.join("', '")}' cannot be used with a JWKS` : 'none were given'
        }.`,
      );
    }
    if (problems.length > 0 || jwksUrl === null || issuer === undefined || audience === undefined) {
      throw new AuthConfigError(problems);
    }
    return {
      mode,
      jwksUrl,
      issuer,
      audience,
      algorithms,
      clockToleranceSeconds,
      roleClaim: text('AUTH_ROLE_CLAIM') ?? 'role',
      organisationClaim: text('AUTH_ORGANISATION_CLAIM') ?? 'org',
    };
  }

  problems.push(`AUTH_MODE must be 'embedded' (the default) or 'jwks'; got '${mode}'.`);
  throw new AuthConfigError(problems);
};

const parseJwksUrl = (raw: string | undefined, problems: string[]): URL | null => {
  if (raw === undefined) {
    problems.push("AUTH_JWKS_URL is required when AUTH_MODE=jwks (your identity provider's JSON Web Key Set URL).");
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`AUTH_JWKS_URL must be an absolute URL; got '${raw}'.`);
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push(`AUTH_JWKS_URL must use https (plain http is accepted for localhost only); got '${raw}'.`);
    return null;
  }
  return url;
};
