import type { INestApplication } from '@nestjs/common';
import { generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { CapturingLogger } from '../testing/capturing-logger';
import { withEnvironment } from '../testing/environment';
import { startTestSubgraph, type TestSubgraph } from '../testing/test-subgraph';
import { createGatewayApp } from './create-gateway-app';

describe('Demo sign-in', () => {
  let subgraphs: TestSubgraph[];
  const gateways: INestApplication[] = [];
  const startGateway = async (logger: CapturingLogger, environment: Record<string, string>) => {
    const [tender, bidding, subcontracting] = subgraphs;
    const gateway = await withEnvironment(
      {
        SUBGRAPH_TENDER_URL: tender?.url ?? '',
        SUBGRAPH_BIDDING_URL: bidding?.url ?? '',
        SUBGRAPH_SUBCONTRACTING_URL: subcontracting?.url ?? '',
        ...environment,
      },
      () => createGatewayApp({ logger }),
    );
    gateways.push(gateway);
    await gateway.init();
    return gateway;
  };

  beforeAll(async () => {
    subgraphs = await Promise.all([startTestSubgraph('tender'), startTestSubgraph('bidding'), startTestSubgraph('subcontracting')]);
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
  });

  describe('tried too often from one address', () => {
    it('is throttled with 429 and told to wait', async () => {
      const gateway = await startGateway(new CapturingLogger(), { AUTH_SIGNING_KEY: 'sign-in-modes-spec-signing-key-0123456789', SIGN_IN_LIMIT_PER_MINUTE: '3' });
      const attempt = () => request(gateway.getHttpServer()).post('/auth/sign-in').send({ username: 'clara.commissioner', password: 'guess-again' });

      for (let i = 0; i < 3; i += 1) await attempt().expect(401);
      const throttled = await attempt().expect(429);

      expect(throttled.body.message).toBe('Too many sign-in attempts from this address. Wait a minute, then try again.');
    });
  });

  describe('when the platform uses an external identity provider (jwks mode)', () => {
    let gateway: INestApplication;
    const logger = new CapturingLogger();
    beforeAll(async () => {
      gateway = await startGateway(logger, {
        AUTH_MODE: 'jwks',
        AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
        AUTH_ISSUER: 'https://id.example.org/',
        AUTH_AUDIENCE: 'tendril-api',
      });
    }, 30_000);

    it('is disabled, and says where to sign in instead', async () => {
      const response = await request(gateway.getHttpServer())
        .post('/auth/sign-in')
        .send({ username: 'clara.commissioner', password: 'tendril-demo' })
        .expect(404);

      expect(response.body).toMatchObject({ code: 'DEMO_SIGN_IN_DISABLED', message: expect.stringContaining('external identity provider') });
    });

    it('does not list demo users', async () => {
      await request(gateway.getHttpServer()).get('/auth/demo-users').expect(404);
    });

    it('answers 503 without blaming the caller when the identity provider cannot be reached, and logs why', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const token = await new SignJWT({ role: 'provider' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-key' })
        .setSubject('idp|1')
        .setIssuer('https://id.example.org/')
        .setAudience('tendril-api')
        .setExpirationTime('5m')
        .sign(privateKey);

      const response = await request(gateway.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .set('x-correlation-id', 'idp-down')
        .send({ query: '{ biddingPing }' })
        .expect(503);

      expect(response.body.errors).toEqual([
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'idp-down' } },
      ]);
      expect(logger.lines.some((line) => line.includes('[idp-down]') && line.includes("Could not get the identity provider's signing keys"))).toBe(
        true,
      );
    });
  });
});
