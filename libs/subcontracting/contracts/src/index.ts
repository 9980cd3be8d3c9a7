export * from './lib/subcontracting-integration-events';
