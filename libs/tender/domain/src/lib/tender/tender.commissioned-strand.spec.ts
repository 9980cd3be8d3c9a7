/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { CommissionedStrand, PublishTender } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type { TenderPublished } from './tender.events';

const spec = DeciderSpecification.for(tenderDecider);
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const NOW = '2026-02-01T09:00:00.000Z';
const DEADLINE = '2026-03-01T12:00:00.000Z';

const releasedStrand: CommissionedStrand = {
  planId: 'plan-1',
  strandId: 'OPEN-NORTH',
  area: 'North',
  planOrganisationId: 'org-leeds-council',
  deliveryModel: 'external',
  releasedForTender: true,
};

const publish = (commissionedStrand: CommissionedStrand | null): PublishTender => ({
  type: 'PublishTender',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    title: 'Open-access youth work',
    description: '',
    category: 'youth-work',
    lots: [{ lotId: 'NORTH', title: 'North', estimatedValuePence: 1_000 }],
    criteria: [{ criterionId: 'q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
    submissionDeadline: DEADLINE,
    clarificationDeadline: null,
    lightTouchRegime: true,
    suitableForVcse: true,
    reservedParticipation: false,
    commissionedStrand,
    documents: [],
  },
  metadata: { now: new Date(NOW), actor: commissioner, correlationId: 'corr-1' },
});

describe('A tender that belongs to a commissioning plan', () => {
  it('records its plan and strand when the strand is released for tender', () => {
    const [event] = tenderDecider.decide(publish(releasedStrand), tenderDecider.initialState()) as [TenderPublished];
    expect(event.data).toMatchObject({ planId: 'plan-1', strandId: 'OPEN-NORTH', area: 'North' });
  });

  it('also goes out for a mixed strand once released', () => {
    const [event] = tenderDecider.decide(publish({ ...releasedStrand, deliveryModel: 'mixed' }), tenderDecider.initialState()) as [TenderPublished];
    expect(event.data.strandId).toBe('OPEN-NORTH');
  });

  it('cannot go out before its strand is released (market engagement or a reason for none)', () => {
    spec.given([]).when(publish({ ...releasedStrand, releasedForTender: false })).thenThrows('STRAND_NOT_RELEASED_FOR_TENDER', { planId: 'plan-1', strandId: 'OPEN-NORTH' });
  });

  it('cannot commission an in-house strand', () => {
    spec.given([]).when(publish({ ...releasedStrand, deliveryModel: 'in_house' })).thenThrows('STRAND_DELIVERED_IN_HOUSE');
  });

  it("cannot belong to another council's plan", () => {
    spec.given([]).when(publish({ ...releasedStrand, planOrganisationId: 'org-york-council' })).thenThrows('PLAN_OF_ANOTHER_COUNCIL');
  });

  it('records no plan for a tender published outside one', () => {
    const [event] = tenderDecider.decide(publish(null), tenderDecider.initialState()) as [TenderPublished];
    expect(event.data).toMatchObject({ planId: null, strandId: null, area: null });
  });
});
