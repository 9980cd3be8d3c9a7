export * from './lib/subcontracting.errors';
export * from './lib/contract/contract.commands';
export * from './lib/contract/contract.events';
export * from './lib/contract/contract.state';
export { decideContract, DEFAULT_SUBCONTRACTING_POLICY, type SubcontractingPolicy } from './lib/contract/contract.decide';
export * from './lib/contract/contract.decider';
export * from './lib/subcontracting.integration';
export { quarterDates } from './lib/contract/contract-performance.decide';
export { checkTransitionTargets } from './lib/contract/contract-transition.decide';
