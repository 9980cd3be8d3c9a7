import type { Server } from 'node:http';
import { type INestApplication, Logger, type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventStoreError } from '@tendril/shared/event-store';
import { InvalidConfigurationError, requestBodyLimitBytes, resolvePlatformConfig } from './platform-config';

/** How long a service keeps an idle connection from the gateway (Node's default is 5 s). */
const SERVICE_KEEP_ALIVE_MS = 65_000;

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts a service and turns start-up failures (bad configuration, a locked, corrupt or too-new store)
 * into one readable message and a non-zero exit, never a stack trace a person must decode.
 */
export const bootstrapService = async (
  serviceName: string,
  defaultPort: number,
  rootModule: unknown,
): Promise<INestApplication | undefined> => {
  const logger = new Logger(serviceName);
  let app: NestExpressApplication | undefined;
  try {
    const config = resolvePlatformConfig(serviceName, defaultPort);
    app = await NestFactory.create<NestExpressApplication>(rootModule as never, {
      logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
      forceCloseConnections: false,
      // Start-up failures come back to us to be reported in one readable line, not as a stack trace.
      abortOnError: false,
    });
    // Express's default 100 kB JSON limit would refuse a document upload before GraphQL could answer.
    app.useBodyParser('json', { limit: requestBodyLimitBytes(config.maxAttachmentBytes) });
    app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidUnknownValues: false }));
    app.enableShutdownHooks();
    await app.listen(config.port, config.host);
    // The gateway's fetcher keeps idle sockets to the services open with no idle limit, and Node's server drops
    // them after 5 s: a query sent on a socket at the moment the server closes it fails with ECONNRESET (a masked
    // internal error). A longer server-side keep-alive makes that race a once-a-minute-of-idling event, not a
    // once-every-5-seconds one.
    const server = app.getHttpServer() as Server;
    server.keepAliveTimeout = SERVICE_KEEP_ALIVE_MS;
    server.headersTimeout = SERVICE_KEEP_ALIVE_MS + 1_000;
    logger.log(`${serviceName} listening on http://${config.host}:${config.port}/graphql (event store: ${config.eventStore.kind}, read models: ${config.readModel.kind})`);
    return app;
  } catch (error) {
    const message =
      error instanceof InvalidConfigurationError || error instanceof EventStoreError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    logger.error(`${serviceName} could not start: ${message}`);
    await app?.close().catch(() => undefined);
    // Timers or sockets opened during start must not keep a failed service half-alive.
    process.exit(1);
  }
};
