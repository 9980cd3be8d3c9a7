import type { AuthenticatedUser } from './authenticated-user';

/** Verifies a bearer access token and says who it belongs to, or throws an AuthenticationError. */
export interface AccessTokenVerifier {
  verify(accessToken: string): Promise<AuthenticatedUser>;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds until the token expires. */
  readonly expiresIn: number;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
