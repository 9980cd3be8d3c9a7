// Published when a lot's evaluation is complete: the ranked bids, so the tender context can propose
// the award. Published on the tender's bidding stream (`biddingIntegrationStreamName(tenderId)`),
// after the deadline only, so nothing sealed leaks. Scores are whole points out of each criterion's
// published maximum, already weighted (`weightedScore` sums to `totalScore`).

export const EVALUATION_COMPLETED_V1 = 'bidding.evaluation-completed.v1';

export interface RankedBidScoreV1 {
  /** Tender criterion id; `price` and `youth_panel` criteria appear here too. */
  readonly criterionId: string;
  readonly kind: 'quality' | 'price' | 'social_value' | 'youth_panel';
  readonly weightPercent: number;
  /** The moderated (consensus) score for quality and social value, the formula's score for price, the panel's for youth panel; 0..100. */
  readonly score: number;
  /** `score * weightPercent / 100`, rounded to 2 decimal places. */
  readonly weightedScore: number;
}

export interface RankedBidV1 {
  /** 1 is the winner. Ties are broken by the rule in `tieBreakRule`, so ranks are unique. */
  readonly rank: number;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly pricePence: number;
  readonly totalScore: number;
  readonly scores: readonly RankedBidScoreV1[];
}

export interface EvaluationCompletedV1Data {
  readonly tenderId: string;
  readonly lotId: string;
  readonly completedAt: string;
  /** The bids that were evaluated (compliant, not excluded), best first. */
  readonly ranking: readonly RankedBidV1[];
  readonly winner: { readonly bidId: string; readonly supplierOrganisationId: string; readonly pricePence: number; readonly totalScore: number };
  /** The published price formula, e.g. `lowest-price-over-price`: score = 100 * lowest price / this price. */
  readonly priceFormula: string;
  /** The published tie-break, e.g. `higher-quality-then-lower-price-then-earlier-submission`. */
  readonly tieBreakRule: string;
  /** Who moderated, and why the result stands: the moderation records behind the consensus scores. */
  readonly evidenceRefs: readonly string[];
}

export interface EvaluationCompletedV1 {
  readonly type: typeof EVALUATION_COMPLETED_V1;
  readonly data: EvaluationCompletedV1Data;
}
