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
