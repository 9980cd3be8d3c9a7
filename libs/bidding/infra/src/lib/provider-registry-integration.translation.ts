import { type ProviderRegistryIntegrationEvent, providerRegistryIntegrationStreamName } from '@tendril/bidding/contracts';
import { PROVIDER_STREAM_PREFIX, type ProviderEvent, toProviderIntegrationEvents } from '@tendril/bidding/domain';
import type { RecordedEvent } from '@tendril/shared/event-store';

export const PROVIDER_REGISTRY_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [PROVIDER_STREAM_PREFIX] };

export const translateProviderEvent = (
  event: RecordedEvent,
): { streamName: string; events: readonly ProviderRegistryIntegrationEvent[] } | null => {
  const domainEvent = { type: event.type, data: event.data } as ProviderEvent;
  const events: readonly ProviderRegistryIntegrationEvent[] = toProviderIntegrationEvents(domainEvent);
  if (events.length === 0) return null;
  return { streamName: providerRegistryIntegrationStreamName(domainEvent.data.organisationId), events };
};
