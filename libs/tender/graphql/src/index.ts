export * from './lib/tender.inputs';
export * from './lib/tender.models';
export * from './lib/tender.resolver';
