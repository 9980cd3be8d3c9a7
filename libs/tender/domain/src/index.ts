export * from './lib/tender/tender.commands';
export * from './lib/tender/tender.events';
export * from './lib/tender/tender.state';
export * from './lib/tender/tender.errors';
export { decideTender } from './lib/tender/tender.decide';
export * from './lib/tender/tender.decider';
export * from './lib/tender/tender.integration';
