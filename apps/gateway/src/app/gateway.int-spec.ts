import type { INestApplication } from '@nestjs/common';
import { AuthService, EmbeddedTokenAuthority, HUMAN_ROLES } from '@tendril/shared/auth';
import request from 'supertest';
import { CapturingLogger } from '../testing/capturing-logger';
import { withEnvironment } from '../testing/environment';
import { startTestSubgraph, type TestSubgraph } from '../testing/test-subgraph';
import { createGatewayApp } from './create-gateway-app';

const SIGNING_KEY = 'gateway-int-spec-signing-key-0123456789abcdef';
const DEMO_PASSWORD = 'northmoor-demo-pass';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

describe('The gateway', () => {
  let tender: TestSubgraph;
  let bidding: TestSubgraph;
  let subcontracting: TestSubgraph;
  let gateway: INestApplication;
  const logger = new CapturingLogger();

  const graphql = (query: string, headers: Record<string, string> = {}) => {
    const call = request(gateway.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call.send({ query });
  };
  const signIn = (username: string, password = DEMO_PASSWORD) =>
    request(gateway.getHttpServer()).post('/auth/sign-in').send({ username, password });
  const bearerFor = async (username: string) => `Bearer ${(await signIn(username).expect(200)).body.accessToken as string}`;

  beforeAll(async () => {
    [tender, bidding, subcontracting] = await Promise.all([
      startTestSubgraph('tender'),
      startTestSubgraph('bidding'),
      startTestSubgraph('subcontracting'),
    ]);
    gateway = await withEnvironment(
      {
        SUBGRAPH_TENDER_URL: tender.url,
        SUBGRAPH_BIDDING_URL: bidding.url,
        SUBGRAPH_SUBCONTRACTING_URL: subcontracting.url,
        AUTH_SIGNING_KEY: SIGNING_KEY,
        DEMO_PASSWORD,
        GATEWAY_INTROSPECTION: 'true',
        GATEWAY_PUBLIC_ROOT_FIELDS: 'publicNotice',
        GATEWAY_MAX_DEPTH: '6',
        GATEWAY_MAX_ALIASES: '3',
        GATEWAY_MAX_TOKENS: '400',
        SIGN_IN_LIMIT_PER_MINUTE: '1000',
      },
      () => createGatewayApp({ logger }),
    );
    await gateway.init();
  }, 30_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([tender?.close(), bidding?.close(), subcontracting?.close()]);
  });

  describe('demo sign-in', () => {
    it('gives a demo user an access token, its lifetime and who they are', async () => {
      const response = await signIn('clara.commissioner').expect(200);

      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 28_800,
        user: { username: 'clara.commissioner', role: 'commissioner', organisationName: 'Northmoor Council' },
      });
      expect(typeof response.body.accessToken).toBe('string');
    });

    it('issues a token the gateway accepts for GraphQL', async () => {
      const response = await graphql('{ echoHeaders { correlationId } }', { authorization: await bearerFor('yasmin.provider') }).expect(200);

      expect((response.body as GraphQLBody).errors).toBeUndefined();
    });

    it('refuses a wrong password with 401 and a message a person understands', async () => {
      const response = await signIn('clara.commissioner', 'wrong-password').expect(401);

      expect(response.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'The username or password is not correct.' });
    });

    it('refuses a request without credentials, explaining the expected body', async () => {
      const response = await request(gateway.getHttpServer()).post('/auth/sign-in').send({ username: 'clara.commissioner' }).expect(400);

      expect(response.body.message).toContain('Send a JSON body with a username and a password');
    });

    it('lists the demo users for every role, without their password', async () => {
      const response = await request(gateway.getHttpServer()).get('/auth/demo-users').expect(200);
      const users = response.body.users as { username: string; role: string }[];

      expect(new Set(users.map((user) => user.role))).toEqual(new Set(HUMAN_ROLES));
      expect(JSON.stringify(response.body)).not.toContain(DEMO_PASSWORD);
    });
  });

  describe('a GraphQL operation', () => {
    it('is refused before reaching any subgraph when no token is sent', async () => {
      const served = tender.operationsServed;

      const response = await graphql('{ echoHeaders { authorization } }').expect(401);
      const body = response.body as GraphQLBody;

      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(body.errors?.[0]?.message).toContain('You are not signed in');
      expect(tender.operationsServed).toBe(served);
    });

    it('is refused with an expired token, telling the person to sign in again', async () => {
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
      const authority = new EmbeddedTokenAuthority({
        signingKey: new TextEncoder().encode(SIGNING_KEY),
        issuer: 'tendril-embedded',
        audience: 'tendril',
        tokenTtlSeconds: 3600,
        clockToleranceSeconds: 0,
        clock: () => twoDaysAgo,
      });
      const { accessToken } = await authority.issue({ userId: 'u1', role: 'provider', organisationId: null, displayName: 'U' });

      const response = await graphql('{ echoHeaders { authorization } }', { authorization: `Bearer ${accessToken}` }).expect(401);

      expect((response.body as GraphQLBody).errors?.[0]).toMatchObject({
        message: 'Your session has expired. Sign in again to get a new access token.',
        extensions: { code: 'UNAUTHENTICATED', reason: 'expired' },
      });
    });

    it("forwards the caller's token and correlation id to every subgraph it calls", async () => {
      const authorization = await bearerFor('harriet.prime');

      const response = await graphql(
        '{ echoHeaders { authorization correlationId } tender(id: "t-1") { title biddingSawHeaders { authorization correlationId } } }',
        { authorization, 'x-correlation-id': 'support-ticket-42' },
      ).expect(200);

      expect(response.headers['x-correlation-id']).toBe('support-ticket-42');
      expect(response.body.data).toEqual({
        echoHeaders: { authorization, correlationId: 'support-ticket-42' },
        tender: { title: 'Tender t-1', biddingSawHeaders: { authorization, correlationId: 'support-ticket-42' } },
      });
    });

    it('gets a correlation id when the caller sends none, the same one the subgraphs see', async () => {
      const response = await graphql('{ echoHeaders { correlationId } }', { authorization: await bearerFor('sam.provider') }).expect(200);
      const generated = response.headers['x-correlation-id'];

      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.data.echoHeaders.correlationId).toBe(generated);
    });

    it('may introspect the schema anonymously while introspection is enabled', async () => {
      const response = await graphql('{ __schema { queryType { name } } }').expect(200);

      expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('can be explored in GraphiQL from a browser while introspection is enabled', async () => {
      const page = await request(gateway.getHttpServer()).get('/graphql').set('accept', 'text/html').expect(200);

      expect(page.text.toLowerCase()).toContain('graphiql');
    });

    it('may read a configured public field anonymously, but nothing else in the same operation', async () => {
      await graphql('{ publicNotice }').expect(200, { data: { publicNotice: 'Tenders open on Monday' } });

      const mixed = await graphql('{ publicNotice echoHeaders { authorization } }').expect(401);

      expect((mixed.body as GraphQLBody).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  describe('query limits', () => {
    it('refuse a query nested deeper than allowed, saying so', async () => {
      const response = await graphql('{ deepNode { next { next { next { next { next { next { level } } } } } } } }', {
        authorization: await bearerFor('audrey.auditor'),
      }).expect(400);

      expect((response.body as GraphQLBody).errors?.[0]?.message).toContain('Query depth limit of 6 exceeded');
    });

    it('refuse a query with too many aliases, saying so', async () => {
      const response = await graphql('{ a: publicNotice b: publicNotice c: publicNotice d: publicNotice }', {
        authorization: await bearerFor('audrey.auditor'),
      }).expect(400);

      expect((response.body as GraphQLBody).errors?.[0]?.message).toContain('Aliases limit of 3 exceeded, found 4');
    });

    it('refuse an overly long query, saying so', async () => {
      const fields = Array.from({ length: 400 }, () => 'publicNotice').join(' ');

      const response = await graphql(`{ ${fields} }`, { authorization: await bearerFor('audrey.auditor') }).expect(400);

      expect((response.body as GraphQLBody).errors?.[0]?.message).toBe(
        'Token limit of 400 exceeded: the query is longer than the gateway accepts.',
      );
    });
  });

  describe('errors from subgraphs', () => {
    it('pass through with their code and message when the code is known', async () => {
      const authorization = await bearerFor('clara.commissioner');
      const codes = ['TENDER_DEADLINE_PASSED', 'WRONG_EXPECTED_REVISION', 'FORBIDDEN', 'BAD_USER_INPUT'];

      for (const code of codes) {
        const response = await graphql(`{ failWithCode(code: "${code}", message: "Rule ${code} was broken") }`, { authorization }).expect(200);

        expect((response.body as GraphQLBody).errors?.[0]).toMatchObject({
          message: `Rule ${code} was broken`,
          path: ['failWithCode'],
          extensions: { code },
        });
      }
    });

    it('are masked when internal, and logged with the correlation id and the original message', async () => {
      const response = await graphql('{ failInternally }', {
        authorization: await bearerFor('clara.commissioner'),
        'x-correlation-id': 'masked-error-check',
      }).expect(200);

      expect((response.body as GraphQLBody).errors).toEqual([
        {
          message: 'Internal server error',
          path: ['failInternally'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'masked-error-check' },
        },
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/postgres|stacktrace|s3cret/);
      expect(logger.lines.some((line) => line.includes('[masked-error-check]') && line.includes('postgres://'))).toBe(true);
    });

    it('reach the caller without stack traces or subgraph internals', async () => {
      const response = await graphql('{ failWithCode(code: "BAD_USER_INPUT", message: "Title is required") }', {
        authorization: await bearerFor('clara.commissioner'),
      }).expect(200);

      expect(Object.keys((response.body as GraphQLBody).errors?.[0]?.extensions ?? {}).sort()).toEqual(['code', 'correlationId']);
    });
  });

  describe('health', () => {
    it('reports live', async () => {
      await request(gateway.getHttpServer()).get('/health/live').expect(200).expect(({ body }) => expect(body.status).toBe('ok'));
    });

    it('reports ready when every subgraph is ready', async () => {
      const response = await request(gateway.getHttpServer()).get('/health/ready').expect(200);

      expect(Object.keys(response.body.details).sort()).toEqual(['bidding', 'subcontracting', 'tender']);
    });

    it('reports not ready, naming the subgraph, when one is not ready', async () => {
      bidding.ready = false;
      try {
        const response = await request(gateway.getHttpServer()).get('/health/ready').expect(503);

        expect(response.body.error).toEqual({ bidding: expect.objectContaining({ status: 'down', message: 'answered HTTP 503' }) });
      } finally {
        bidding.ready = true;
      }
    });
  });

  it('can issue tokens for scripts and tests through AuthService', async () => {
    const { accessToken } = await gateway
      .get(AuthService)
      .issueAccessToken({ userId: 'seed-script', role: 'admin', organisationId: null, displayName: 'Seeder' });

    await graphql('{ biddingPing }', { authorization: `Bearer ${accessToken}` }).expect(200, { data: { biddingPing: 'pong' } });
  });
});
