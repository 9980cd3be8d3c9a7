/// <reference types="jest" />
import type { BidSubmitted } from '@tendril/bidding/domain';
import { evolveBidRow, evolveCompetitionDeadlineRow } from './bid.projection';

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

  it('list the documents attached now, with their hash, and drop removed ones', () => {
    const attachment = { attachmentId: 'att-1', fileName: 'Plan.pdf', contentType: 'application/pdf', sizeBytes: 1234, sha256: 'a'.repeat(64), addedAt: '2026-02-03T12:00:00.000Z' };
    const withDocument = evolveBidRow(evolveBidRow(null, submitted), { type: 'BidAttachmentAdded', data: { bidId: 'bid-1', ...attachment } });
    expect(JSON.parse(withDocument?.attachmentsJson ?? '')).toEqual([attachment]);
    const without = evolveBidRow(withDocument, { type: 'BidAttachmentRemoved', data: { bidId: 'bid-1', attachmentId: 'att-1', sha256: 'a'.repeat(64), removedAt: '2026-02-04T12:00:00.000Z' } });
    expect(JSON.parse(without?.attachmentsJson ?? '')).toEqual([]);
  });
});

describe('Competition deadline rows', () => {
  it('hold the deadline as the tender opened it, then as extended', () => {
    const opened = evolveCompetitionDeadlineRow(null, {
      type: 'CompetitionOpened',
      data: { tenderId: 'tender-1', commissionerOrganisationId: 'org-council', lotIds: [], answerableCriterionIds: [], submissionDeadline: '2026-03-01T12:00:00.000Z', openedAt: '2026-02-01T12:00:00.000Z' },
    });
    const extended = evolveCompetitionDeadlineRow(opened, {
      type: 'CompetitionDeadlineExtended',
      data: { tenderId: 'tender-1', previousSubmissionDeadline: '2026-03-01T12:00:00.000Z', submissionDeadline: '2026-03-15T12:00:00.000Z', reason: 'Clarification', extendedAt: '2026-02-20T12:00:00.000Z' },
    });
    expect([opened.submissionDeadline, extended.submissionDeadline]).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-15T12:00:00.000Z']);
  });
});
