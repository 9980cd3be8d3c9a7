import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { AuthModule, AuthService } from '@tendril/shared/auth';
import { AuthController } from './auth/auth.controller';
import { DownloadsController } from './downloads/downloads.controller';
import type { GatewayConfig } from './gateway-config';
import { GATEWAY_CONFIG, GatewayConfigModule, validateGatewayEnvironment } from './gateway-config.module';
import { gatewayGraphQLOptions } from './graphql/gateway-graphql.options';
import { HealthController } from './health/health.controller';
import { SubgraphHealthIndicator } from './health/subgraph-health.indicator';
import { CorrelationIdMiddleware } from './http/correlation-id.middleware';

@Module({})
export class GatewayModule implements NestModule {
  static forRoot(): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateGatewayEnvironment }),
        GatewayConfigModule,
        AuthModule.forRoot(),
        ThrottlerModule.forRootAsync({
          inject: [GATEWAY_CONFIG],
          useFactory: (config: GatewayConfig) => ({
            throttlers: [{ name: 'sign-in', ttl: 60_000, limit: config.signInLimitPerMinute }],
            errorMessage: 'Too many sign-in attempts from this address. Wait a minute, then try again.',
          }),
        }),
        TerminusModule.forRoot({ logger: false }),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          inject: [GATEWAY_CONFIG, AuthService],
          useFactory: gatewayGraphQLOptions,
        }),
      ],
      controllers: [AuthController, DownloadsController, HealthController],
      providers: [SubgraphHealthIndicator],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('{*path}');
  }
}
