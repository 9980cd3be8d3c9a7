import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';
import * as path from 'node:path';

const STANDSTILL_PATTERN = /^(?:([1-9]|[12][0-9]|30)wd|([1-9][0-9]{0,6})s)$/;

/** The standstill after a proposed award: working days in England and Wales, or seconds for tests and demonstrations. */
export type StandstillPeriodConfig = { readonly kind: 'working_days'; readonly days: number } | { readonly kind: 'seconds'; readonly seconds: number };

export const DEFAULT_STANDSTILL_PERIOD: StandstillPeriodConfig = { kind: 'working_days', days: 8 };

/** Reads a validated `STANDSTILL_PERIOD` value (`8wd`, `30s`). */
export const parseStandstillPeriod = (value: string | undefined): StandstillPeriodConfig => {
  if (value === undefined || value === '') return DEFAULT_STANDSTILL_PERIOD;
  const match = STANDSTILL_PATTERN.exec(value);
  if (!match) throw new InvalidConfigurationError([`STANDSTILL_PERIOD=${JSON.stringify(value)}: not a standstill period`]);
  return match[1] !== undefined ? { kind: 'working_days', days: Number(match[1]) } : { kind: 'seconds', seconds: Number(match[2]) };
};

/** Environment every Tendril service reads. Validated at start; a bad value stops the process with a readable message. */
export class PlatformEnvironment {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** Interface to listen on: loopback by default (the embedded platform); 0.0.0.0 in containers. */
  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsIn(['sqlite', 'eventstoredb'])
  EVENT_STORE?: 'sqlite' | 'eventstoredb';

  @IsOptional()
  @IsString()
  EVENT_STORE_PATH?: string;

  @ValidateIf((env: PlatformEnvironment) => env.EVENT_STORE === 'eventstoredb')
  @IsString({ message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @IsIn(['sqlite', 'postgres'])
  READ_MODEL_DB?: 'sqlite' | 'postgres';

  @ValidateIf((env: PlatformEnvironment) => env.READ_MODEL_DB === 'postgres')
  @IsString({ message: 'DATABASE_URL is required when READ_MODEL_DB=postgres' })
  DATABASE_URL?: string;

  /** This service's PostgreSQL schema; defaults to DATABASE_SCHEMA_PREFIX + the service name. */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be lower-case letters, digits and underscores' })
  DATABASE_SCHEMA?: string;

  /** Prefix of each service's PostgreSQL schema (e.g. "staging_" gives staging_tender_service). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,30}$/, { message: 'DATABASE_SCHEMA_PREFIX must be lower-case letters, digits and underscores' })
  DATABASE_SCHEMA_PREFIX?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  SCHEDULER_INTERVAL_MS?: number;

  /** The largest document a user may upload (a bid attachment); request bodies are sized to carry it as base64. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_ATTACHMENT_BYTES?: number;

  /** How long the standstill after a proposed award lasts: `8wd` (working days, England and Wales) or, for tests and demonstrations, `30s`. */
  @IsOptional()
  @Matches(STANDSTILL_PATTERN, {
    message: 'STANDSTILL_PERIOD must be whole working days from 1 to 30 written like "8wd", or whole seconds written like "30s" (tests and demonstrations only)',
  })
  STANDSTILL_PERIOD?: string;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A JSON request big enough for one attachment of `maxAttachmentBytes` as base64, plus the rest of the operation. */
export const requestBodyLimitBytes = (maxAttachmentBytes: number): number => Math.ceil(maxAttachmentBytes / 3) * 4 + 1024 * 1024;

export interface PlatformConfig {
  readonly serviceName: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly path: string }
    | { readonly kind: 'eventstoredb'; readonly connectionString: string };
  readonly readModel:
    | { readonly kind: 'sqlite'; readonly path: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  readonly schedulerIntervalMs: number;
  readonly maxAttachmentBytes: number;
  readonly standstillPeriod: StandstillPeriodConfig;
}

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

export const validatePlatformEnvironment = (raw: Record<string, unknown>): PlatformEnvironment => {
  const env = plainToInstance(PlatformEnvironment, raw, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    throw new InvalidConfigurationError(
      errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((message) => `${e.property}=${JSON.stringify(e.value)}: ${message}`),
      ),
    );
  }
  return env;
};

export const resolvePlatformConfig = (
  serviceName: string,
  defaultPort: number,
  raw: Record<string, unknown> = process.env,
): PlatformConfig => {
  const env = validatePlatformEnvironment(raw);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    serviceName,
    port: env.PORT ?? defaultPort,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    eventStore:
      env.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb', connectionString: env.EVENTSTORE_CONNECTION_STRING ?? '' }
        : { kind: 'sqlite', path: path.resolve(env.EVENT_STORE_PATH ?? path.join(dataDir, 'events.sqlite')) },
    readModel:
      env.READ_MODEL_DB === 'postgres'
        ? { kind: 'postgres', url: env.DATABASE_URL ?? '', schema: env.DATABASE_SCHEMA ?? `${env.DATABASE_SCHEMA_PREFIX ?? ''}${serviceName.replace(/-/g, '_')}` }
        : { kind: 'sqlite', path: path.join(dataDir, `${serviceName}.sqlite`) },
    logLevel: env.LOG_LEVEL ?? 'log',
    schedulerIntervalMs: env.SCHEDULER_INTERVAL_MS ?? 1000,
    maxAttachmentBytes: env.MAX_ATTACHMENT_BYTES ?? DEFAULT_MAX_ATTACHMENT_BYTES,
    standstillPeriod: parseStandstillPeriod(env.STANDSTILL_PERIOD),
  };
};

export const PLATFORM_CONFIG = Symbol.for('tendril.PlatformConfig');
