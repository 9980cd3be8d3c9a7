export * from './lib/bid-read-model.entities';
export * from './lib/bid.projection';
export * from './lib/bidding-integration.translation';
export * from './lib/sealed-bid-read-model';
export * from './lib/provider-read-model.entities';
export * from './lib/provider.projection';
export * from './lib/provider-registry-integration.translation';
export * from './lib/registry-provider-read-model';
