import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseGatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';

export interface CreateGatewayAppOptions {
  readonly logger?: LoggerService | false;
}

/**
 * Builds the gateway from the process environment: validates it (GatewayConfigError lists every problem),
 * waits for the subgraphs and composes the supergraph. The caller listens.
 */
export const createGatewayApp = async (options: CreateGatewayAppOptions = {}): Promise<NestExpressApplication> => {
  const config = parseGatewayConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(), {
    abortOnError: false,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.enableShutdownHooks();
  return app;
};
