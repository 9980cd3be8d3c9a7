export * from './lib/bidding-integration-events';
