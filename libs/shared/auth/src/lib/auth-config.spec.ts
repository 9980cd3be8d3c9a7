import { AuthConfigError } from './auth.errors';
import { parseAuthConfig } from './auth-config';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseAuthConfig(env);
  } catch (error) {
    if (error instanceof AuthConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('Auth configuration', () => {
  describe('with nothing set', () => {
    it('runs embedded with a generated key in ./data and the documented demo password', () => {
      expect(parseAuthConfig({})).toEqual({
        mode: 'embedded',
        signingKey: null,
        dataDir: './data',
        tokenTtlSeconds: 28_800,
        issuer: 'tendril-embedded',
        audience: 'tendril',
        clockToleranceSeconds: 30,
        demoPassword: 'tendril-demo',
      });
    });
  });

  describe('in embedded mode', () => {
    it('refuses a signing key too short for HS256', () => {
      expect(problemsOf({ AUTH_SIGNING_KEY: 'short' }).message).toMatch(/AUTH_SIGNING_KEY must be at least 32 characters/);
    });

    it('refuses a token lifetime that is not a whole number of seconds in range', () => {
      expect(problemsOf({ AUTH_TOKEN_TTL_SECONDS: 'soon' }).message).toContain(
        "AUTH_TOKEN_TTL_SECONDS must be a whole number from 60 to 604800; got 'soon'.",
      );
    });
  });

  describe('in jwks mode', () => {
    const jwks = {
      AUTH_MODE: 'jwks',
      AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.example.org/',
      AUTH_AUDIENCE: 'tendril-api',
    };

    it('reads the issuer, audience, key set and default asymmetric algorithms', () => {
      const config = parseAuthConfig(jwks);

      expect(config).toMatchObject({ mode: 'jwks', issuer: jwks.AUTH_ISSUER, audience: 'tendril-api', algorithms: ['RS256', 'ES256'] });
    });

    it('lists every missing setting in one error', () => {
      const error = problemsOf({ AUTH_MODE: 'jwks' });

      expect(error.problems).toHaveLength(3);
      expect(error.message).toContain('AUTH_JWKS_URL is required');
      expect(error.message).toContain('AUTH_ISSUER is required');
      expect(error.message).toContain('AUTH_AUDIENCE is required');
    });

    it('refuses symmetric and unsigned algorithms', () => {
      expect(problemsOf({ ...jwks, AUTH_ALGORITHMS: 'RS256,HS256,none' }).message).toContain("'HS256', 'none' cannot be used with a JWKS");
    });

    it('refuses a key set fetched over plain http from another machine', () => {
      expect(problemsOf({ ...jwks, AUTH_JWKS_URL: 'http://id.example.org/jwks.json' }).message).toContain('must use https');
    });

    it('accepts plain http from localhost for local identity providers', () => {
      expect(parseAuthConfig({ ...jwks, AUTH_JWKS_URL: 'http://localhost:8080/jwks.json' }).mode).toBe('jwks');
    });
  });

  it('refuses an unknown mode, naming the valid ones', () => {
    expect(problemsOf({ AUTH_MODE: 'ldap' }).message).toContain("AUTH_MODE must be 'embedded' (the default) or 'jwks'; got 'ldap'.");
  });
});
