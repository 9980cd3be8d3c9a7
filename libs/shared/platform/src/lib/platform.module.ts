import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE } from '@tendril/shared/event-store';
import type { Request } from 'express';
import { CLOCK, systemClock } from '@tendril/shared/ddd';
import { AuditorAccessInterceptor } from './auditor-access.interceptor';
import { CommandGateway } from './command-gateway';
import { EventStoreLifecycle, eventStoreProvider } from './event-store.provider';
import { ExpectedErrorsFilter } from './expected-errors.filter';
import { formatGraphqlError } from './graphql-errors';
import { HealthController } from './health.controller';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { IdempotencyService } from './idempotency.service';
import { PLATFORM_CONFIG, resolvePlatformConfig, validatePlatformEnvironment, type PlatformConfig } from './platform-config';
import { type EntityList, readModelOptions } from './read-model-options';

export interface ServiceModuleOptions {
  /** e.g. "tender-service": names the read-model database and the logs. */
  readonly serviceName: string;
  readonly defaultPort: number;
  /** TypeORM entities of the service's read models. */
  readonly entities: EntityList;
}

export interface GraphqlContext {
  readonly req: Request;
}

/**
 * Everything a Tendril subgraph service shares: validated configuration, the event store, its read-model
 * database, CQRS buses, a federated GraphQL endpoint with errors people can read, health endpoints and
 * idempotent mutations.
 */
@Module({})
export class PlatformModule {
  static forService(options: ServiceModuleOptions): DynamicModule {
    const entities = [...(options.entities as unknown[]), IdempotencyRecordEntity] as EntityList;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validatePlatformEnvironment }),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }),
        TypeOrmModule.forRootAsync({
          useFactory: () => readModelOptions(resolvePlatformConfig(options.serviceName, options.defaultPort), entities),
        }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          sortSchema: true,
          context: ({ req }: { req: Request }): GraphqlContext => ({ req }),
          formatError: formatGraphqlError,
          includeStacktraceInErrorResponses: false,
          // Tracing is the gateway's business; subgraphs do not attach traces to every response.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_CONFIG, useFactory: (): PlatformConfig => resolvePlatformConfig(options.serviceName, options.defaultPort) },
        { provide: CLOCK, useValue: systemClock },
        { provide: APP_FILTER, useClass: ExpectedErrorsFilter },
        // Every auditor query is recorded in the hash-chained access log before it is answered (ADR 0018).
        { provide: APP_INTERCEPTOR, useClass: AuditorAccessInterceptor },
        eventStoreProvider,
        EventStoreLifecycle,
        IdempotencyService,
        CommandGateway,
      ],
      exports: [PLATFORM_CONFIG, CLOCK, EVENT_STORE, IdempotencyService, CommandGateway, CqrsModule, TypeOrmModule],
    };
  }
}
