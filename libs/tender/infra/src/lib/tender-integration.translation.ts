import type { RecordedEvent } from '@tendril/shared/event-store';
import { type TenderIntegrationEvent, tenderIntegrationStreamName } from '@tendril/tender/contracts';
import { TENDER_STREAM_PREFIX, type TenderEvent, toIntegrationEvents } from '@tendril/tender/domain';

export const TENDER_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [TENDER_STREAM_PREFIX] };

/** The tender context's published language for one of its domain events, and where it is published. */
export const translateTenderEvent = (
  event: RecordedEvent,
): { streamName: string; events: readonly TenderIntegrationEvent[] } | null => {
  if (!event.streamName.startsWith(TENDER_STREAM_PREFIX)) return null;
  const domainEvent = { type: event.type, data: event.data } as TenderEvent;
  const events: readonly TenderIntegrationEvent[] = toIntegrationEvents(domainEvent);
  return { streamName: tenderIntegrationStreamName(domainEvent.data.tenderId), events };
};
