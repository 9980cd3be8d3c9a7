import { AuthenticationError } from './auth.errors';
import { extractBearerToken } from './bearer-token';

const failureOf = (header: string | string[] | undefined) => {
  try {
    extractBearerToken(header);
  } catch (error) {
    if (error instanceof AuthenticationError) return error;
    throw error;
  }
  throw new Error('expected extractBearerToken to throw');
};

describe('The Authorization header', () => {
  it('yields the token after the Bearer scheme, whatever its case', () => {
    expect(extractBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(extractBearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('when missing, tells the person they are not signed in and how to sign in', () => {
    const error = failureOf(undefined);

    expect(error.failure).toBe('missing_credentials');
    expect(error.message).toContain('POST /auth/sign-in');
  });

  it('with another scheme, explains the expected form', () => {
    const error = failureOf('Basic dXNlcjpwYXNz');

    expect(error.failure).toBe('malformed_header');
    expect(error.message).toContain("'Bearer <access token>'");
  });

  it('with the scheme but no token, explains the expected form', () => {
    expect(failureOf('Bearer ').failure).toBe('malformed_header');
  });

  it('sent twice, is refused', () => {
    expect(failureOf(['Bearer a', 'Bearer b']).failure).toBe('malformed_header');
  });
});
