import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { EMBEDDED_ALGORITHM } from './auth-config';
import type { AccessTokenVerifier, Clock, IssuedAccessToken } from './access-token-verifier';
import { systemClock } from './access-token-verifier';
import type { AuthenticatedUser } from './authenticated-user';
import { EMBEDDED_CLAIM_NAMES, userFromClaims } from './token-claims';
import { toAuthenticationError } from './token-verification-errors';

export interface EmbeddedTokenAuthorityOptions {
  readonly signingKey: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly tokenTtlSeconds: number;
  readonly clockToleranceSeconds: number;
  readonly clock?: Clock;
}

/** Signs and verifies the platform's own HS256 tokens (embedded mode). */
export class EmbeddedTokenAuthority implements AccessTokenVerifier {
  private readonly clock: Clock;

  constructor(private readonly options: EmbeddedTokenAuthorityOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async issue(user: AuthenticatedUser): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.clock().getTime() / 1000);
    const claims: Record<string, string> = { role: user.role, name: user.displayName };
    if (user.organisationId !== null) claims[EMBEDDED_CLAIM_NAMES.organisation] = user.organisationId;
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: EMBEDDED_ALGORITHM, typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.options.tokenTtlSeconds)
      .setJti(randomUUID())
      .sign(this.options.signingKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.options.tokenTtlSeconds };
  }

  async verify(accessToken: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(accessToken, this.options.signingKey, {
        algorithms: [EMBEDDED_ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        currentDate: this.clock(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return userFromClaims(payload, EMBEDDED_CLAIM_NAMES);
    } catch (error) {
      throw toAuthenticationError(error);
    }
  }
}
