import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { parseAuthConfig, type JwksAuthConfig } from './auth-config';
import { AuthenticationError, DemoSignInDisabledError, IdentityProviderUnavailableError } from './auth.errors';
import { AuthService } from './auth.service';

const ISSUER = 'https://id.example.org/';
const AUDIENCE = 'tendril-api';

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const failureOf = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AuthenticationError)) throw new Error(`expected an AuthenticationError, got ${String(error)}`);
  return error;
};

describe('Tokens from an external identity provider (jwks mode)', () => {
  let server: Server;
  let signingKey: CryptoKey;
  let config: JwksAuthConfig;
  let jwksRequests = 0;

  const idpToken = (claims: JWTPayload, options: { key?: CryptoKey; kid?: string; issuer?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'idp-key-1' })
      .setSubject('idp|12345')
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(options.key ?? signingKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'ES256', use: 'sig' };
    server = createServer((_request, response) => {
      jwksRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    const port = await listen(server);
    const parsed = parseAuthConfig({
      AUTH_MODE: 'jwks',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_ROLE_CLAIM: 'https://tendril.example/roles',
    });
    if (parsed.mode !== 'jwks') throw new Error('expected jwks mode');
    config = parsed;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts a token signed by a published key and maps its claims to the user', async () => {
    const token = await idpToken({ 'https://tendril.example/roles': ['offline_access', 'provider'], org: 'org-kindred', name: 'Priya Nair' });

    await expect(AuthService.create(config).verifyAccessToken(token)).resolves.toEqual({
      userId: 'idp|12345',
      role: 'provider',
      organisationId: 'org-kindred',
      displayName: 'Priya Nair',
    });
  });

  it('fetches the key set once and reuses it for later tokens', async () => {
    const auth = AuthService.create(config);
    const before = jwksRequests;

    await auth.verifyAccessToken(await idpToken({ 'https://tendril.example/roles': 'auditor' }));
    await auth.verifyAccessToken(await idpToken({ 'https://tendril.example/roles': 'auditor' }));

    expect(jwksRequests - before).toBe(1);
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await idpToken({ 'https://tendril.example/roles': 'admin' }, { key: stranger.privateKey, kid: 'stolen-key' });

    expect((await failureOf(AuthService.create(config).verifyAccessToken(token))).failure).toBe('unknown_key');
  });

  it('refuses a token signed with a different key under a published key id', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await idpToken({ 'https://tendril.example/roles': 'admin' }, { key: stranger.privateKey });

    expect((await failureOf(AuthService.create(config).verifyAccessToken(token))).failure).toBe('bad_signature');
  });

  it('refuses a token from another issuer', async () => {
    const token = await idpToken({ 'https://tendril.example/roles': 'admin' }, { issuer: 'https://evil.example/' });

    expect((await failureOf(AuthService.create(config).verifyAccessToken(token))).failure).toBe('untrusted_issuer');
  });

  it('refuses an HS256 token, whatever secret it was signed with', async () => {
    const token = await new SignJWT({ 'https://tendril.example/roles': 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'idp-key-1' })
      .setSubject('intruder')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessable-shared-secret-guessable-shared-secret'));

    expect((await failureOf(AuthService.create(config).verifyAccessToken(token))).failure).toBe('algorithm_not_allowed');
  });

  it('refuses a token that carries no platform role', async () => {
    const error = await failureOf(AuthService.create(config).verifyAccessToken(await idpToken({ 'https://tendril.example/roles': ['viewer'] })));

    expect(error.message).toContain("claim 'https://tendril.example/roles' must be one of");
  });

  it('does not blame the user when the key set cannot be fetched', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = { ...config, jwksUrl: new URL(`http://127.0.0.1:${port}/jwks.json`) };

    const error: unknown = await AuthService.create(unreachable)
      .verifyAccessToken(await idpToken({ 'https://tendril.example/roles': 'admin' }))
      .catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect((error as Error).message).toContain(
      `Could not get the identity provider's signing keys from http://127.0.0.1:${port}/jwks.json: connect ECONNREFUSED`,
    );
  });

  it('disables demo sign-in and the demo user list', async () => {
    const auth = AuthService.create(config);

    await expect(auth.signInDemoUser('clara.commissioner', 'tendril-demo')).rejects.toBeInstanceOf(DemoSignInDisabledError);
    expect(() => auth.listDemoUsers()).toThrow(DemoSignInDisabledError);
    expect(auth.demoSignInEnabled).toBe(false);
  });
});
