import type { RequestContext } from '@tendril/shared/ddd';

export class AssignEvaluatorCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly evaluatorUserId: string; readonly displayName: string },
    readonly context: RequestContext,
  ) {}
}

export class DeclareConflictsCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly conflictedOrganisationIds: readonly string[]; readonly statement: string },
    readonly context: RequestContext,
  ) {}
}

export interface EvaluatorCommandResult {
  readonly tenderId: string;
  readonly position: number | null;
}

export class ScoreCriterionCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly bidId: string; readonly criterionId: string; readonly mark: number; readonly justification: string },
    readonly context: RequestContext,
  ) {}
}

export class ModerateScoreCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly bidId: string; readonly criterionId: string; readonly consensusMark: number; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}

export class CompleteLotEvaluationCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly lotId: string },
    readonly context: RequestContext,
  ) {}
}

// The published scale, for the API layer (which may not import the domain).
export { EVALUATION_SCALE } from '@tendril/bidding/domain';
