export { inTransaction, readCheckpoint, type Checkpoint } from './lib/checkpoint-transaction';
export * from './lib/errors';
export * from './lib/projection';
export * from './lib/projection-checkpoint.entity';
export * from './lib/projector';
export * from './lib/projectors';
export * from './lib/rebuild-projections';
export * from './lib/projections.module';
