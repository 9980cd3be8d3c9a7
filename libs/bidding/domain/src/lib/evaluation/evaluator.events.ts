import type { DomainEvent } from '@tendril/shared/ddd';
import type { RankedBid } from './evaluation-scoring';

export type EvaluatorAssigned = DomainEvent<
  'EvaluatorAssigned',
  {
    readonly tenderId: string;
    readonly commissionerOrganisationId: string;
    readonly evaluatorUserId: string;
    readonly displayName: string;
    readonly assignedAt: string;
  }
>;

export type ConflictsDeclared = DomainEvent<
  'ConflictsDeclared',
  {
    readonly tenderId: string;
    readonly evaluatorUserId: string;
    /** The evaluator is removed from every bid by these organisations. */
    readonly conflictedOrganisationIds: readonly string[];
    readonly statement: string;
    readonly declaredAt: string;
  }
>;

export type CriterionScored = DomainEvent<
  'CriterionScored',
  {
    readonly tenderId: string;
    readonly bidId: string;
    readonly criterionId: string;
    readonly evaluatorUserId: string;
    readonly mark: number;
    readonly scaleMax: number;
    readonly justification: string;
    readonly scoredAt: string;
  }
>;

export type ScoreModerated = DomainEvent<
  'ScoreModerated',
  {
    readonly tenderId: string;
    readonly bidId: string;
    readonly criterionId: string;
    readonly individualMarks: readonly { readonly evaluatorUserId: string; readonly mark: number }[];
    readonly consensusMark: number;
    readonly scaleMax: number;
    /** Why the consensus differs from the individual marks (required when it does). */
    readonly reason: string;
    readonly moderatedAt: string;
  }
>;

export type LotEvaluationCompleted = DomainEvent<
  'LotEvaluationCompleted',
  {
    readonly tenderId: string;
    readonly commissionerOrganisationId: string;
    readonly lotId: string;
    readonly ranking: readonly RankedBid[];
    readonly priceFormula: string;
    readonly tieBreakRule: string;
    /** The moderation records behind the consensus scores. */
    readonly evidenceRefs: readonly string[];
    readonly completedAt: string;
  }
>;

/**
 * The lot's completed evaluation no longer stands (its proposed award was withdrawn). The consensus
 * scores of `reopenedBidIds` (the bids that evaluation ranked) may be moderated again.
 */
export type LotEvaluationReopened = DomainEvent<
  'LotEvaluationReopened',
  {
    readonly tenderId: string;
    readonly lotId: string;
    readonly withdrawnAwardBidId: string;
    readonly reason: string;
    readonly reopenedBidIds: readonly string[];
    readonly reopenedAt: string;
  }
>;

export type EvaluatorEvent = EvaluatorAssigned | ConflictsDeclared | CriterionScored | ScoreModerated | LotEvaluationCompleted | LotEvaluationReopened;

export const EVALUATOR_EVENT_TYPES: readonly EvaluatorEvent['type'][] = [
  'EvaluatorAssigned',
  'ConflictsDeclared',
  'CriterionScored',
  'ScoreModerated',
  'LotEvaluationCompleted',
  'LotEvaluationReopened',
];
