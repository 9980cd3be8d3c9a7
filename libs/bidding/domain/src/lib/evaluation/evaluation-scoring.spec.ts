/// <reference types="jest" />
import { DomainRuleBroken } from '@tendril/shared/ddd';
import { assertModeration, type BidToRank, normaliseMark, priceScore, rankBids, type WeightedCriterion } from './evaluation-scoring';

const code = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainRuleBroken ? error.code : 'not a rule';
  }
};

const SCALE = { max: 5 };
const criteria: WeightedCriterion[] = [
  { criterionId: 'Q1', kind: 'quality', weightPercent: 50 },
  { criterionId: 'SV', kind: 'social_value', weightPercent: 10 },
  { criterionId: 'YP', kind: 'youth_panel', weightPercent: 10 },
  { criterionId: 'P1', kind: 'price', weightPercent: 30 },
];
const bid = (bidId: string, pricePence: number, q1: number, sv: number, yp: number, submittedAt = '2026-02-01T09:00:00.000Z'): BidToRank => ({
  bidId,
  organisationId: `org-${bidId}`,
  pricePence,
  submittedAt,
  scores: { Q1: q1, SV: sv, YP: yp },
});

describe('Evaluation scoring', () => {
  describe('on the published scale', () => {
    it('turns a whole mark into a score out of 100', () => {
      expect(normaliseMark(4, SCALE)).toBe(80);
      expect(normaliseMark(0, SCALE)).toBe(0);
    });

    it.each([6, -1, 2.5])('refuses a mark of %p', (mark) => {
      expect(code(() => normaliseMark(mark, SCALE))).toBe('SCORE_NOT_ON_THE_PUBLISHED_SCALE');
    });
  });

  describe('the price formula', () => {
    it('gives the lowest price 100 and others in proportion', () => {
      expect(priceScore(1_000, 1_000)).toBe(100);
      expect(priceScore(1_250, 1_000)).toBe(80);
    });
  });

  describe('moderation', () => {
    const individual = [
      { evaluatorId: 'ev-1', mark: 3 },
      { evaluatorId: 'ev-2', mark: 4 },
    ];

    it('needs a reason when the consensus differs from any individual mark', () => {
      expect(code(() => assertModeration(individual, 4, ' ', SCALE))).toBe('MODERATION_REASON_REQUIRED');
      expect(code(() => assertModeration(individual, 4, 'Evaluator 1 missed the weekend offer in section 3', SCALE))).toBeNull();
    });

    it('needs no reason when everyone already agreed', () => {
      expect(code(() => assertModeration([{ evaluatorId: 'ev-1', mark: 4 }, { evaluatorId: 'ev-2', mark: 4 }], 4, '', SCALE))).toBeNull();
    });

    it('settles on the published scale, and only after someone has scored', () => {
      expect(code(() => assertModeration(individual, 9, 'Exceptional', SCALE))).toBe('SCORE_NOT_ON_THE_PUBLISHED_SCALE');
      expect(code(() => assertModeration([], 3, 'Agreed', SCALE))).toBe('NOTHING_TO_MODERATE');
    });
  });

  describe('the ranking', () => {
    it('weights each criterion and puts the highest total first', () => {
      const ranking = rankBids(criteria, [bid('cheap', 800, 60, 60, 60), bid('strong', 1_000, 100, 80, 100)]);
      // strong: 50 + 8 + 10 + 30 x 0.8 = 92; cheap: 30 + 6 + 6 + 30 = 72
      expect(ranking.map((r) => [r.rank, r.bidId, r.totalScore])).toEqual([
        [1, 'strong', 92],
        [2, 'cheap', 72],
      ]);
      expect(ranking[0]?.scores.find((s) => s.kind === 'price')).toEqual({ criterionId: 'P1', kind: 'price', weightPercent: 30, score: 80, weightedScore: 24 });
    });

    it('breaks a tie by the higher quality score', () => {
      // a: 30 for quality + 50 for price; b: 40 + 40. Both total 80.
      const tied = rankBids(
        [
          { criterionId: 'Q1', kind: 'quality', weightPercent: 50 },
          { criterionId: 'P1', kind: 'price', weightPercent: 50 },
        ],
        [
          { bidId: 'a', organisationId: 'org-a', pricePence: 1_000, submittedAt: '2026-02-01T09:00:00.000Z', scores: { Q1: 60 } },
          { bidId: 'b', organisationId: 'org-b', pricePence: 1_250, submittedAt: '2026-02-01T08:00:00.000Z', scores: { Q1: 80 } },
        ],
      );
      expect(tied.map((r) => r.totalScore)).toEqual([80, 80]);
      expect(tied.map((r) => r.bidId)).toEqual(['b', 'a']);
    });

    it('then by the lower price, then by the earlier submission', () => {
      const sameQuality = [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 100 },
        { criterionId: 'P1', kind: 'price', weightPercent: 0 },
      ] as const;
      const byPrice = rankBids(sameQuality, [
        { bidId: 'dear', organisationId: 'o1', pricePence: 2_000, submittedAt: '2026-02-01T08:00:00.000Z', scores: { Q1: 70 } },
        { bidId: 'cheap', organisationId: 'o2', pricePence: 1_000, submittedAt: '2026-02-01T09:00:00.000Z', scores: { Q1: 70 } },
      ]);
      expect(byPrice.map((r) => r.bidId)).toEqual(['cheap', 'dear']);
      const byTime = rankBids(sameQuality, [
        { bidId: 'later', organisationId: 'o1', pricePence: 1_000, submittedAt: '2026-02-01T09:00:00.000Z', scores: { Q1: 70 } },
        { bidId: 'earlier', organisationId: 'o2', pricePence: 1_000, submittedAt: '2026-02-01T08:00:00.000Z', scores: { Q1: 70 } },
      ]);
      expect(byTime.map((r) => r.bidId)).toEqual(['earlier', 'later']);
    });

    it('does not depend on the order the bids are given in', () => {
      const bids = [bid('x', 900, 70, 50, 40), bid('y', 1_000, 70, 50, 40), bid('z', 900, 70, 50, 40, '2026-01-31T09:00:00.000Z')];
      expect(rankBids(criteria, bids)).toEqual(rankBids(criteria, [...bids].reverse()));
    });

    it('counts the youth panel score with its published weight', () => {
      const withPanel = rankBids(criteria, [bid('liked', 1_000, 70, 50, 100), bid('unliked', 1_000, 72, 50, 0)]);
      expect(withPanel.map((r) => r.bidId)).toEqual(['liked', 'unliked']);
    });

    it('refuses weights that do not sum to 100, and a bid without a settled score', () => {
      expect(code(() => rankBids([{ criterionId: 'Q1', kind: 'quality', weightPercent: 90 }], []))).toBe('EVALUATION_WEIGHTS_MUST_SUM_TO_100');
      expect(code(() => rankBids(criteria, [{ ...bid('a', 1_000, 50, 50, 50), scores: { Q1: 50, SV: 50 } }]))).toBe('SCORE_MISSING');
    });
  });
});
