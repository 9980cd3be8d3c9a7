import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_ENVIRONMENT_KEYS, parseAuthConfig, type AuthConfig, type AuthEnvironment } from '../auth-config';
import { AuthService } from '../auth.service';
import { AUTH_CONFIG } from './auth.constants';
import { JwtAuthGuard } from './jwt-auth.guard';

export interface AuthModuleOptions {
  /** Register JwtAuthGuard for every handler and resolver of the app (default true). */
  readonly globalGuard?: boolean;
  /** Settings to use instead of reading them from ConfigService (tests, scripts). */
  readonly environment?: AuthEnvironment;
}

const environmentFrom = (config: ConfigService): AuthEnvironment =>
  Object.fromEntries(
    AUTH_ENVIRONMENT_KEYS.map((key) => {
      const value: unknown = config.get(key);
      return [key, value === undefined || value === null ? undefined : String(value)];
    }),
  );

@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    const logger = new Logger('Auth');
    const providers: Provider[] = [
      {
        provide: AUTH_CONFIG,
        inject: [ConfigService],
        useFactory: (config: ConfigService): AuthConfig => parseAuthConfig(options.environment ?? environmentFrom(config)),
      },
      {
        provide: AuthService,
        inject: [AUTH_CONFIG],
        useFactory: (config: AuthConfig): AuthService => {
          if (config.mode === 'embedded' && process.env['NODE_ENV'] === 'production') {
            logger.warn('AUTH_MODE is embedded in production: demo users can sign in. Set AUTH_MODE=jwks to use your identity provider.');
          }
          return AuthService.create(config, {
            onSigningKey: ({ source, path }) => {
              if (source === 'created') logger.log(`Generated a new token signing key at ${path ?? ''}`);
              if (source === 'loaded') logger.log(`Using the token signing key at ${path ?? ''}`);
            },
          });
        },
      },
      JwtAuthGuard,
    ];
    if (options.globalGuard !== false) providers.push({ provide: APP_GUARD, useExisting: JwtAuthGuard });
    return {
      module: AuthModule,
      global: true,
      imports: [ConfigModule],
      providers,
      exports: [AUTH_CONFIG, AuthService, JwtAuthGuard],
    };
  }
}
