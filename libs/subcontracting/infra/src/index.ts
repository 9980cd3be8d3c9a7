export * from './lib/contract-read-model.entities';
export * from './lib/contract.projection';
export * from './lib/subcontracting-integration.translation';
export * from './lib/visible-contract-read-model';
export * from './lib/visible-performance-read-model';
export * from './lib/supply-chain-facts.projections';
export * from './lib/typeorm-supply-chain-facts';
