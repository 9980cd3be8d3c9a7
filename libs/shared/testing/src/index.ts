export * from './lib/event-store-contract';
export * from './lib/event-store-contract.fixtures';
export * from './lib/demo-fixtures';
export * from './lib/documents';
