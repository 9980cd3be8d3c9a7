import { biddingIntegrationStreamName, type EvaluationCompletedV1 } from '@tendril/bidding/contracts';
import { EVALUATORS_STREAM_PREFIX, type EvaluatorEvent, toEvaluationIntegrationEvents } from '@tendril/bidding/domain';
import type { RecordedEvent } from '@tendril/shared/event-store';

export const EVALUATION_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [EVALUATORS_STREAM_PREFIX] };

/** A completed lot evaluation goes to the tender's bidding stream, where the tender context reads it to propose the award. */
export const translateEvaluationEvent = (event: RecordedEvent): { streamName: string; events: readonly EvaluationCompletedV1[] } | null => {
  const domainEvent = { type: event.type, data: event.data } as EvaluatorEvent;
  const events: readonly EvaluationCompletedV1[] = toEvaluationIntegrationEvents(domainEvent);
  if (events.length === 0) return null;
  return { streamName: biddingIntegrationStreamName(domainEvent.data.tenderId), events };
};
