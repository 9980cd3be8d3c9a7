import { SignJWT, UnsecuredJWT } from 'jose';
import { AuthenticationError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { EmbeddedTokenAuthority, type EmbeddedTokenAuthorityOptions } from './embedded-token-authority';

const key = (text: string) => new TextEncoder().encode(text.padEnd(32, '!'));

const authority = (overrides: Partial<EmbeddedTokenAuthorityOptions> = {}) =>
  new EmbeddedTokenAuthority({
    signingKey: key('the platform signing key'),
    issuer: 'tendril-embedded',
    audience: 'tendril',
    tokenTtlSeconds: 600,
    clockToleranceSeconds: 30,
    ...overrides,
  });

const clara: AuthenticatedUser = {
  userId: 'user-clara',
  role: 'commissioner',
  organisationId: 'org-northmoor',
  displayName: 'Clara Okafor',
};

const failureOf = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AuthenticationError)) throw new Error(`expected an AuthenticationError, got ${String(error)}`);
  return error;
};

describe('EmbeddedTokenAuthority', () => {
  describe('a token it issued', () => {
    it('verifies back to the same user', async () => {
      const { accessToken, tokenType, expiresIn } = await authority().issue(clara);

      expect(tokenType).toBe('Bearer');
      expect(expiresIn).toBe(600);
      await expect(authority().verify(accessToken)).resolves.toEqual(clara);
    });

    it('keeps a platform-level user without an organisation', async () => {
      const auditor: AuthenticatedUser = { userId: 'user-audrey', role: 'auditor', organisationId: null, displayName: 'Audrey' };
      const { accessToken } = await authority().issue(auditor);

      await expect(authority().verify(accessToken)).resolves.toEqual(auditor);
    });

    it('is refused once it has expired, with a message saying to sign in again', async () => {
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      const { accessToken } = await authority({ clock: () => twoHoursAgo }).issue(clara);

      const error = await failureOf(authority().verify(accessToken));

      expect(error.failure).toBe('expired');
      expect(error.message).toMatch(/expired.*sign in again/i);
    });

    it('is still accepted within the clock tolerance after expiry', async () => {
      const justOverTenMinutesAgo = new Date(Date.now() - 610 * 1000);
      const { accessToken } = await authority({ clock: () => justOverTenMinutesAgo }).issue(clara);

      await expect(authority().verify(accessToken)).resolves.toEqual(clara);
    });

    it('is refused by a platform that expects another issuer', async () => {
      const { accessToken } = await authority({ issuer: 'someone-else' }).issue(clara);

      expect((await failureOf(authority().verify(accessToken))).failure).toBe('untrusted_issuer');
    });

    it('is refused by a platform that expects another audience', async () => {
      const { accessToken } = await authority({ audience: 'another-app' }).issue(clara);

      expect((await failureOf(authority().verify(accessToken))).failure).toBe('wrong_audience');
    });

    it('is refused when signed with another key', async () => {
      const { accessToken } = await authority({ signingKey: key('a different key') }).issue(clara);

      const error = await failureOf(authority().verify(accessToken));

      expect(error.failure).toBe('bad_signature');
    });

    it('is refused when someone edits its claims to promote themselves', async () => {
      const { accessToken } = await authority().issue({ ...clara, role: 'provider' });
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');

      const error = await failureOf(authority().verify(`${header}.${promoted}.${signature}`));

      expect(error.failure).toBe('bad_signature');
    });
  });

  describe('a token it did not issue', () => {
    it('is refused when unsigned (alg none)', async () => {
      const unsigned = new UnsecuredJWT({ role: 'admin' })
        .setSubject('intruder')
        .setIssuer('tendril-embedded')
        .setAudience('tendril')
        .setIssuedAt()
        .setExpirationTime('10m')
        .encode();

      expect((await failureOf(authority().verify(unsigned))).failure).toBe('algorithm_not_allowed');
    });

    it('is refused when it is not a JWT at all', async () => {
      expect((await failureOf(authority().verify('not-a-token'))).failure).toBe('malformed_token');
    });

    it('is refused when it claims the internal system role', async () => {
      const systemToken = await new SignJWT({ role: 'system' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('robot')
        .setIssuer('tendril-embedded')
        .setAudience('tendril')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key('the platform signing key'));

      const error = await failureOf(authority().verify(systemToken));

      expect(error.failure).toBe('invalid_claims');
      expect(error.message).toContain('commissioner, provider, prime, youth_panel, auditor, admin');
    });
  });
});
