import { EVALUATORS_STREAM_PREFIX, type EvaluatorEvent } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import { EvaluatorRow } from './evaluator-read-model.entities';

/** Pure: the evaluator row after an event. */
export const evolveEvaluatorRow = (row: EvaluatorRow | null, event: EvaluatorEvent): EvaluatorRow | null => {
  switch (event.type) {
    case 'EvaluatorAssigned': {
      const { tenderId, evaluatorUserId, commissionerOrganisationId, displayName, assignedAt } = event.data;
      return { tenderId, evaluatorUserId, commissionerOrganisationId, displayName, assignedAt, declaredAt: null, conflictedOrganisationIdsJson: null, statement: null };
    }
    case 'ConflictsDeclared':
      return (
        row && {
          ...row,
          declaredAt: event.data.declaredAt,
          conflictedOrganisationIdsJson: JSON.stringify(event.data.conflictedOrganisationIds),
          statement: event.data.statement,
        }
      );
    // Scores, moderation and results are not part of an evaluator's record.
    case 'CriterionScored':
    case 'ScoreModerated':
    case 'LotEvaluationCompleted':
    case 'LotEvaluationReopened':
      return row;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled evaluator event ${(unknown as { type: string }).type}`);
    }
  }
};

export const evaluatorReadModelProjection = rowProjection<EvaluatorRow, EvaluatorEvent>({
  name: 'evaluator-read-model',
  entity: EvaluatorRow,
  eventTypes: ['EvaluatorAssigned', 'ConflictsDeclared'],
  streamPrefixes: [EVALUATORS_STREAM_PREFIX],
  rowKey: (event) =>
    event.type === 'EvaluatorAssigned' || event.type === 'ConflictsDeclared'
      ? { tenderId: event.data.tenderId, evaluatorUserId: event.data.evaluatorUserId }
      : null,
  evolve: evolveEvaluatorRow,
});
