import {
  PROVIDER_DUE_DILIGENCE_DECLARED_V1,
  PROVIDER_REGISTERED_V1,
  PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX,
  type ProviderRegistryIntegrationEvent,
} from '@tendril/bidding/contracts';
import { type ProjectedEvent, rowProjection } from '@tendril/shared/projections';
import { STRAND_RELEASED_V1, type StrandReleasedV1, TENDER_INTEGRATION_STREAM_PREFIX } from '@tendril/tender/contracts';
import { ProviderEligibilityRow, StrandFrameworkRow } from './contract-read-model.entities';

/** The registry's facts about one organisation: registered, and the latest declaration of each kind. */
export const evolveProviderEligibility = (row: ProviderEligibilityRow | null, event: ProjectedEvent<ProviderRegistryIntegrationEvent>): ProviderEligibilityRow => {
  const current = row ?? { organisationId: event.data.organisationId, registered: false, declarations: '{}' };
  if (event.type === PROVIDER_REGISTERED_V1) return { ...current, registered: true };
  const declarations = JSON.parse(current.declarations) as Record<string, string>;
  return { ...current, declarations: JSON.stringify({ ...declarations, [event.data.kind]: event.data.expiresAt }) };
};

export const providerEligibilityProjection = rowProjection<ProviderEligibilityRow, ProviderRegistryIntegrationEvent>({
  name: 'subcontracting-provider-eligibility',
  entity: ProviderEligibilityRow,
  eventTypes: [PROVIDER_REGISTERED_V1, PROVIDER_DUE_DILIGENCE_DECLARED_V1],
  streamPrefixes: [PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX],
  rowKey: (event) => ({ organisationId: event.data.organisationId }),
  evolve: evolveProviderEligibility,
});

/** The framework as last released: a later release of the same strand (the plan's framework grew) replaces it. */
export const evolveStrandFramework = (_row: StrandFrameworkRow | null, event: ProjectedEvent<StrandReleasedV1>): StrandFrameworkRow => {
  const { data } = event;
  return {
    planId: data.planId,
    strandId: data.strandId,
    commissionerOrganisationId: data.organisationId,
    name: data.name,
    area: data.area,
    deliveryModel: data.deliveryModel,
    measures: JSON.stringify(data.outcomeMeasures.map(({ measureId, name, kind, target }) => ({ measureId, name, kind, target }))),
    releasedAt: data.releasedAt,
  };
};

export const strandFrameworkProjection = rowProjection<StrandFrameworkRow, StrandReleasedV1>({
  name: 'subcontracting-strand-frameworks',
  entity: StrandFrameworkRow,
  eventTypes: [STRAND_RELEASED_V1],
  streamPrefixes: [TENDER_INTEGRATION_STREAM_PREFIX],
  rowKey: (event) => ({ planId: event.data.planId, strandId: event.data.strandId }),
  evolve: evolveStrandFramework,
});
