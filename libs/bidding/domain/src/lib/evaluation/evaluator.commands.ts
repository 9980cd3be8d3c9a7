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

export type EvaluatorCommand = AssignEvaluator | DeclareConflicts;
