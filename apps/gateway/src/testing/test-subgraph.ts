import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';

/** Headers a subgraph received with an operation, as the test subgraphs record them. */
export interface ReceivedHeaders {
  readonly authorization: string | null;
  readonly correlationId: string | null;
}

interface SubgraphContext {
  readonly received: ReceivedHeaders;
}

const receivedFrom = (request: IncomingMessage): ReceivedHeaders => ({
  authorization: request.headers['authorization'] ?? null,
  correlationId: typeof request.headers['x-correlation-id'] === 'string' ? request.headers['x-correlation-id'] : null,
});

// The tender subgraph owns Tender; the bidding subgraph contributes a field to it, so one query spans both.
const SCHEMAS = {
  tender: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query {
        echoHeaders: Headers!
        tender(id: ID!): Tender
        failWithCode(code: String!, message: String!): Boolean
        failInternally: Boolean
        deepNode: DeepNode!
        publicNotice: String
        slowEcho(ms: Int!): String
      }
      type Headers { authorization: String, correlationId: String }
      type Tender @key(fields: "id") { id: ID! title: String! }
      type DeepNode { level: Int! next: DeepNode! }
    `),
    resolvers: {
      Query: {
        echoHeaders: (_: unknown, __: unknown, context: SubgraphContext) => context.received,
        tender: (_: unknown, args: { id: string }) => ({ id: args.id, title: `Tender ${args.id}` }),
        failWithCode: (_: unknown, args: { code: string; message: string }) => {
          throw new GraphQLError(args.message, { extensions: { code: args.code } });
        },
        failInternally: () => {
          throw new Error('connection to postgres://tendril:s3cret@db.internal:5432 refused');
        },
        deepNode: () => ({ level: 1 }),
        publicNotice: () => 'Tenders open on Monday',
        slowEcho: async (_: unknown, args: { ms: number }) => {
          await new Promise((resolve) => setTimeout(resolve, args.ms));
          return `answered after ${args.ms} ms`;
        },
      },
      DeepNode: { next: (parent: { level: number }) => ({ level: parent.level + 1 }) },
    },
  },
  bidding: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { biddingPing: String }
      type Tender @key(fields: "id") { id: ID! biddingSawHeaders: BiddingHeaders! }
      type BiddingHeaders { authorization: String, correlationId: String }
    `),
    resolvers: {
      Query: { biddingPing: () => 'pong' },
      Tender: {
        __resolveReference: (reference: { id: string }) => reference,
        biddingSawHeaders: (_: unknown, __: unknown, context: SubgraphContext) => context.received,
      },
    },
  },
  subcontracting: {
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { subcontractingPing: String }
    `),
    resolvers: { Query: { subcontractingPing: () => 'pong' } },
  },
} as const;

export type TestSubgraphName = keyof typeof SCHEMAS;

export interface TestSubgraph {
  readonly url: string;
  /** What /health/ready answers; tests flip it to see the gateway's readiness follow. */
  ready: boolean;
  /** Operations served, not counting the gateway fetching the schema. */
  readonly operationsServed: number;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A real federation subgraph (@apollo/subgraph on @apollo/server over node:http) with a /health/ready
 * route, standing in for one of the platform's services.
 */
export const startTestSubgraph = async (name: TestSubgraphName, port = 0): Promise<TestSubgraph> => {
  const { typeDefs, resolvers } = SCHEMAS[name];
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
    // Subgraphs in development send stack traces; the gateway must not pass them on.
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const state = { ready: true, operationsServed: 0 };
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/health/ready') {
        response.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: state.ready ? 'ok' : 'error' }));
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(key, value);
      }
      const raw = await readBody(request);
      if (!raw.includes('_service')) state.operationsServed += 1;
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method ?? 'POST',
          headers,
          search: new URL(request.url ?? '/', 'http://subgraph.invalid').search,
          body: raw === '' ? {} : (JSON.parse(raw) as unknown),
        },
        context: async () => ({ received: receivedFrom(request) }),
      });
      response.statusCode = result.status ?? 200;
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.end(result.body.kind === 'complete' ? result.body.string : '');
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}/graphql`,
    get ready() {
      return state.ready;
    },
    set ready(value: boolean) {
      state.ready = value;
    },
    get operationsServed() {
      return state.operationsServed;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
};
