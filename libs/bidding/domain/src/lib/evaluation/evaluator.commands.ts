import type { Command } from '@tendril/shared/ddd';

/** What assigning evaluators needs to know of the tender, read from its competition stream. */
export interface EvaluatedCompetitionFacts {
  readonly status: 'unknown' | 'open' | 'closed' | 'cancelled';
  readonly commissionerOrganisationId: string | null;
}

/** Evaluators are council officers (the commissioning council's, or a peer council's) signed in as commissioners. */
export type AssignEvaluator = Command<
  'AssignEvaluator',
  { readonly tenderId: string; readonly evaluatorUserId: string; readonly displayName: string; readonly competition: EvaluatedCompetitionFacts }
>;

/** Made once, before the evaluator may see any bid; an empty list declares no conflict. */
export type DeclareConflicts = Command<
  'DeclareConflicts',
  { readonly tenderId: string; readonly conflictedOrganisationIds: readonly string[]; readonly statement: string }
>;

/** The published scale evaluators and moderators score quality and social value on. */
export const EVALUATION_SCALE = { max: 5 } as const;

/** What scoring needs to know of the bid and criterion, read from the competition stream. */
export interface ScoringFacts {
  /** The live bid's organisation; null if the tender has no such live bid. */
  readonly bidOrganisationId: string | null;
  /** The criterion's kind; null if the tender has no such criterion. */
  readonly criterionKind: string | null;
}

export type ScoreCriterion = Command<
  'ScoreCriterion',
  { readonly tenderId: string; readonly bidId: string; readonly criterionId: string; readonly mark: number; readonly justification: string; readonly facts: ScoringFacts }
>;

export type ModerateScore = Command<
  'ModerateScore',
  { readonly tenderId: string; readonly bidId: string; readonly criterionId: string; readonly consensusMark: number; readonly reason: string }
>;

export interface LotBidFacts {
  readonly bidId: string;
  readonly organisationId: string;
  readonly pricePence: number;
  readonly submittedAt: string;
}

/** Everything the ranking needs besides the moderated scores, read by the application from the streams. */
export interface LotEvaluationFacts {
  readonly criteria: readonly { readonly criterionId: string; readonly kind: string; readonly weightPercent: number }[];
  readonly bids: readonly LotBidFacts[];
  /** The youth panel's score out of 100 for each finalist it scored. */
  readonly panelScores: Readonly<Record<string, number>>;
}

export type CompleteLotEvaluation = Command<'CompleteLotEvaluation', { readonly tenderId: string; readonly lotId: string; readonly facts: LotEvaluationFacts }>;

/** On `tender.award-withdrawn.v1`: a challenge was upheld and the lot's proposed award is void. */
export type ReopenLotEvaluation = Command<
  'ReopenLotEvaluation',
  { readonly tenderId: string; readonly lotId: string; readonly withdrawnAwardBidId: string; readonly reason: string }
>;

export type EvaluatorCommand = AssignEvaluator | DeclareConflicts | ScoreCriterion | ModerateScore | CompleteLotEvaluation | ReopenLotEvaluation;
