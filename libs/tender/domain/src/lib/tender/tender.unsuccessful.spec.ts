/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { TenderCommand } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type { LotAwarded, TenderCancelled, TenderClosed, TenderDeclaredUnsuccessful, TenderPublished } from './tender.events';
import { toIntegrationEvents } from './tender.integration';

const spec = DeciderSpecification.for(tenderDecider);
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const otherCouncil: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
const DEADLINE = '2026-03-01T12:00:00.000Z';
const AFTER = '2026-03-05T09:00:00.000Z';

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
const as = (command: Omit<TenderCommand, 'metadata'>, actor: Actor = commissioner, now = AFTER): TenderCommand =>
  ({ ...command, metadata: { now: new Date(now), actor, correlationId: 'corr-1' } }) as TenderCommand;
const declare = (reason = 'No compliant bid was received', actor: Actor = commissioner, now = AFTER) =>
  as({ type: 'DeclareTenderUnsuccessful', data: { tenderId: 'tender-1', reason } }, actor, now);
const unsuccessful: TenderDeclaredUnsuccessful = {
  type: 'TenderDeclaredUnsuccessful',
  data: { tenderId: 'tender-1', reason: 'No compliant bid was received', declaredAt: AFTER },
};

describe('A tender with no compliant bid', () => {
  it('is declared unsuccessful by its commissioner after it closes, with the reason', () => {
    spec.given([published, closed]).when(declare()).then([unsuccessful]);
    expect(toIntegrationEvents(unsuccessful)).toEqual([{ type: 'tender.tender-unsuccessful.v1', data: unsuccessful.data }]);
  });

  it('cannot be declared unsuccessful while bids are sealed, by another council, or without a reason', () => {
    spec.given([published]).when(declare('No bids', commissioner, '2026-02-20T09:00:00.000Z')).thenThrows('TENDER_NOT_CLOSED');
    spec.given([published, closed]).when(declare('No bids', otherCouncil)).thenThrows('NOT_THE_TENDER_COMMISSIONER');
    spec.given([published, closed]).when(declare(' ')).thenThrows('UNSUCCESSFUL_REASON_REQUIRED');
  });

  it('cannot be declared unsuccessful once a lot is awarded, twice, or after cancellation', () => {
    const awarded = { type: 'LotAwarded', data: { tenderId: 'tender-1', lotId: 'lot-1', bidId: 'bid-1', supplierOrganisationId: 'org-x', valuePence: 1, awardedAt: AFTER } } as unknown as LotAwarded;
    const cancelled: TenderCancelled = { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'Withdrawn', cancelledAt: AFTER } };
    spec.given([published, closed, awarded]).when(declare()).thenThrows('TENDER_ALREADY_AWARDED');
    spec.given([published, closed, unsuccessful]).when(declare()).thenThrows('TENDER_UNSUCCESSFUL');
    spec.given([published, closed, cancelled]).when(declare()).thenThrows('TENDER_CANCELLED');
  });

  it('is then neither awarded nor cancelled', () => {
    spec
      .given([published, closed, unsuccessful])
      .when(as({ type: 'CancelTender', data: { tenderId: 'tender-1', reason: 'Tidy up' } }))
      .thenThrows('TENDER_UNSUCCESSFUL');
    spec
      .given([published, closed, unsuccessful])
      .when(
        as({
          type: 'ProposeAward',
          data: {
            tenderId: 'tender-1',
            lotId: 'lot-1',
            bidId: 'bid-1',
            valuePence: 1,
            rationale: 'r',
            evidenceRefs: [],
            contractStartDate: '2026-04-01',
            contractEndDate: '2027-03-31',
            paymentTermsDays: 30,
            standstill: { kind: 'working_days', days: 8 },
          },
        }),
      )
      .thenThrows('TENDER_UNSUCCESSFUL');
    expect(spec.given([published, closed, unsuccessful]).fold()).toMatchObject({ status: 'unsuccessful' });
  });
});
