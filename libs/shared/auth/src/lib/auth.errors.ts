/** Why a request could not be authenticated; the message is written for the person using the API. */
export type AuthenticationFailure =
  | 'missing_credentials'
  | 'malformed_header'
  | 'malformed_token'
  | 'expired'
  | 'not_yet_valid'
  | 'untrusted_issuer'
  | 'wrong_audience'
  | 'bad_signature'
  | 'unknown_key'
  | 'algorithm_not_allowed'
  | 'invalid_claims';

export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(
    readonly failure: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export class AuthorisationError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(
    readonly requiredRoles: readonly string[],
    readonly actualRole: string,
  ) {
    super(
      `This needs one of the roles ${requiredRoles.map((role) => `'${role}'`).join(', ')}; you are signed in as '${actualRole}'.`,
    );
    this.name = 'AuthorisationError';
  }
}

export class InvalidCredentialsError extends Error {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('The username or password is not correct.');
    this.name = 'InvalidCredentialsError';
  }
}

export class DemoSignInDisabledError extends Error {
  readonly code = 'DEMO_SIGN_IN_DISABLED';
  constructor() {
    super(
      'Demo sign-in is disabled: this platform uses an external identity provider (AUTH_MODE=jwks). Sign in there and send its access token.',
    );
    this.name = 'DemoSignInDisabledError';
  }
}

/** Raised at start when the auth configuration is unusable; lists every problem at once. */
export class AuthConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid authentication configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'AuthConfigError';
  }
}

/** The identity provider's key set could not be fetched or read: the platform's problem, not the user's. */
export class IdentityProviderUnavailableError extends Error {
  constructor(jwksUrl: URL, cause: unknown) {
    super(`Could not get the identity provider's signing keys from ${jwksUrl.href}: ${describeCause(cause)}`, { cause });
    this.name = 'IdentityProviderUnavailableError';
  }
}

// fetch hides the reason ("connect ECONNREFUSED") in its cause; its errors may come from another realm, so no instanceof.
const describeCause = (error: unknown): string => {
  const messageOf = (value: unknown) => {
    const message = typeof value === 'object' && value !== null ? (value as { message?: unknown }).message : undefined;
    return typeof message === 'string' && message !== '' ? message : undefined;
  };
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return messageOf(cause) ?? messageOf(error) ?? String(error);
};
