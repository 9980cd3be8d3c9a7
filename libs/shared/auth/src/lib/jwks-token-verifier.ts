import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AccessTokenVerifier, Clock } from './access-token-verifier';
import { systemClock } from './access-token-verifier';
import type { JwksAuthConfig } from './auth-config';
import { AuthenticationError, IdentityProviderUnavailableError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { userFromClaims } from './token-claims';
import { toAuthenticationError } from './token-verification-errors';

type JwksVerifierOptions = Pick<
  JwksAuthConfig,
  'jwksUrl' | 'issuer' | 'audience' | 'algorithms' | 'clockToleranceSeconds' | 'roleClaim' | 'organisationClaim'
> & { readonly clock?: Clock };

/** Verifies tokens from an external identity provider against its published JSON Web Key Set. */
export class JwksTokenVerifier implements AccessTokenVerifier {
  // The key set is fetched lazily, cached, and refetched when a token names a key id it has not seen.
  private readonly keySet: ReturnType<typeof createRemoteJWKSet>;
  private readonly clock: Clock;

  constructor(private readonly options: JwksVerifierOptions) {
    this.keySet = createRemoteJWKSet(options.jwksUrl, { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    this.clock = options.clock ?? systemClock;
  }

  async verify(accessToken: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(accessToken, this.keySet, {
        algorithms: [...this.options.algorithms],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        currentDate: this.clock(),
        requiredClaims: ['sub', 'exp'],
      });
      return userFromClaims(payload, { role: this.options.roleClaim, organisation: this.options.organisationClaim });
    } catch (error) {
      const authenticationError = toAuthenticationError(error);
      if (authenticationError instanceof AuthenticationError) throw authenticationError;
      throw new IdentityProviderUnavailableError(this.options.jwksUrl, error);
    }
  }
}
