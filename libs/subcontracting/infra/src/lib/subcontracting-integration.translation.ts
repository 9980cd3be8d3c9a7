import type { RecordedEvent } from '@tendril/shared/event-store';
import { type SubcontractingIntegrationEvent, subcontractingIntegrationStreamName } from '@tendril/subcontracting/contracts';
import { CONTRACT_STREAM_PREFIX, type ContractEvent, toIntegrationEvents } from '@tendril/subcontracting/domain';

export const SUBCONTRACTING_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [CONTRACT_STREAM_PREFIX] };

export const translateContractEvent = (
  event: RecordedEvent,
): { streamName: string; events: readonly SubcontractingIntegrationEvent[] } | null => {
  const domainEvent = { type: event.type, data: event.data } as ContractEvent;
  const events: readonly SubcontractingIntegrationEvent[] = toIntegrationEvents(domainEvent);
  if (events.length === 0) return null;
  return { streamName: subcontractingIntegrationStreamName(domainEvent.data.contractId), events };
};
