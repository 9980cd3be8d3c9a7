import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGatewayDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { apolloExpressHandler, type ApolloContextFunction, type ExpressLikeRequest } from './apollo-express-handler';

type ServerOptions = NonNullable<ConstructorParameters<typeof ApolloServer>[0]>;

/**
 * ApolloGatewayDriver mounted with the gateway's own Express handler (see apollo-express-handler.ts);
 * everything else, including the gateway and its plugins, is the stock driver.
 */
@Injectable()
export class TendrilApolloGatewayDriver extends ApolloGatewayDriver {
  constructor(modulesContainer: ModulesContainer) {
    super(modulesContainer);
  }

  protected override async registerExpress(
    options: ApolloDriverConfig,
    { preStartHook }: { preStartHook?: () => void } = {},
  ): Promise<void> {
    const httpAdapter = this.httpAdapterHost.httpAdapter;
    const path = options.path ?? '/graphql';
    // GET requests carry no body; Apollo expects one to be present.
    httpAdapter.use(path, (req: ExpressLikeRequest, _res: unknown, next: () => void) => {
      req.body ??= {};
      next();
    });
    preStartHook?.();
    const plugins = [...(options.plugins ?? []), ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() })];
    const server = new ApolloServer({ ...options, plugins } as ServerOptions);
    await server.start();
    const context: ApolloContextFunction<BaseContext> = options.context ?? (async ({ req }) => ({ req }));
    httpAdapter.getInstance<{ use: (path: string, handler: unknown) => void }>().use(path, apolloExpressHandler(server, context));
    this.apolloServer = server;
  }
}
