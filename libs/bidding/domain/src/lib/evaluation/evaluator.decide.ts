import type { Decider } from '@tendril/shared/ddd';
import { BiddingRuleBroken } from '../bidding.errors';
import type { AssignEvaluator, DeclareConflicts, EvaluatorCommand } from './evaluator.commands';
import type { ConflictsDeclared, EvaluatorAssigned, EvaluatorEvent } from './evaluator.events';

export interface EvaluatorRecord {
  readonly evaluatorUserId: string;
  readonly conflictedOrganisationIds: readonly string[] | null;
}

export interface EvaluatorsState {
  readonly commissionerOrganisationId: string | null;
  readonly evaluators: readonly EvaluatorRecord[];
}

export const initialEvaluatorsState = (): EvaluatorsState => ({ commissionerOrganisationId: null, evaluators: [] });

export const evolveEvaluators = (state: EvaluatorsState, event: EvaluatorEvent): EvaluatorsState => {
  switch (event.type) {
    case 'EvaluatorAssigned':
      return {
        commissionerOrganisationId: event.data.commissionerOrganisationId,
        evaluators: [...state.evaluators, { evaluatorUserId: event.data.evaluatorUserId, conflictedOrganisationIds: null }],
      };
    case 'ConflictsDeclared':
      return {
        ...state,
        evaluators: state.evaluators.map((e) =>
          e.evaluatorUserId === event.data.evaluatorUserId ? { ...e, conflictedOrganisationIds: event.data.conflictedOrganisationIds } : e,
        ),
      };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown evaluator event ${(unknown as { type: string }).type}`);
    }
  }
};

const assignEvaluator = (command: AssignEvaluator, state: EvaluatorsState): EvaluatorAssigned => {
  const { data, metadata } = command;
  const { competition } = data;
  if (competition.commissionerOrganisationId === null || competition.status === 'unknown' || competition.status === 'cancelled') {
    throw new BiddingRuleBroken('TENDER_NOT_OPEN', `Tender ${data.tenderId} is not being competed`, { tenderId: data.tenderId });
  }
  if (metadata.actor.role !== 'commissioner' || metadata.actor.organisationId !== competition.commissionerOrganisationId) {
    throw new BiddingRuleBroken('NOT_THE_COMMISSIONER_OF_THE_TENDER', "Only the tender's own commissioners may assign evaluators");
  }
  if (state.evaluators.some((e) => e.evaluatorUserId === data.evaluatorUserId)) {
    throw new BiddingRuleBroken('EVALUATOR_ALREADY_ASSIGNED', `User ${data.evaluatorUserId} already evaluates this tender`, {
      evaluatorUserId: data.evaluatorUserId,
    });
  }
  return {
    type: 'EvaluatorAssigned',
    data: {
      tenderId: data.tenderId,
      commissionerOrganisationId: competition.commissionerOrganisationId,
      evaluatorUserId: data.evaluatorUserId,
      displayName: data.displayName.trim() || data.evaluatorUserId,
      assignedAt: metadata.now.toISOString(),
    },
  };
};

const declareConflicts = (command: DeclareConflicts, state: EvaluatorsState): ConflictsDeclared => {
  const { data, metadata } = command;
  const evaluator = state.evaluators.find((e) => e.evaluatorUserId === metadata.actor.userId);
  if (!evaluator || metadata.actor.role !== 'commissioner') {
    throw new BiddingRuleBroken('NOT_AN_EVALUATOR_OF_THE_TENDER', 'Only an assigned evaluator declares conflicts for this tender', { tenderId: data.tenderId });
  }
  if (evaluator.conflictedOrganisationIds !== null) {
    throw new BiddingRuleBroken('CONFLICTS_ALREADY_DECLARED', 'Your declaration of interests for this tender is already recorded');
  }
  if (data.statement.trim() === '') {
    throw new BiddingRuleBroken('CONFLICT_STATEMENT_REQUIRED', 'Declare your interests in your own words, even if you have none');
  }
  return {
    type: 'ConflictsDeclared',
    data: {
      tenderId: data.tenderId,
      evaluatorUserId: metadata.actor.userId,
      conflictedOrganisationIds: [...new Set(data.conflictedOrganisationIds)],
      statement: data.statement.trim(),
      declaredAt: metadata.now.toISOString(),
    },
  };
};

export const decideEvaluators = (command: EvaluatorCommand, state: EvaluatorsState): readonly EvaluatorEvent[] => {
  switch (command.type) {
    case 'AssignEvaluator':
      return [assignEvaluator(command, state)];
    case 'DeclareConflicts':
      return [declareConflicts(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown evaluator command ${(unknown as { type: string }).type}`);
    }
  }
};

export const evaluatorsDecider: Decider<EvaluatorCommand, EvaluatorEvent, EvaluatorsState> = {
  decide: decideEvaluators,
  evolve: evolveEvaluators,
  initialState: initialEvaluatorsState,
};

export const EVALUATORS_STREAM_PREFIX = 'evaluators-';

export const evaluatorsStreamName = (tenderId: string): string => `${EVALUATORS_STREAM_PREFIX}${tenderId}`;
