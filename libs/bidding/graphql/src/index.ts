export * from './lib/bid.models';
export * from './lib/bid.resolver';
export * from './lib/provider.models';
export * from './lib/provider.resolver';
export * from './lib/panel.models';
export * from './lib/panel.resolver';
export * from './lib/evaluator.models';
export * from './lib/evaluator.resolver';
