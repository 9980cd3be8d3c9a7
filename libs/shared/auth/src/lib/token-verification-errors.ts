import { AuthenticationError } from './auth.errors';

interface JoseLikeError {
  readonly code?: unknown;
  readonly claim?: unknown;
  readonly reason?: unknown;
}

/**
 * Turns jose's verification failures into messages a person can act on. Anything that is not about the
 * token itself (the identity provider unreachable, a bug) is returned unchanged so it surfaces as an
 * internal error rather than blaming the user.
 */
export const toAuthenticationError = (error: unknown): unknown => {
  if (error instanceof AuthenticationError) return error;
  if (typeof error !== 'object' || error === null) return error;
  const { code, claim, reason } = error as JoseLikeError;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AuthenticationError('expired', 'Your session has expired. Sign in again to get a new access token.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimFailure(claim, reason);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new AuthenticationError(
        'bad_signature',
        'The access token has been altered or was signed with another key. Sign in again to get a new one.',
      );
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new AuthenticationError('unknown_key', 'The access token was signed with a key the identity provider does not publish.');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new AuthenticationError(
        'algorithm_not_allowed',
        'The access token is signed with an algorithm this platform does not accept.',
      );
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new AuthenticationError('malformed_token', 'The access token is malformed: it is not a signed JSON Web Token.');
    default:
      return error;
  }
};

const claimFailure = (claim: unknown, reason: unknown): AuthenticationError => {
  if (claim === 'iss') {
    return new AuthenticationError('untrusted_issuer', 'The access token was issued by an issuer this platform does not trust.');
  }
  if (claim === 'aud') {
    return new AuthenticationError('wrong_audience', 'The access token was issued for another application (wrong audience).');
  }
  if (claim === 'nbf' || claim === 'iat') {
    return new AuthenticationError('not_yet_valid', 'The access token is not valid yet. Check the clock of the machine that issued it.');
  }
  const detail = reason === 'missing' ? 'is missing' : 'is not valid';
  return new AuthenticationError('invalid_claims', `The access token's '${String(claim)}' claim ${detail}.`);
};
