/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { AFTER_DEADLINE, at, bidder, commissioner, otherCommissioner } from '../testing/bidding.spec-fixtures';
import type { AssignEvaluator, DeclareConflicts, EvaluatedCompetitionFacts } from './evaluator.commands';
import { evaluatorsDecider, evaluatorsStreamName } from './evaluator.decide';
import type { ConflictsDeclared, EvaluatorAssigned } from './evaluator.events';

const spec = DeciderSpecification.for(evaluatorsDecider);
const closed: EvaluatedCompetitionFacts = { status: 'closed', commissionerOrganisationId: 'org-leeds-council' };

const assign = (evaluatorUserId: string, actor: Actor = commissioner, competition = closed): AssignEvaluator => ({
  type: 'AssignEvaluator',
  data: { tenderId: 'tender-1', evaluatorUserId, displayName: ` ${evaluatorUserId} `, competition },
  metadata: at(AFTER_DEADLINE, actor),
});
const assigned = (evaluatorUserId: string): EvaluatorAssigned => ({
  type: 'EvaluatorAssigned',
  data: { tenderId: 'tender-1', commissionerOrganisationId: 'org-leeds-council', evaluatorUserId, displayName: evaluatorUserId, assignedAt: AFTER_DEADLINE },
});
const declare = (actor: Actor, conflictedOrganisationIds: string[] = ['org-youth-trust'], statement = 'My partner is a trustee of the Youth Trust'): DeclareConflicts => ({
  type: 'DeclareConflicts',
  data: { tenderId: 'tender-1', conflictedOrganisationIds, statement },
  metadata: at(AFTER_DEADLINE, actor),
});
const declared: ConflictsDeclared = {
  type: 'ConflictsDeclared',
  data: {
    tenderId: 'tender-1',
    evaluatorUserId: 'user-bryn',
    conflictedOrganisationIds: ['org-youth-trust'],
    statement: 'My partner is a trustee of the Youth Trust',
    declaredAt: AFTER_DEADLINE,
  },
};

describe('Evaluators of a tender', () => {
  it('live in a stream per tender', () => {
    expect(evaluatorsStreamName('tender-1')).toBe('evaluators-tender-1');
  });

  describe('when assigned', () => {
    it("are assigned by the tender's commissioners, including officers of a peer council", () => {
      spec.given([]).when(assign('user-bryn')).then([assigned('user-bryn')]);
    });

    it('are assigned once', () => {
      spec.given([assigned('user-bryn')]).when(assign('user-bryn')).thenThrows('EVALUATOR_ALREADY_ASSIGNED');
    });

    it('are not assigned by anyone else, nor for a tender not being competed', () => {
      spec.given([]).when(assign('user-bryn', otherCommissioner)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
      spec.given([]).when(assign('user-bryn', bidder)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
      spec.given([]).when(assign('user-bryn', commissioner, { status: 'cancelled', commissionerOrganisationId: 'org-leeds-council' })).thenThrows('TENDER_NOT_OPEN');
    });
  });

  describe('when declaring conflicts of interest', () => {
    it('records the organisations the evaluator is removed from, in their own words', () => {
      spec.given([assigned('user-bryn')]).when(declare(otherCommissioner)).then([declared]);
    });

    it('may declare no conflict, but must still say so', () => {
      spec
        .given([assigned('user-amara')])
        .when(declare(commissioner, [], 'No interests in any bidder'))
        .then([{ type: 'ConflictsDeclared', data: { ...declared.data, evaluatorUserId: 'user-amara', conflictedOrganisationIds: [], statement: 'No interests in any bidder' } }]);
      spec.given([assigned('user-amara')]).when(declare(commissioner, [], ' ')).thenThrows('CONFLICT_STATEMENT_REQUIRED');
    });

    it('is for assigned evaluators only, and only once', () => {
      spec.given([assigned('user-amara')]).when(declare(otherCommissioner)).thenThrows('NOT_AN_EVALUATOR_OF_THE_TENDER');
      spec.given([assigned('user-bryn'), declared]).when(declare(otherCommissioner)).thenThrows('CONFLICTS_ALREADY_DECLARED');
    });
  });
});
