import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AUTH_ENVIRONMENT_KEYS } from '@tendril/shared/auth';
import { GATEWAY_ENVIRONMENT_KEYS, parseGatewayConfig, type GatewayConfig } from './gateway-config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const KEYS = [...GATEWAY_ENVIRONMENT_KEYS, ...AUTH_ENVIRONMENT_KEYS];

/** Validates the environment for ConfigModule.forRoot: throws GatewayConfigError listing every problem. */
export const validateGatewayEnvironment = (environment: Record<string, unknown>): Record<string, unknown> => {
  parseGatewayConfig(
    Object.fromEntries(KEYS.map((key) => [key, typeof environment[key] === 'string' ? environment[key] : undefined])),
  );
  return environment;
};

@Global()
@Module({
  providers: [
    {
      provide: GATEWAY_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService): GatewayConfig =>
        parseGatewayConfig(
          Object.fromEntries(
            KEYS.map((key) => {
              const value: unknown = config.get(key);
              return [key, value === undefined || value === null ? undefined : String(value)];
            }),
          ),
        ),
    },
  ],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}
