import { type BiddingIntegrationEvent, biddingIntegrationStreamName } from '@tendril/bidding/contracts';
import { BID_STREAM_PREFIX, type BiddingEvent, COMPETITION_STREAM_PREFIX, toIntegrationEvents } from '@tendril/bidding/domain';
import type { RecordedEvent } from '@tendril/shared/event-store';

export const BIDDING_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [COMPETITION_STREAM_PREFIX, BID_STREAM_PREFIX] };

export const translateBiddingEvent = (
  event: RecordedEvent,
): { streamName: string; events: readonly BiddingIntegrationEvent[] } | null => {
  const domainEvent = { type: event.type, data: event.data } as BiddingEvent;
  const events: readonly BiddingIntegrationEvent[] = toIntegrationEvents(domainEvent);
  if (events.length === 0) return null;
  return { streamName: biddingIntegrationStreamName((domainEvent.data as { tenderId: string }).tenderId), events };
};
