export * from './lib/bootstrap';
export * from './lib/event-store.provider';
export * from './lib/graphql-errors';
export * from './lib/idempotency-record.entity';
export * from './lib/idempotency.service';
export * from './lib/platform-config';
export * from './lib/platform.module';
export * from './lib/read-model-options';
