export * from './lib/bid.models';
export * from './lib/bid.resolver';
