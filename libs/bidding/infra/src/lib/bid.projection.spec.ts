/// <reference types="jest" />
import type { BidSubmitted } from '@tendril/bidding/domain';
import { evolveBidRow } from './bid.projection';

const submitted: BidSubmitted = {
  type: 'BidSubmitted',
  data: {
    bidId: 'bid-1',
    tenderId: 'tender-1',
    lotId: 'lot-north',
    organisationId: 'org-lead',
    commissionerOrganisationId: 'org-council',
    submissionDeadline: '2026-03-01T12:00:00.000Z',
    answerableCriterionIds: ['q1'],
    pricePence: 1_000,
    qualityAnswers: [],
    socialValueCommitments: '',
    subcontractors: [{ organisationId: 'org-sub', sharePercent: 20, scope: 'Mentoring' }],
    consortium: { leadOrganisationId: 'org-lead', members: [{ organisationId: 'org-lead', sharePercent: 70 }, { organisationId: 'org-b', sharePercent: 30 }] },
    submittedAt: '2026-02-01T12:00:00.000Z',
  },
};

describe('Bid read model rows', () => {
  it('keep the consortium and proposed subcontractors', () => {
    const row = evolveBidRow(null, submitted);
    expect(JSON.parse(row?.subcontractorsJson ?? '')).toEqual(submitted.data.subcontractors);
    expect(JSON.parse(row?.consortiumJson ?? '')).toEqual(submitted.data.consortium);
  });

  it('read a bid recorded before partners existed as naming none', () => {
    const { subcontractors: _subcontractors, consortium: _consortium, ...legacy } = submitted.data;
    const row = evolveBidRow(null, { type: 'BidSubmitted', data: legacy });
    expect(row).toMatchObject({ subcontractorsJson: '[]', consortiumJson: 'null' });
  });

  it('replace the partners when the bid is amended', () => {
    const row = evolveBidRow(evolveBidRow(null, submitted), {
      type: 'BidAmended',
      data: { bidId: 'bid-1', pricePence: 900, qualityAnswers: [], socialValueCommitments: '', subcontractors: [], consortium: null, amendedAt: '2026-02-02T12:00:00.000Z' },
    });
    expect(row).toMatchObject({ pricePence: 900, subcontractorsJson: '[]', consortiumJson: 'null' });
  });
});
