export * from './lib/bidding-integration-events';
export * from './lib/evaluation-integration-events';
export * from './lib/provider-registry-integration-events';
