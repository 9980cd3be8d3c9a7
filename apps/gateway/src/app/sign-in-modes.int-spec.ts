import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CapturingLogger } from '../testing/capturing-logger';
import { withEnvironment } from '../testing/environment';
import { startTestSubgraph, type TestSubgraph } from '../testing/test-subgraph';
import { createGatewayApp } from './create-gateway-app';

describe('Demo sign-in', () => {
  let subgraphs: TestSubgraph[];
  const gateways: INestApplication[] = [];
  const startGateway = async (environment: Record<string, string>) => {
    const [tender, bidding, subcontracting] = subgraphs;
    const gateway = await withEnvironment(
      {
        SUBGRAPH_TENDER_URL: tender?.url ?? '',
        SUBGRAPH_BIDDING_URL: bidding?.url ?? '',
        SUBGRAPH_SUBCONTRACTING_URL: subcontracting?.url ?? '',
        ...environment,
      },
      () => createGatewayApp({ logger: new CapturingLogger() }),
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
      const gateway = await startGateway({ AUTH_SIGNING_KEY: 'sign-in-modes-spec-signing-key-0123456789', SIGN_IN_LIMIT_PER_MINUTE: '3' });
      const attempt = () => request(gateway.getHttpServer()).post('/auth/sign-in').send({ username: 'clara.commissioner', password: 'guess-again' });

      for (let i = 0; i < 3; i += 1) await attempt().expect(401);
      const throttled = await attempt().expect(429);

      expect(throttled.body.message).toBe('Too many sign-in attempts from this address. Wait a minute, then try again.');
    });
  });

  describe('when the platform uses an external identity provider (jwks mode)', () => {
    let gateway: INestApplication;
    beforeAll(async () => {
      gateway = await startGateway({
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
  });
});
