import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';

/** What Express adds to Node's request that Apollo needs: the parsed JSON body and the mounted-path-free URL. */
export interface ExpressLikeRequest extends IncomingMessage {
  body?: unknown;
  originalUrl?: string;
}

export type ApolloContextFunction<TContext> = (args: { req: ExpressLikeRequest; res: ServerResponse }) => Promise<TContext>;

/**
 * Serves an Apollo Server from Express 5, as @as-integrations/express5 does. That package is not among the
 * workspace's dependencies, and @nestjs/apollo needs it for Express; the gateway's driver uses this instead.
 */
export const apolloExpressHandler = <TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ApolloContextFunction<TContext>,
) => {
  server.assertStarted('apolloExpressHandler()');
  return (req: ExpressLikeRequest, res: ServerResponse, next: (error?: unknown) => void): void => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: new URL(req.originalUrl ?? req.url ?? '/', 'http://gateway.invalid').search,
      body: req.body,
    };
    server
      .executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context({ req, res }) })
      .then(async (response) => {
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      })
      .catch(next);
  };
};
