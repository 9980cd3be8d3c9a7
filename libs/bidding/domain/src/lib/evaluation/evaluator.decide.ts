import type { Decider } from '@tendril/shared/ddd';
import { BiddingRuleBroken } from '../bidding.errors';
import { assertMarkOnScale, assertModeration, type CriterionKind, normaliseMark, PRICE_FORMULA, rankBids, TIE_BREAK_RULE } from './evaluation-scoring';
import {
  type AssignEvaluator,
  type CompleteLotEvaluation,
  type DeclareConflicts,
  EVALUATION_SCALE,
  type EvaluatorCommand,
  type ModerateScore,
  type ReopenLotEvaluation,
  type ScoreCriterion,
} from './evaluator.commands';
import type {
  ConflictsDeclared,
  CriterionScored,
  EvaluatorAssigned,
  EvaluatorEvent,
  LotEvaluationCompleted,
  LotEvaluationReopened,
  ScoreModerated,
} from './evaluator.events';
import { assertSystem } from '../actors';

export interface EvaluatorRecord {
  readonly evaluatorUserId: string;
  readonly conflictedOrganisationIds: readonly string[] | null;
}

export interface EvaluatorsState {
  readonly commissionerOrganisationId: string | null;
  readonly evaluators: readonly EvaluatorRecord[];
  readonly scores: readonly { readonly evaluatorUserId: string; readonly bidId: string; readonly criterionId: string; readonly mark: number }[];
  /** The consensus that counts for each bid and criterion; `reopened` ones may be moderated again. */
  readonly moderations: readonly { readonly bidId: string; readonly criterionId: string; readonly consensusMark: number; readonly reopened: boolean }[];
  readonly completedLotIds: readonly string[];
  /** The bids each lot's latest completed evaluation ranked. */
  readonly rankedBidIdsByLot: Readonly<Record<string, readonly string[]>>;
}

export const initialEvaluatorsState = (): EvaluatorsState => ({
  commissionerOrganisationId: null,
  evaluators: [],
  scores: [],
  moderations: [],
  completedLotIds: [],
  rankedBidIdsByLot: {},
});

