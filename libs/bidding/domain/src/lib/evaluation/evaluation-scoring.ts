import { BiddingRuleBroken } from '../bidding.errors';

// The arithmetic of an evaluation, as pure functions, so every published rule (the scale, the price
// formula, the weights, the tie-break) is one place a reader can check. Scores are normalised to
// 0..100 before weighting; results are rounded to 2 decimal places only where they are reported.

export type CriterionKind = 'quality' | 'price' | 'social_value' | 'youth_panel';

export interface WeightedCriterion {
  readonly criterionId: string;
  readonly kind: CriterionKind;
  readonly weightPercent: number;
}

/** The published scale evaluators score on, e.g. 0 to 5 with whole marks. */
export interface ScoringScale {
  readonly max: number;
}

export const PRICE_FORMULA = 'lowest-price-over-price';
export const TIE_BREAK_RULE = 'higher-quality-then-lower-price-then-earlier-submission';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A mark on the published scale: a whole number from 0 to the scale's maximum. */
export const assertMarkOnScale = (mark: number, scale: ScoringScale): void => {
  if (!Number.isInteger(mark) || mark < 0 || mark > scale.max) {
    throw new BiddingRuleBroken('SCORE_NOT_ON_THE_PUBLISHED_SCALE', `Scores are whole marks from 0 to ${scale.max}`, { mark, max: scale.max });
  }
};

/** A mark on the published scale as a score out of 100. */
export const normaliseMark = (mark: number, scale: ScoringScale): number => {
  assertMarkOnScale(mark, scale);
  return (mark / scale.max) * 100;
};

/** The published price formula: the lowest price scores 100, others in proportion (100 x lowest / price). */
export const priceScore = (pricePence: number, lowestPricePence: number): number => {
  if (pricePence <= 0 || lowestPricePence <= 0 || lowestPricePence > pricePence) {
    throw new Error(`price ${pricePence} cannot be scored against lowest price ${lowestPricePence}`);
  }
  return (100 * lowestPricePence) / pricePence;
};

export interface IndividualScore {
  readonly evaluatorId: string;
  readonly mark: number;
}

/**
 * Moderation settles one consensus mark per bid and criterion. It must say why whenever it differs
 * from any evaluator's own mark, so the record shows how the panel moved.
 */
export const assertModeration = (individual: readonly IndividualScore[], consensusMark: number, reason: string, scale: ScoringScale): void => {
  assertMarkOnScale(consensusMark, scale);
  if (individual.length === 0) {
    throw new BiddingRuleBroken('NOTHING_TO_MODERATE', 'Moderate only after at least one evaluator has scored');
  }
  const differs = individual.some((s) => s.mark !== consensusMark);
  if (differs && reason.trim() === '') {
    throw new BiddingRuleBroken('MODERATION_REASON_REQUIRED', 'Say why the consensus differs from the individual scores', {
      consensusMark,
      individualMarks: individual.map((s) => s.mark),
    });
  }
};

export interface BidToRank {
  readonly bidId: string;
  readonly organisationId: string;
  readonly pricePence: number;
  readonly submittedAt: string;
  /** Score out of 100 per non-price criterion (moderated quality and social value, the youth panel's score). */
  readonly scores: Readonly<Record<string, number>>;
}

export interface CriterionResult {
  readonly criterionId: string;
  readonly kind: CriterionKind;
  readonly weightPercent: number;
  readonly score: number;
  readonly weightedScore: number;
}

export interface RankedBid {
  readonly rank: number;
  readonly bidId: string;
  readonly organisationId: string;
  readonly pricePence: number;
  readonly totalScore: number;
  readonly scores: readonly CriterionResult[];
}

export const assertWeights = (criteria: readonly WeightedCriterion[]): void => {
  const total = criteria.reduce((sum, c) => sum + c.weightPercent, 0);
  if (Math.abs(total - 100) > 1e-9) {
    throw new BiddingRuleBroken('EVALUATION_WEIGHTS_MUST_SUM_TO_100', `The criteria weights add up to ${total}%, not 100%`, { totalPercent: total });
  }
};

interface Scored {
  readonly bid: BidToRank;
  readonly results: CriterionResult[];
  readonly total: number;
  readonly nonPrice: number;
}

/**
 * Ranks a lot's bids by weighted score. Ties (equal totals to 2 decimal places) are broken by the
 * published rule: the higher weighted non-price (quality) score, then the lower price, then the
 * earlier submission; the bid id settles anything left so the order never depends on input order.
 */
export const rankBids = (criteria: readonly WeightedCriterion[], bids: readonly BidToRank[]): RankedBid[] => {
  assertWeights(criteria);
  if (bids.length === 0) return [];
  const lowest = Math.min(...bids.map((b) => b.pricePence));
  const scored: Scored[] = bids.map((bid) => {
    const results = criteria.map((criterion): CriterionResult => {
      const raw = criterion.kind === 'price' ? priceScore(bid.pricePence, lowest) : bid.scores[criterion.criterionId];
      if (raw === undefined) {
        throw new BiddingRuleBroken('SCORE_MISSING', `Bid ${bid.bidId} has no settled score for criterion ${criterion.criterionId}`, {
          bidId: bid.bidId,
          criterionId: criterion.criterionId,
        });
      }
      if (raw < 0 || raw > 100) throw new Error(`score ${raw} for ${criterion.criterionId} is not out of 100`);
      return { criterionId: criterion.criterionId, kind: criterion.kind, weightPercent: criterion.weightPercent, score: raw, weightedScore: (raw * criterion.weightPercent) / 100 };
    });
    const total = results.reduce((sum, r) => sum + r.weightedScore, 0);
    const nonPrice = results.filter((r) => r.kind !== 'price').reduce((sum, r) => sum + r.weightedScore, 0);
    return { bid, results, total, nonPrice };
  });
  const ordered = [...scored].sort(
    (a, b) =>
      round2(b.total) - round2(a.total) ||
      round2(b.nonPrice) - round2(a.nonPrice) ||
      a.bid.pricePence - b.bid.pricePence ||
      Date.parse(a.bid.submittedAt) - Date.parse(b.bid.submittedAt) ||
      (a.bid.bidId < b.bid.bidId ? -1 : a.bid.bidId > b.bid.bidId ? 1 : 0),
  );
  return ordered.map(({ bid, results, total }, index) => ({
    rank: index + 1,
    bidId: bid.bidId,
    organisationId: bid.organisationId,
    pricePence: bid.pricePence,
    totalScore: round2(total),
    scores: results.map((r) => ({ ...r, score: round2(r.score), weightedScore: round2(r.weightedScore) })),
  }));
};
