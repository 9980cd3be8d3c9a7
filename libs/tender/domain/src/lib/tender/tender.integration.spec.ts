/// <reference types="jest" />
import type { LotAwarded, TenderCancelled, TenderClosed, TenderPublished } from './tender.events';
import { toIntegrationEvents } from './tender.integration';

const published: TenderPublished = {
  type: 'TenderPublished',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    title: 'Youth mentoring',
    description: 'Internal notes the market does not need in the event',
    category: 'youth-services',
    lots: [{ lotId: 'lot-north', title: 'North', estimatedValuePence: 100_00 }],
    criteria: [{ criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
    submissionDeadline: '2026-03-01T12:00:00.000Z',
    lightTouchRegime: true,
    suitableForVcse: false,
    reservedParticipation: true,
    publishedAt: '2026-02-01T09:00:00.000Z',
  },
};

describe('Tender integration events', () => {
  it('publish a tender with its lots, criteria, deadline and flags, as v1', () => {
    expect(toIntegrationEvents(published)).toEqual([
      {
        type: 'tender.tender-published.v1',
        data: {
          tenderId: 'tender-1',
          organisationId: 'org-leeds-council',
          title: 'Youth mentoring',
          category: 'youth-services',
          lots: [{ lotId: 'lot-north', title: 'North', estimatedValuePence: 100_00, strandId: null, area: null }],
          criteria: [{ criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
          submissionDeadline: '2026-03-01T12:00:00.000Z',
          lightTouchRegime: true,
          suitableForVcse: false,
          reservedParticipation: true,
          publishedAt: '2026-02-01T09:00:00.000Z',
          planId: null,
          strandId: null,
          retenderOfTenderId: null,
        },
      },
    ]);
  });

  it('publish a closure', () => {
    const closed: TenderClosed = { type: 'TenderClosed', data: { tenderId: 'tender-1', closedAt: '2026-03-01T12:00:00.000Z' } };
    expect(toIntegrationEvents(closed)).toEqual([{ type: 'tender.tender-closed.v1', data: closed.data }]);
  });

  it('publish an award with its contract terms but keep the rationale and evidence inside the tender context', () => {
    const awarded: LotAwarded = {
      type: 'LotAwarded',
      data: {
        tenderId: 'tender-1',
        organisationId: 'org-leeds-council',
        lotId: 'lot-north',
        bidId: 'bid-7',
        supplierOrganisationId: 'org-youth-trust',
        valuePence: 90_00,
        rationale: 'Scored highest',
        evidenceRefs: ['doc-1'],
        contractStartDate: '2026-04-01',
        contractEndDate: '2027-03-31',
        paymentTermsDays: 30,
        awardedAt: '2026-03-05T10:00:00.000Z',
      },
    };
    expect(toIntegrationEvents(awarded)).toEqual([
      {
        type: 'tender.lot-awarded.v1',
        data: {
          tenderId: 'tender-1',
          organisationId: 'org-leeds-council',
          lotId: 'lot-north',
          bidId: 'bid-7',
          supplierOrganisationId: 'org-youth-trust',
          valuePence: 90_00,
          contractStartDate: '2026-04-01',
          contractEndDate: '2027-03-31',
          paymentTermsDays: 30,
          awardedAt: '2026-03-05T10:00:00.000Z',
          planId: null,
          strandId: null,
        },
      },
    ]);
  });

  it('publish a cancellation with its reason', () => {
    const cancelled: TenderCancelled = {
      type: 'TenderCancelled',
      data: { tenderId: 'tender-1', reason: 'Budget withdrawn', cancelledAt: '2026-02-10T09:00:00.000Z' },
    };
    expect(toIntegrationEvents(cancelled)).toEqual([{ type: 'tender.tender-cancelled.v1', data: cancelled.data }]);
  });
});
