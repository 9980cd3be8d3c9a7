/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { AwardLot, AwardLotData, LotEvaluationResult } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type { LotAwarded, TenderClosed, TenderPublished } from './tender.events';

const spec = DeciderSpecification.for(tenderDecider);
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const DEADLINE = '2026-03-01T12:00:00.000Z';
const AFTER = '2026-03-10T09:00:00.000Z';

const published: TenderPublished = {
  type: 'TenderPublished',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    title: 'Mentoring',
    description: '',
    category: 'youth-services',
    lots: [{ lotId: 'lot-1', title: 'All areas', estimatedValuePence: 10_000_000 }],
    criteria: [{ criterionId: 'q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
    submissionDeadline: DEADLINE,
    lightTouchRegime: false,
    suitableForVcse: true,
    reservedParticipation: false,
    publishedAt: '2026-02-01T09:00:00.000Z',
  },
};
const closed: TenderClosed = { type: 'TenderClosed', data: { tenderId: 'tender-1', closedAt: DEADLINE } };
const evaluation: LotEvaluationResult = { winnerBidId: 'bid-7', winnerOrganisationId: 'org-youth-trust', evidenceRefs: ['moderation-lot-1', 'panel-scores-lot-1'] };

const award = (overrides: Partial<AwardLotData>): AwardLot => ({
  type: 'AwardLot',
  data: {
    tenderId: 'tender-1',
    lotId: 'lot-1',
    bidId: 'bid-7',
    supplierOrganisationId: 'org-youth-trust',
    valuePence: 9_500_000,
    rationale: 'Ranked first on quality and youth panel',
    evidenceRefs: ['award-report', 'moderation-lot-1'],
    contractStartDate: '2026-04-01',
    contractEndDate: '2028-03-31',
    paymentTermsDays: 30,
    evaluation,
    ...overrides,
  },
  metadata: { now: new Date(AFTER), actor: commissioner, correlationId: 'corr-1' },
});

describe('Awarding a lot from the evaluation result', () => {
  it('goes to the bid the evaluation ranked first, with the evaluation evidence recorded', () => {
    const [event] = tenderDecider.decide(award({}), spec.given([published, closed]).fold()) as [LotAwarded];
    expect(event.data).toMatchObject({ bidId: 'bid-7', supplierOrganisationId: 'org-youth-trust' });
    expect(event.data.evidenceRefs).toEqual(['award-report', 'moderation-lot-1', 'panel-scores-lot-1']);
  });

  it('is refused for any other bid', () => {
    spec
      .given([published, closed])
      .when(award({ bidId: 'bid-9', supplierOrganisationId: 'org-homes' }))
      .thenThrows('AWARD_MUST_GO_TO_THE_EVALUATION_WINNER', { lotId: 'lot-1', winnerBidId: 'bid-7' });
  });

  it('rests on the opened bid and the rationale when no evaluation was published', () => {
    const [event] = tenderDecider.decide(award({ bidId: 'bid-9', supplierOrganisationId: 'org-homes', evaluation: null }), spec.given([published, closed]).fold()) as [LotAwarded];
    expect(event.data).toMatchObject({ bidId: 'bid-9', evidenceRefs: ['award-report', 'moderation-lot-1'] });
  });
});
