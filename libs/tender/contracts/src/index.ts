export * from './lib/tender-integration-events';
