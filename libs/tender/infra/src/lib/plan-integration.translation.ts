import type { EventStore, RecordedEvent } from '@tendril/shared/event-store';
import { StreamNotFoundError } from '@tendril/shared/event-store';
import { planIntegrationStreamName, STRAND_RELEASED_V1, type StrandOutcomeMeasureV1, type StrandReleasedV1 } from '@tendril/tender/contracts';
import {
  COMMISSIONING_PLAN_EVENT_TYPES,
  COMMISSIONING_PLAN_STREAM_PREFIX,
  type CommissioningPlanEvent,
  commissioningPlanStreamName,
  type DeliveryModel,
} from '@tendril/tender/domain';

export const PLAN_INTEGRATION_SOURCE_FILTER = { streamPrefixes: [COMMISSIONING_PLAN_STREAM_PREFIX] };

interface StrandFacts {
  readonly strandId: string;
  readonly name: string;
  readonly area: string | null;
  readonly budgetPence: number;
  readonly deliveryModel: DeliveryModel;
  /** Released for tender, or delivered in-house (confirmed when the strand was added): it has left commissioning. */
  readonly left: boolean;
}

interface PlanFacts {
  readonly planId: string;
  readonly organisationId: string;
  readonly measures: readonly StrandOutcomeMeasureV1[];
  readonly strands: readonly StrandFacts[];
}

const foldPlan = (facts: PlanFacts | null, event: CommissioningPlanEvent): PlanFacts | null => {
  switch (event.type) {
    case 'CommissioningPlanDrafted':
      return { planId: event.data.planId, organisationId: event.data.organisationId, measures: event.data.outcomes.map(measureOf), strands: [] };
    case 'OutcomeMeasureAdded':
      return facts && { ...facts, measures: [...facts.measures, measureOf(event.data.measure)] };
    case 'StrandAdded': {
      const { strandId, name, area, budgetPence, deliveryModel } = event.data;
      return facts && { ...facts, strands: [...facts.strands, { strandId, name, area, budgetPence, deliveryModel, left: deliveryModel === 'in_house' }] };
    }
    case 'StrandReleasedForTender':
      return facts && { ...facts, strands: facts.strands.map((s) => (s.strandId === event.data.strandId ? { ...s, left: true } : s)) };
    default:
      return facts;
  }
};

const measureOf = ({ measureId, name, kind, target }: StrandOutcomeMeasureV1): StrandOutcomeMeasureV1 => ({ measureId, name, kind, target });

const released = (plan: PlanFacts, strand: StrandFacts, releasedAt: string): StrandReleasedV1 => ({
  type: STRAND_RELEASED_V1,
  data: {
    planId: plan.planId,
    organisationId: plan.organisationId,
    strandId: strand.strandId,
    name: strand.name,
    area: strand.area,
    budgetPence: strand.budgetPence,
    deliveryModel: strand.deliveryModel,
    outcomeMeasures: plan.measures,
    releasedAt,
  },
});

/**
 * What a plan publishes when its last event is `history`'s last: a strand leaves commissioning when it is
 * released for tender, or, delivered in-house, when it is added (an in-house strand is never released);
 * it carries the plan's outcomes framework as it stands. When the framework gains a measure, every strand
 * that already left is published again with the whole framework, so contracts made later measure it too.
 */
export const planIntegrationEvents = (history: readonly CommissioningPlanEvent[]): readonly StrandReleasedV1[] => {
  const last = history.at(-1);
  if (!last) return [];
  const plan = history.reduce<PlanFacts | null>(foldPlan, null);
  if (!plan) return [];
  switch (last.type) {
    case 'StrandAdded': {
      const strand = plan.strands.find((s) => s.strandId === last.data.strandId);
      return strand && strand.deliveryModel === 'in_house' ? [released(plan, strand, last.data.addedAt)] : [];
    }
    case 'StrandReleasedForTender': {
      const strand = plan.strands.find((s) => s.strandId === last.data.strandId);
      return strand ? [released(plan, strand, last.data.releasedAt)] : [];
    }
    case 'OutcomeMeasureAdded':
      return plan.strands.filter((s) => s.left).map((s) => released(plan, s, last.data.addedAt));
    default:
      return [];
  }
};

const isPlanEvent = (event: RecordedEvent): boolean => (COMMISSIONING_PLAN_EVENT_TYPES as readonly string[]).includes(event.type);

/** The plan's history up to and including the source event (never later ones, so a replay publishes the same). */
const planHistoryUpTo = async (store: Pick<EventStore, 'readStream'>, source: RecordedEvent): Promise<CommissioningPlanEvent[]> => {
  const history: CommissioningPlanEvent[] = [];
  try {
    for await (const recorded of store.readStream(source.streamName)) {
      if (recorded.revision > source.revision) break;
      if (isPlanEvent(recorded)) history.push({ type: recorded.type, data: recorded.data } as CommissioningPlanEvent);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return history;
};

/**
 * The plan's published language for one of its events, and where it is published (`tender.strand-released.v1`
 * on the plan's integration stream). Unlike a tender's facts, a strand's release needs the plan as it stood
 * (name, budget, outcomes framework), so the plan's stream is read up to the source event: the service wires
 * this into a checkpointed publisher (ADR 0007), which derives event ids from the source event.
 */
export const translatePlanEvent = async (
  store: Pick<EventStore, 'readStream'>,
  source: RecordedEvent,
): Promise<{ streamName: string; events: readonly StrandReleasedV1[] } | null> => {
  if (!source.streamName.startsWith(COMMISSIONING_PLAN_STREAM_PREFIX) || !PUBLISHING_EVENTS.includes(source.type)) return null;
  const events = planIntegrationEvents(await planHistoryUpTo(store, source));
  const planId = events[0]?.data.planId;
  if (planId === undefined) return null;
  if (commissioningPlanStreamName(planId) !== source.streamName) throw new Error(`Plan event on ${source.streamName} names plan ${planId}`);
  return { streamName: planIntegrationStreamName(planId), events };
};

const PUBLISHING_EVENTS: readonly string[] = ['StrandAdded', 'StrandReleasedForTender', 'OutcomeMeasureAdded'];
