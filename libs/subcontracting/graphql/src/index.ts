export * from './lib/contract.models';
export * from './lib/contract.resolver';
export * from './lib/performance.models';
export * from './lib/performance.resolver';
export * from './lib/decommissioning.models';
export * from './lib/decommissioning.resolver';
export * from './lib/contract-audit.models';
export * from './lib/contract-audit.resolver';
