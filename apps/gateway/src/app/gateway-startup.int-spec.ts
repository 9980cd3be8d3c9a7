import type { INestApplication } from '@nestjs/common';
import { AuthService } from '@tendril/shared/auth';
import request from 'supertest';
import { CapturingLogger } from '../testing/capturing-logger';
import { withEnvironment } from '../testing/environment';
import { freePort } from '../testing/free-port';
import { startTestSubgraph, type TestSubgraph } from '../testing/test-subgraph';
import { createGatewayApp } from './create-gateway-app';
import { GatewayConfigError } from './gateway-config';
import { SubgraphsUnavailableError } from './graphql/subgraph-readiness';

const SIGNING_KEY = 'gateway-startup-spec-signing-key-0123456789';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Starting the gateway', () => {
  const started: (TestSubgraph | INestApplication)[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((resource) => resource.close()));
  });

  it('waits for subgraphs that start after it, saying whom it waits for, then serves', async () => {
    const [tenderPort, biddingPort, subcontractingPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const logger = new CapturingLogger();
    const environment = {
      SUBGRAPH_TENDER_URL: `http://127.0.0.1:${tenderPort}/graphql`,
      SUBGRAPH_BIDDING_URL: `http://127.0.0.1:${biddingPort}/graphql`,
      SUBGRAPH_SUBCONTRACTING_URL: `http://127.0.0.1:${subcontractingPort}/graphql`,
      AUTH_SIGNING_KEY: SIGNING_KEY,
      GATEWAY_SUBGRAPH_WAIT_SECONDS: '30',
    };

    const gatewayStarting = withEnvironment(environment, () => createGatewayApp({ logger }));
    await sleep(1_200);
    started.push(
      ...(await Promise.all([
        startTestSubgraph('tender', tenderPort ?? 0),
        startTestSubgraph('bidding', biddingPort ?? 0),
        startTestSubgraph('subcontracting', subcontractingPort ?? 0),
      ])),
    );
    const gateway = await gatewayStarting;
    started.push(gateway);
    await gateway.init();

    expect(logger.lines.some((line) => line.includes('Waiting up to 30s for subgraphs to answer') && line.includes('ECONNREFUSED'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('All 3 subgraphs answered'))).toBe(true);
    const { accessToken } = await gateway
      .get(AuthService)
      .issueAccessToken({ userId: 'u-1', role: 'auditor', organisationId: null, displayName: 'Audrey' });
    await request(gateway.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ query: '{ subcontractingPing }' })
      .expect(200, { data: { subcontractingPing: 'pong' } });
  }, 40_000);

  it('gives up after the configured wait with an error naming the subgraph that never answered', async () => {
    const [tender, subcontracting] = await Promise.all([startTestSubgraph('tender'), startTestSubgraph('subcontracting')]);
    started.push(tender, subcontracting);
    const silentPort = await freePort();

    const failure: unknown = await withEnvironment(
      {
        SUBGRAPH_TENDER_URL: tender.url,
        SUBGRAPH_BIDDING_URL: `http://127.0.0.1:${silentPort}/graphql`,
        SUBGRAPH_SUBCONTRACTING_URL: subcontracting.url,
        AUTH_SIGNING_KEY: SIGNING_KEY,
        GATEWAY_SUBGRAPH_WAIT_SECONDS: '1',
      },
      () => createGatewayApp({ logger: new CapturingLogger() }),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SubgraphsUnavailableError);
    expect((failure as Error).message).toContain(`bidding at http://127.0.0.1:${silentPort}/graphql: connect ECONNREFUSED`);
    expect((failure as Error).message).not.toContain('tender at');
  }, 20_000);

  it('refuses a broken configuration, listing every problem at once', async () => {
    const failure: unknown = await withEnvironment(
      { PORT: 'eighty', SUBGRAPH_TENDER_URL: 'localhost:4001', AUTH_MODE: 'jwks', AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '' },
      () => createGatewayApp({ logger: new CapturingLogger() }),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GatewayConfigError);
    const message = (failure as Error).message;
    expect(message).toContain("PORT must be a whole number from 0 to 65535; got 'eighty'.");
    expect(message).toContain('SUBGRAPH_TENDER_URL must be an http(s) URL');
    expect(message).toContain('AUTH_JWKS_URL is required when AUTH_MODE=jwks');
  });
});
