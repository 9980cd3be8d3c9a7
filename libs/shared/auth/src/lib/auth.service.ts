import type { AccessTokenVerifier, Clock, IssuedAccessToken } from './access-token-verifier';
import type { AuthConfig } from './auth-config';
import { DemoSignInDisabledError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { extractBearerToken } from './bearer-token';
import { checkDemoCredentials, DEMO_USERS, demoUserAsAuthenticatedUser, type DemoUser } from './demo-users';
import { EmbeddedTokenAuthority } from './embedded-token-authority';
import { JwksTokenVerifier } from './jwks-token-verifier';
import { loadOrCreateSigningKey } from './signing-key';

export interface DemoSignInResult extends IssuedAccessToken {
  readonly user: DemoUser;
}

export interface AuthServiceOptions {
  readonly clock?: Clock;
  /** Told where the embedded signing key came from, once, at start. */
  readonly onSigningKey?: (event: { readonly source: 'configuration' | 'created' | 'loaded'; readonly path?: string }) => void;
}

/**
 * The one entry point to identity for the platform's processes: verifies access tokens in both modes and,
 * in embedded mode only, issues them and signs demo users in.
 */
export class AuthService {
  private constructor(
    readonly config: AuthConfig,
    private readonly verifier: AccessTokenVerifier,
    private readonly authority: EmbeddedTokenAuthority | null,
  ) {}

  static create(config: AuthConfig, options: AuthServiceOptions = {}): AuthService {
    if (config.mode === 'jwks') {
      return new AuthService(config, new JwksTokenVerifier({ ...config, clock: options.clock }), null);
    }
    let signingKey: Uint8Array;
    if (config.signingKey !== null) {
      signingKey = new TextEncoder().encode(config.signingKey);
      options.onSigningKey?.({ source: 'configuration' });
    } else {
      const loaded = loadOrCreateSigningKey(config.dataDir);
      signingKey = loaded.key;
      options.onSigningKey?.({ source: loaded.created ? 'created' : 'loaded', path: loaded.path });
    }
    const authority = new EmbeddedTokenAuthority({
      signingKey,
      issuer: config.issuer,
      audience: config.audience,
      tokenTtlSeconds: config.tokenTtlSeconds,
      clockToleranceSeconds: config.clockToleranceSeconds,
      clock: options.clock,
    });
    return new AuthService(config, authority, authority);
  }

  get mode(): AuthConfig['mode'] {
    return this.config.mode;
  }

  get demoSignInEnabled(): boolean {
    return this.authority !== null;
  }

  /** Authenticates the value of an Authorization header; throws AuthenticationError with a readable message. */
  authenticate(authorizationHeader: string | readonly string[] | undefined): Promise<AuthenticatedUser> {
    try {
      return this.verifier.verify(extractBearerToken(authorizationHeader));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  verifyAccessToken(accessToken: string): Promise<AuthenticatedUser> {
    return this.verifier.verify(accessToken);
  }

  /** Embedded mode only: signs a token for any user (seeding scripts, tests, the demo sign-in). */
  issueAccessToken(user: AuthenticatedUser): Promise<IssuedAccessToken> {
    if (this.authority === null) {
      return Promise.reject(new DemoSignInDisabledError());
    }
    return this.authority.issue(user);
  }

  async signInDemoUser(username: string, password: string): Promise<DemoSignInResult> {
    if (this.config.mode !== 'embedded' || this.authority === null) throw new DemoSignInDisabledError();
    const demoUser = checkDemoCredentials(username, password, this.config.demoPassword);
    const token = await this.authority.issue(demoUserAsAuthenticatedUser(demoUser));
    return { ...token, user: demoUser };
  }

  listDemoUsers(): readonly DemoUser[] {
    if (this.authority === null) throw new DemoSignInDisabledError();
    return DEMO_USERS;
  }
}
