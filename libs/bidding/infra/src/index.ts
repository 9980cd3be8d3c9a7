export * from './lib/bid-read-model.entities';
export * from './lib/bid.projection';
export * from './lib/bidding-integration.translation';
export * from './lib/sealed-bid-read-model';
