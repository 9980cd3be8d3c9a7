export * from './lib/bid-command.handlers';
export * from './lib/bid-queries';
export * from './lib/bid-read-model.port';
export * from './lib/bidding-commands';
export * from './lib/bidding.reactions';
