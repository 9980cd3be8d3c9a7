export * from './lib/tender-integration.translation';
export * from './lib/tender-read-model.entities';
export * from './lib/tender.projection';
export * from './lib/tender.projection.definition';
export * from './lib/typeorm-tender-read-model';
