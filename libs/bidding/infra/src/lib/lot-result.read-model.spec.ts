/// <reference types="jest" />
import type { LotEvaluationCompleted } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { evolveLotResultRow, toLotResultView } from './lot-result.read-model';

const completed: LotEvaluationCompleted = {
  type: 'LotEvaluationCompleted',
  data: {
    tenderId: 't-1',
    commissionerOrganisationId: 'org-council',
    lotId: 'L',
    ranking: [
      { rank: 1, bidId: 'b-win', organisationId: 'org-win', pricePence: 1_000, totalScore: 90, scores: [] },
      { rank: 2, bidId: 'b-mid', organisationId: 'org-mid', pricePence: 1_100, totalScore: 80, scores: [] },
      { rank: 3, bidId: 'b-low', organisationId: 'org-low', pricePence: 1_200, totalScore: 70, scores: [] },
    ],
    priceFormula: 'lowest-price-over-price',
    tieBreakRule: 'higher-quality-then-lower-price-then-earlier-submission',
    evidenceRefs: [],
    completedAt: '2026-03-10T10:00:00.000Z',
  },
};
const awarded = {
  type: 'tender.lot-awarded.v1' as const,
  data: {
    tenderId: 't-1',
    organisationId: 'org-council',
    lotId: 'L',
    bidId: 'b-win',
    supplierOrganisationId: 'org-win',
    valuePence: 1_000,
    contractStartDate: '2027-04-01',
    contractEndDate: '2030-03-31',
    paymentTermsDays: 30,
    awardedAt: '2026-03-12T10:00:00.000Z',
  },
};
const bidderOf = (organisationId: string): Actor => ({ userId: `u-${organisationId}`, role: 'provider', organisationId });

describe('Lot result read model', () => {
  const evaluated = evolveLotResultRow(null, completed);
  const afterAward = evolveLotResultRow(evaluated, awarded);

  it('shows the council and auditors the whole ranking as soon as it is complete', () => {
    if (!evaluated) throw new Error('no row');
    expect(toLotResultView(evaluated, { userId: 'u-c', role: 'commissioner', organisationId: 'org-council' })?.entries).toHaveLength(3);
    expect(toLotResultView(evaluated, { userId: 'u-a', role: 'auditor', organisationId: null })?.entries).toHaveLength(3);
  });

  it('shows bidders nothing before the award', () => {
    if (!evaluated) throw new Error('no row');
    expect(toLotResultView(evaluated, bidderOf('org-mid'))).toBeNull();
  });

  it('after the award shows a bidder its own entry and the winner’s only', () => {
    if (!afterAward) throw new Error('no row');
    expect(toLotResultView(afterAward, bidderOf('org-low'))?.entries.map((e) => e.bidId)).toEqual(['b-win', 'b-low']);
    expect(toLotResultView(afterAward, bidderOf('org-win'))?.entries.map((e) => e.bidId)).toEqual(['b-win']);
    expect(toLotResultView(afterAward, bidderOf('org-stranger'))).toBeNull();
    expect(toLotResultView(afterAward, { userId: 'u-e', role: 'commissioner', organisationId: 'org-other' })).toBeNull();
  });
});
