import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGatewayDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Request, Response } from 'express';
import { apolloExpressHandler } from './apollo-express-handler';

type ServerOptions = NonNullable<ConstructorParameters<typeof ApolloServer>[0]>;
type ContextFunction = (args: { req: Request; res: Response }) => Promise<BaseContext>;

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
    httpAdapter.use(path, (req: Request, _res: Response, next: () => void) => {
      req.body = (req.body as unknown) ?? {};
      next();
    });
    preStartHook?.();
    const plugins = [...(options.plugins ?? []), ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() })];
    const server = new ApolloServer({ ...options, plugins } as ServerOptions);
    await server.start();
    const context: ContextFunction = options.context ?? (async ({ req }) => ({ req }));
    httpAdapter.getInstance<{ use: (path: string, handler: unknown) => void }>().use(path, apolloExpressHandler(server, context));
    this.apolloServer = server;
  }
}