export const evolveEvaluators = (state: EvaluatorsState, event: EvaluatorEvent): EvaluatorsState => {
  switch (event.type) {
    case 'EvaluatorAssigned':
      return {
        ...state,
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
    case 'CriterionScored': {
      const { evaluatorUserId, bidId, criterionId, mark } = event.data;
      return { ...state, scores: [...state.scores, { evaluatorUserId, bidId, criterionId, mark }] };
    }
    case 'ScoreModerated': {
      const { bidId, criterionId, consensusMark } = event.data;
      // A re-moderation supersedes the earlier consensus.
      const others = state.moderations.filter((m) => m.bidId !== bidId || m.criterionId !== criterionId);
      return { ...state, moderations: [...others, { bidId, criterionId, consensusMark, reopened: false }] };
    }
    case 'LotEvaluationCompleted':
      return {
        ...state,
        completedLotIds: [...state.completedLotIds, event.data.lotId],
        rankedBidIdsByLot: { ...state.rankedBidIdsByLot, [event.data.lotId]: event.data.ranking.map((r) => r.bidId) },
      };
    case 'LotEvaluationReopened': {
      const reopened = new Set(event.data.reopenedBidIds);
      return {
        ...state,
        completedLotIds: state.completedLotIds.filter((lotId) => lotId !== event.data.lotId),
        moderations: state.moderations.map((m) => (reopened.has(m.bidId) ? { ...m, reopened: true } : m)),
      };
    }
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

const SCORED_BY_EVALUATORS = ['quality', 'social_value'];

const assertTenderCommissioner = (state: EvaluatorsState, command: { metadata: { actor: { role: string; organisationId: string | null } } }, what: string): void => {
  const { actor } = command.metadata;
  if (state.commissionerOrganisationId === null || actor.role !== 'commissioner' || actor.organisationId !== state.commissionerOrganisationId) {
    throw new BiddingRuleBroken('NOT_THE_COMMISSIONER_OF_THE_TENDER', `Only the tender's own commissioners may ${what}`);
  }
};

const scoreCriterion = (command: ScoreCriterion, state: EvaluatorsState): CriterionScored => {
  const { data, metadata } = command;
  const evaluator = state.evaluators.find((e) => e.evaluatorUserId === metadata.actor.userId);
  if (!evaluator || metadata.actor.role !== 'commissioner') {
    throw new BiddingRuleBroken('NOT_AN_EVALUATOR_OF_THE_TENDER', 'Only an assigned evaluator scores bids for this tender', { tenderId: data.tenderId });
  }
  if (evaluator.conflictedOrganisationIds === null) {
    throw new BiddingRuleBroken('CONFLICTS_NOT_DECLARED', 'Declare your interests before you see or score any bid');
  }
  if (data.facts.bidOrganisationId === null) throw new BiddingRuleBroken('BID_NOT_FOUND', `The tender has no live bid ${data.bidId}`, { bidId: data.bidId });
  if (evaluator.conflictedOrganisationIds.includes(data.facts.bidOrganisationId)) {
    throw new BiddingRuleBroken('EVALUATOR_CONFLICTED', 'You declared a conflict with this bidder, so you are removed from its bid', { bidId: data.bidId });
  }
  if (data.facts.criterionKind === null || !SCORED_BY_EVALUATORS.includes(data.facts.criterionKind)) {
    throw new BiddingRuleBroken('CRITERION_NOT_SCORED_BY_EVALUATORS', 'Evaluators score the quality and social value criteria; price is scored by formula and the youth panel scores its own', {
      criterionId: data.criterionId,
    });
  }
  if (state.moderations.some((m) => m.bidId === data.bidId && m.criterionId === data.criterionId && !m.reopened)) {
    throw new BiddingRuleBroken('SCORE_ALREADY_MODERATED', 'This score has been moderated');
  }
  if (state.scores.some((s) => s.evaluatorUserId === metadata.actor.userId && s.bidId === data.bidId && s.criterionId === data.criterionId)) {
    throw new BiddingRuleBroken('SCORE_ALREADY_GIVEN', 'You have already scored this criterion for this bid', { bidId: data.bidId, criterionId: data.criterionId });
  }
  assertMarkOnScale(data.mark, EVALUATION_SCALE);
  if (data.justification.trim() === '') throw new BiddingRuleBroken('SCORE_JUSTIFICATION_REQUIRED', 'Justify every score in writing');
  return {
    type: 'CriterionScored',
    data: {
      tenderId: data.tenderId,
      bidId: data.bidId,
      criterionId: data.criterionId,
      evaluatorUserId: metadata.actor.userId,
      mark: data.mark,
      scaleMax: EVALUATION_SCALE.max,
      justification: data.justification.trim(),
      scoredAt: metadata.now.toISOString(),
    },
  };
};

const moderateScore = (command: ModerateScore, state: EvaluatorsState): ScoreModerated => {
  const { data, metadata } = command;
  assertTenderCommissioner(state, command, 'moderate scores');
  if (state.moderations.some((m) => m.bidId === data.bidId && m.criterionId === data.criterionId && !m.reopened)) {
    throw new BiddingRuleBroken('SCORE_ALREADY_MODERATED', 'This score has already been moderated', { bidId: data.bidId, criterionId: data.criterionId });
  }
  const individualMarks = state.scores
    .filter((s) => s.bidId === data.bidId && s.criterionId === data.criterionId)
    .map(({ evaluatorUserId, mark }) => ({ evaluatorUserId, mark }));
  assertModeration(
    individualMarks.map((s) => ({ evaluatorId: s.evaluatorUserId, mark: s.mark })),
    data.consensusMark,
    data.reason,
    EVALUATION_SCALE,
  );
  return {
    type: 'ScoreModerated',
    data: {
      tenderId: data.tenderId,
      bidId: data.bidId,
      criterionId: data.criterionId,
      individualMarks,
      consensusMark: data.consensusMark,
      scaleMax: EVALUATION_SCALE.max,
      reason: data.reason.trim(),
      moderatedAt: metadata.now.toISOString(),
    },
  };
};

const completeLotEvaluation = (command: CompleteLotEvaluation, state: EvaluatorsState): LotEvaluationCompleted => {
  const { data, metadata } = command;
  assertTenderCommissioner(state, command, 'complete the evaluation');
  if (state.completedLotIds.includes(data.lotId)) {
    throw new BiddingRuleBroken('EVALUATION_ALREADY_COMPLETED', `The evaluation of lot ${data.lotId} is complete`, { lotId: data.lotId });
  }
  const criteria = data.facts.criteria.map((c) => ({ criterionId: c.criterionId, kind: c.kind as CriterionKind, weightPercent: c.weightPercent }));
  if (criteria.length === 0) throw new BiddingRuleBroken('EVALUATION_WEIGHTS_MUST_SUM_TO_100', 'The tender published no weighted criteria');
  // With a youth panel criterion, the finalists the panel scored are ranked; otherwise every live bid.
  const panelled = criteria.some((c) => c.kind === 'youth_panel');
  const bids = data.facts.bids.filter((bid) => !panelled || data.facts.panelScores[bid.bidId] !== undefined);
  if (bids.length === 0) throw new BiddingRuleBroken('NOTHING_TO_RANK', `Lot ${data.lotId} has no bid ready to rank`, { lotId: data.lotId });
  const evidenceRefs: string[] = [];
  const toRank = bids.map((bid) => {
    const scores: Record<string, number> = {};
    for (const criterion of criteria) {
      if (criterion.kind === 'youth_panel') {
        const panel = data.facts.panelScores[bid.bidId];
        if (panel !== undefined) scores[criterion.criterionId] = panel;
      } else if (criterion.kind !== 'price') {
        const moderated = state.moderations.find((m) => m.bidId === bid.bidId && m.criterionId === criterion.criterionId);
        if (moderated) {
          scores[criterion.criterionId] = normaliseMark(moderated.consensusMark, EVALUATION_SCALE);
          evidenceRefs.push(`moderation:${bid.bidId}:${criterion.criterionId}`);
        }
      }
    }
    return { bidId: bid.bidId, organisationId: bid.organisationId, pricePence: bid.pricePence, submittedAt: bid.submittedAt, scores };
  });
  return {
    type: 'LotEvaluationCompleted',
    data: {
      tenderId: data.tenderId,
      commissionerOrganisationId: state.commissionerOrganisationId ?? '',
      lotId: data.lotId,
      ranking: rankBids(criteria, toRank),
      priceFormula: PRICE_FORMULA,
      tieBreakRule: TIE_BREAK_RULE,
      evidenceRefs,
      completedAt: metadata.now.toISOString(),
    },
  };
};

/**
 * A withdrawn award reopens the lot's evaluation. The rule:
 * - only a lot whose evaluation is complete is reopened; otherwise (never completed, or already
 *   reopened by the same withdrawal delivered again) nothing is recorded;
 * - the lot may be completed again, which publishes a new `bidding.evaluation-completed.v1`;
 * - every consensus score of the bids the withdrawn evaluation ranked may be moderated again, with a
 *   new reason; a score not moderated again keeps its earlier consensus, so re-moderating only what
 *   the upheld challenge concerned is enough;
 * - evaluators' individual marks stand: they are the evidence a re-moderation weighs.
 */
const reopenLotEvaluation = (command: ReopenLotEvaluation, state: EvaluatorsState): LotEvaluationReopened[] => {
  const { data, metadata } = command;
  assertSystem(metadata, command.type);
  if (!state.completedLotIds.includes(data.lotId)) return [];
  return [
    {
      type: 'LotEvaluationReopened',
      data: {
        tenderId: data.tenderId,
        lotId: data.lotId,
        withdrawnAwardBidId: data.withdrawnAwardBidId,
        reason: data.reason,
        reopenedBidIds: [...(state.rankedBidIdsByLot[data.lotId] ?? [])],
        reopenedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const decideEvaluators = (command: EvaluatorCommand, state: EvaluatorsState): readonly EvaluatorEvent[] => {
  switch (command.type) {
    case 'AssignEvaluator':
      return [assignEvaluator(command, state)];
    case 'DeclareConflicts':
      return [declareConflicts(command, state)];
    case 'ScoreCriterion':
      return [scoreCriterion(command, state)];
    case 'ModerateScore':
      return [moderateScore(command, state)];
    case 'CompleteLotEvaluation':
      return [completeLotEvaluation(command, state)];
    case 'ReopenLotEvaluation':
      return reopenLotEvaluation(command, state);
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
