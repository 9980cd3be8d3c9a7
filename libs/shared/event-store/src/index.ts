export * from './lib/event';
export * from './lib/errors';
export * from './lib/event-store.port';
export * from './lib/validation';
