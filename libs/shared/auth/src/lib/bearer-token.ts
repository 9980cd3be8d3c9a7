import { AuthenticationError } from './auth.errors';

/** Takes the token out of an `Authorization: Bearer <token>` header, explaining what is wrong otherwise. */
export const extractBearerToken = (authorizationHeader: string | readonly string[] | undefined): string => {
  if (authorizationHeader === undefined || authorizationHeader === '') {
    throw new AuthenticationError(
      'missing_credentials',
      "You are not signed in. Send an 'Authorization: Bearer <access token>' header (demo users get one from POST /auth/sign-in).",
    );
  }
  if (typeof authorizationHeader !== 'string') {
    throw new AuthenticationError('malformed_header', 'Send exactly one Authorization header.');
  }
  const match = /^Bearer +([^\s]+)\s*$/i.exec(authorizationHeader);
  if (match?.[1] === undefined) {
    throw new AuthenticationError('malformed_header', "The Authorization header must have the form 'Bearer <access token>'.");
  }
  return match[1];
};
