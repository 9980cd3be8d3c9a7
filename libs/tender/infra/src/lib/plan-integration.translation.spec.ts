/// <reference types="jest" />
import type { EventStore, RecordedEvent } from '@tendril/shared/event-store';
import { StreamNotFoundError } from '@tendril/shared/event-store';
import { planIntegrationStreamName, STRAND_RELEASED_V1 } from '@tendril/tender/contracts';
import type { CommissioningPlanEvent, OutcomeMeasure } from '@tendril/tender/domain';
import { planIntegrationEvents, translatePlanEvent } from './plan-integration.translation';

const reach = { measureId: 'reach', name: 'Young people engaged', kind: 'reach' as const, target: '1,200 a year' };
const learning = { measureId: 'accredited', name: 'Accredited learning', kind: 'learning_achievement_progress' as const, target: '40% of those engaged' };
const wellbeing = { measureId: 'wellbeing', name: 'Wellbeing', kind: 'other' as const, target: 'Improves for 60%' };

const drafted: CommissioningPlanEvent = {
  type: 'CommissioningPlanDrafted',
  data: {
    planId: 'plan-1',
    organisationId: 'org-council',
    title: 'Youth offer 2026-2029',
    periodStart: '2026-04-01',
    periodEnd: '2029-03-31',
    inHouseBudgetPence: 20_000_000,
    externalBudgetPence: 80_000_000,
    outcomes: [reach, learning],
    draftedAt: '2026-01-05T09:00:00.000Z',
  },
};
const strand = (strandId: string, deliveryModel: 'in_house' | 'external' | 'mixed', addedAt: string): CommissioningPlanEvent => ({
  type: 'StrandAdded',
  data: {
    planId: 'plan-1',
    strandId,
    name: `Strand ${strandId}`,
    area: 'North',
    budgetPence: 10_000_000,
    deliveryModel,
    optionsAppraisal: { optionsConsidered: ['in-house', 'contract'], conclusion: 'Best value' },
    inHouseRationale: deliveryModel === 'external' ? null : 'Statutory duty kept in-house',
    addedAt,
  },
});
const releasedForTender = (strandId: string, releasedAt: string): CommissioningPlanEvent => ({
  type: 'StrandReleasedForTender',
  data: { planId: 'plan-1', strandId, deliveryModel: 'external', engagementNoticeIds: ['n-1'], providerKindsEngaged: ['charity'], reasonForNoEngagement: null, releasedAt },
});
const measureAdded: CommissioningPlanEvent = { type: 'OutcomeMeasureAdded', data: { planId: 'plan-1', measure: wellbeing, addedAt: '2026-03-01T09:00:00.000Z' } };

const published = (strandId: string, deliveryModel: string, releasedAt: string, outcomeMeasures: readonly OutcomeMeasure[] = [reach, learning]) => ({
  type: STRAND_RELEASED_V1,
  data: {
    planId: 'plan-1',
    organisationId: 'org-council',
    strandId,
    name: `Strand ${strandId}`,
    area: 'North',
    budgetPence: 10_000_000,
    deliveryModel,
    outcomeMeasures,
    releasedAt,
  },
});

describe('A commissioning plan’s published language', () => {
  it('releases an in-house strand, with the plan’s outcomes framework, as soon as it is added', () => {
    expect(planIntegrationEvents([drafted, strand('IN-HOUSE', 'in_house', '2026-01-06T09:00:00.000Z')])).toEqual([
      published('IN-HOUSE', 'in_house', '2026-01-06T09:00:00.000Z'),
    ]);
  });

  it('publishes nothing when a strand that goes to market is added', () => {
    expect(planIntegrationEvents([drafted, strand('OPEN-NORTH', 'external', '2026-01-06T09:00:00.000Z')])).toEqual([]);
  });

  it('releases a tendered strand when the plan releases it for tender', () => {
    expect(
      planIntegrationEvents([drafted, strand('OPEN-NORTH', 'external', '2026-01-06T09:00:00.000Z'), releasedForTender('OPEN-NORTH', '2026-02-01T09:00:00.000Z')]),
    ).toEqual([published('OPEN-NORTH', 'external', '2026-02-01T09:00:00.000Z')]);
  });

  it('publishes every strand that already left again, with the whole framework, when the framework gains a measure', () => {
    const history = [
      drafted,
      strand('IN-HOUSE', 'in_house', '2026-01-06T09:00:00.000Z'),
      strand('OPEN-NORTH', 'external', '2026-01-06T09:00:00.000Z'),
      strand('OPEN-SOUTH', 'external', '2026-01-06T09:00:00.000Z'),
      releasedForTender('OPEN-NORTH', '2026-02-01T09:00:00.000Z'),
      measureAdded,
    ];
    expect(planIntegrationEvents(history)).toEqual([
      published('IN-HOUSE', 'in_house', '2026-03-01T09:00:00.000Z', [reach, learning, wellbeing]),
      published('OPEN-NORTH', 'external', '2026-03-01T09:00:00.000Z', [reach, learning, wellbeing]),
    ]);
  });
});

describe('Translating a plan event read from the log', () => {
  const recorded = (event: CommissioningPlanEvent, revision: number): RecordedEvent =>
    ({
      ...event,
      streamName: 'commissioningplan-plan-1',
      revision,
      position: revision + 100,
      metadata: { eventId: `e-${revision}`, schemaVersion: 1, occurredAt: '2026-01-06T09:00:00.000Z', correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'commissioner', organisationId: 'org-council' } },
    }) as unknown as RecordedEvent;
  const log = [drafted, strand('IN-HOUSE', 'in_house', '2026-01-06T09:00:00.000Z'), measureAdded].map(recorded);
  const store: Pick<EventStore, 'readStream'> = {
    readStream: (streamName: string) => {
      if (streamName !== 'commissioningplan-plan-1') throw new StreamNotFoundError(streamName);
      return (async function* () {
        yield* log;
      })();
    },
  } as Pick<EventStore, 'readStream'>;

  it('reads the plan as it stood at the source event, not as it stands now, and publishes on the plan’s stream', async () => {
    const source = log[1] as RecordedEvent;
    await expect(translatePlanEvent(store, source)).resolves.toEqual({
      streamName: planIntegrationStreamName('plan-1'),
      events: [published('IN-HOUSE', 'in_house', '2026-01-06T09:00:00.000Z')],
    });
  });

  it('ignores events that publish nothing and other streams', async () => {
    await expect(translatePlanEvent(store, log[0] as RecordedEvent)).resolves.toBeNull();
    await expect(translatePlanEvent(store, { ...(log[1] as RecordedEvent), streamName: 'tender-t-1' })).resolves.toBeNull();
  });
});
