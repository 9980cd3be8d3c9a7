/// <reference types="jest" />
import { evolveEvaluatorRow } from './evaluator.projection';
import { toEvaluatorView } from './visible-evaluator-read-model';

describe('Evaluator read model rows', () => {
  const assigned = evolveEvaluatorRow(null, {
    type: 'EvaluatorAssigned',
    data: { tenderId: 't-1', commissionerOrganisationId: 'org-council', evaluatorUserId: 'u-ed', displayName: 'Ed', assignedAt: '2026-03-01T12:00:00.000Z' },
  });

  it('show an assigned evaluator as not yet declared', () => {
    expect(assigned && toEvaluatorView(assigned)).toEqual({
      evaluatorUserId: 'u-ed',
      displayName: 'Ed',
      assignedAt: '2026-03-01T12:00:00.000Z',
      declaredAt: null,
      conflictedOrganisationIds: null,
      statement: null,
    });
  });

  it('record the declaration and the organisations the evaluator is removed from', () => {
    const declared = evolveEvaluatorRow(assigned, {
      type: 'ConflictsDeclared',
      data: { tenderId: 't-1', evaluatorUserId: 'u-ed', conflictedOrganisationIds: ['org-a'], statement: 'Former trustee', declaredAt: '2026-03-02T09:00:00.000Z' },
    });
    expect(declared && toEvaluatorView(declared)).toMatchObject({ declaredAt: '2026-03-02T09:00:00.000Z', conflictedOrganisationIds: ['org-a'], statement: 'Former trustee' });
  });
});
