export * from './lib/clock';
export * from './lib/decider';
export * from './lib/decider-specification';
export * from './lib/event-id';
export * from './lib/fold-until';
export * from './lib/handle-command';
export * from './lib/read-model-freshness';
export * from './lib/request-context';
