export * from './lib/contract-command.handlers';
export * from './lib/contract-queries';
export * from './lib/contract-read-model.port';
export * from './lib/subcontracting-commands';
export * from './lib/subcontracting.reactions';
export * from './lib/performance-read-model.port';
export * from './lib/supply-chain-facts.port';
export * from './lib/transition.reaction';
