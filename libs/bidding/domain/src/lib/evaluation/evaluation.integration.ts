import type { RankedBid } from './evaluation-scoring';
import type { EvaluatorEvent } from './evaluator.events';

// What the evaluation publishes, mirroring `bidding.evaluation-completed.v1` in the contracts
// structurally; the translator types it with the contracts so the compiler checks they agree.
// Individual marks, justifications and evaluators stay inside bidding.

export interface PublishedEvaluationCompleted {
  readonly type: 'bidding.evaluation-completed.v1';
  readonly data: {
    readonly tenderId: string;
    readonly lotId: string;
    readonly completedAt: string;
    readonly ranking: readonly {
      readonly rank: number;
      readonly bidId: string;
      readonly supplierOrganisationId: string;
      readonly pricePence: number;
      readonly totalScore: number;
      readonly scores: RankedBid['scores'];
    }[];
    readonly winner: { readonly bidId: string; readonly supplierOrganisationId: string; readonly pricePence: number; readonly totalScore: number };
    readonly priceFormula: string;
    readonly tieBreakRule: string;
    readonly evidenceRefs: readonly string[];
  };
}

export const toEvaluationIntegrationEvents = (event: EvaluatorEvent): readonly PublishedEvaluationCompleted[] => {
  switch (event.type) {
    case 'LotEvaluationCompleted': {
      const { tenderId, lotId, completedAt, ranking, priceFormula, tieBreakRule, evidenceRefs } = event.data;
      const winner = ranking[0];
      if (!winner) return [];
      return [
        {
          type: 'bidding.evaluation-completed.v1',
          data: {
            tenderId,
            lotId,
            completedAt,
            ranking: ranking.map((r) => ({
              rank: r.rank,
              bidId: r.bidId,
              supplierOrganisationId: r.organisationId,
              pricePence: r.pricePence,
              totalScore: r.totalScore,
              scores: r.scores,
            })),
            winner: { bidId: winner.bidId, supplierOrganisationId: winner.organisationId, pricePence: winner.pricePence, totalScore: winner.totalScore },
            priceFormula,
            tieBreakRule,
            evidenceRefs,
          },
        },
      ];
    }
    // Assignments, declarations and individual marks stay inside bidding.
    case 'EvaluatorAssigned':
    case 'ConflictsDeclared':
    case 'CriterionScored':
    case 'ScoreModerated':
    case 'LotEvaluationReopened':
      return [];
    default: {
      const unknown: never = event;
      throw new Error(`Unknown evaluator event ${(unknown as { type: string }).type}`);
    }
  }
};
