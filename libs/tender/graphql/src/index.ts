export * from './lib/tender.inputs';
export * from './lib/tender.models';
export * from './lib/tender.resolver';
export * from './lib/commissioning-plan.inputs';
export * from './lib/commissioning-plan.models';
export * from './lib/commissioning-plan.resolver';
export * from './lib/tender-audit.models';
export * from './lib/tender-audit.resolver';
