import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@tendril/shared/event-store';

export interface EvaluatorView {
  readonly evaluatorUserId: string;
  readonly displayName: string;
  readonly assignedAt: string;
  readonly declaredAt: string | null;
  /** Null until declared. */
  readonly conflictedOrganisationIds: readonly string[] | null;
  readonly statement: string | null;
}

/** The tender's commissioners and auditors see every evaluator; an evaluator sees their own record. */
export abstract class EvaluatorReadModel {
  abstract findEvaluators(tenderId: string, reader: Actor): Promise<readonly EvaluatorView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}

export class ListEvaluatorsQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(ListEvaluatorsQuery)
export class ListEvaluatorsHandler implements IQueryHandler<ListEvaluatorsQuery, readonly EvaluatorView[]> {
  constructor(private readonly readModel: EvaluatorReadModel) {}
  execute({ tenderId, reader }: ListEvaluatorsQuery) {
    return this.readModel.findEvaluators(tenderId, reader);
  }
}

export const EVALUATOR_QUERY_HANDLERS = [ListEvaluatorsHandler];
