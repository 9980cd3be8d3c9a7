import type { DomainEvent } from '@tendril/shared/ddd';

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

export type EvaluatorEvent = EvaluatorAssigned | ConflictsDeclared;

export const EVALUATOR_EVENT_TYPES: readonly EvaluatorEvent['type'][] = ['EvaluatorAssigned', 'ConflictsDeclared'];
