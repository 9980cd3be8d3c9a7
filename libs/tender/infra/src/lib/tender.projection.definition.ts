import type { Projection } from '@tendril/shared/projections';
import { TENDER_READ_MODEL_ENTITIES } from './tender-read-model.entities';
import { applyToTenderReadModel, TENDER_PROJECTION_FILTER, TENDER_PROJECTION_NAME } from './tender.projection';

export const tenderReadModelProjection: Projection = {
  name: TENDER_PROJECTION_NAME,
  filter: TENDER_PROJECTION_FILTER,
  entities: TENDER_READ_MODEL_ENTITIES,
  apply: (event, tx) => applyToTenderReadModel(event as never, tx),
};
