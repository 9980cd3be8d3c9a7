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

  describe('with awards proposed before they are made', () => {
    const proposed = {
      type: 'tender.award-proposed.v1' as const,
      data: { tenderId: 't-1', organisationId: 'org-council', lotId: 'L', bidId: 'b-win', supplierOrganisationId: 'org-win', valuePence: 1_000, proposedAt: '2026-03-11T10:00:00.000Z', standstillEndsAt: '2026-03-21T23:59:59.000Z' },
    };
    const withdrawn = {
      type: 'tender.award-withdrawn.v1' as const,
      data: { tenderId: 't-1', lotId: 'L', bidId: 'b-win', reason: 'Challenge upheld', withdrawnAt: '2026-03-15T10:00:00.000Z' },
    };
    const reopened = {
      type: 'LotEvaluationReopened' as const,
      data: { tenderId: 't-1', lotId: 'L', withdrawnAwardBidId: 'b-win', reason: 'Challenge upheld', reopenedBidIds: ['b-win', 'b-mid', 'b-low'], reopenedAt: '2026-03-15T10:00:01.000Z' },
    };
    const afterProposal = evolveLotResultRow(evaluated, proposed);

    it('opens each bidder’s debrief when the award is proposed', () => {
      if (!afterProposal) throw new Error('no row');
      expect(toLotResultView(afterProposal, bidderOf('org-mid'))?.entries.map((e) => e.bidId)).toEqual(['b-win', 'b-mid']);
      expect(toLotResultView(afterProposal, bidderOf('org-mid'))?.awardProposedAt).toBe('2026-03-11T10:00:00.000Z');
    });

    it('closes the debrief when the proposal is withdrawn, and while the lot is re-evaluated', () => {
      const afterWithdrawal = evolveLotResultRow(afterProposal, withdrawn);
      const afterReopening = evolveLotResultRow(afterWithdrawal, reopened);
      if (!afterWithdrawal || !afterReopening) throw new Error('no row');
      expect(toLotResultView(afterWithdrawal, bidderOf('org-mid'))).toBeNull();
      expect(toLotResultView(afterReopening, bidderOf('org-mid'))).toBeNull();
      expect(toLotResultView(afterReopening, { userId: 'u-c', role: 'commissioner', organisationId: 'org-council' })).toMatchObject({ reopenedAt: '2026-03-15T10:00:01.000Z', awardProposedAt: null });
    });

    it('debriefs the re-evaluated ranking at the next proposal', () => {
      const again = evolveLotResultRow(evolveLotResultRow(evolveLotResultRow(afterProposal, withdrawn), reopened), {
        ...completed,
        data: { ...completed.data, ranking: [completed.data.ranking[1], completed.data.ranking[0]].map((r, i) => ({ ...(r as (typeof completed.data.ranking)[0]), rank: i + 1 })), completedAt: '2026-03-20T10:00:00.000Z' },
      });
      if (!again) throw new Error('no row');
      expect(toLotResultView(again, bidderOf('org-mid'))).toBeNull();
      const reproposed = evolveLotResultRow(again, { ...proposed, data: { ...proposed.data, bidId: 'b-mid', supplierOrganisationId: 'org-mid', proposedAt: '2026-03-21T10:00:00.000Z' } });
      if (!reproposed) throw new Error('no row');
      expect(toLotResultView(reproposed, bidderOf('org-win'))?.entries.map((e) => [e.bidId, e.winner])).toEqual([
        ['b-mid', true],
        ['b-win', false],
      ]);
    });

    it('ignores a proposal for a lot bidding never evaluated', () => {
      expect(evolveLotResultRow(null, proposed)).toBeNull();
    });
  });
});
