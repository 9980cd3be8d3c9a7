export * from './lib/contract.models';
export * from './lib/contract.resolver';
