import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  bidDecider,
  bidStreamName,
  type CompetitionState,
  competitionDecider,
  competitionStreamName,
  type LotBidFacts,
  PANEL_SCALE,
  panelDecider,
  panelScoreOf,
  panelStreamName,
  type EvaluatedCompetitionFacts,
  type EvaluatorCommand,
  evaluatorsDecider,
  evaluatorsStreamName,
} from '@tendril/bidding/domain';
import { CLOCK, type Clock, handleCommand, type RequestContext } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@tendril/shared/event-store';
import {
  AssignEvaluatorCommand,
  CompleteLotEvaluationCommand,
  DeclareConflictsCommand,
  type EvaluatorCommandResult,
  ModerateScoreCommand,
  ScoreCriterionCommand,
} from './evaluator-commands';

const fold = async <S>(store: EventStore, streamName: string, decider: { initialState(): S; evolve(s: S, e: never): S }): Promise<S> => {
  let state = decider.initialState();
  try {
    for await (const event of store.readStream(streamName)) state = decider.evolve(state, { type: event.type, data: event.data } as never);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return state;
};

const liveEntries = (competition: CompetitionState) => (competition.status === 'unknown' ? [] : competition.entries.filter((e) => e.status === 'live'));

abstract class EvaluatorCommandHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected async decide(tenderId: string, context: RequestContext, command: Pick<EvaluatorCommand, 'type' | 'data'>): Promise<EvaluatorCommandResult> {
    const result = await handleCommand({
      store: this.store,
      streamName: evaluatorsStreamName(tenderId),
      decider: evaluatorsDecider,
      command: {
        ...command,
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as EvaluatorCommand,
    });
    return { tenderId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(AssignEvaluatorCommand)
export class AssignEvaluatorHandler extends EvaluatorCommandHandler implements ICommandHandler<AssignEvaluatorCommand> {
  async execute({ input, context }: AssignEvaluatorCommand): Promise<EvaluatorCommandResult> {
    let state = competitionDecider.initialState();
    try {
      for await (const event of this.store.readStream(competitionStreamName(input.tenderId))) {
        state = competitionDecider.evolve(state, { type: event.type, data: event.data } as never);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const competition: EvaluatedCompetitionFacts =
      state.status === 'unknown' ? { status: 'unknown', commissionerOrganisationId: null } : { status: state.status, commissionerOrganisationId: state.commissionerOrganisationId };
    return this.decide(input.tenderId, context, { type: 'AssignEvaluator', data: { ...input, competition } });
  }
}

@CommandHandler(DeclareConflictsCommand)
export class DeclareConflictsHandler extends EvaluatorCommandHandler implements ICommandHandler<DeclareConflictsCommand> {
  execute({ input, context }: DeclareConflictsCommand): Promise<EvaluatorCommandResult> {
    return this.decide(input.tenderId, context, { type: 'DeclareConflicts', data: input });
  }
}

@CommandHandler(ScoreCriterionCommand)
export class ScoreCriterionHandler extends EvaluatorCommandHandler implements ICommandHandler<ScoreCriterionCommand> {
  async execute({ input, context }: ScoreCriterionCommand): Promise<EvaluatorCommandResult> {
    const competition = await fold(this.store, competitionStreamName(input.tenderId), competitionDecider);
    const bid = liveEntries(competition).find((e) => e.bidId === input.bidId);
    const criterion = competition.status === 'unknown' ? undefined : competition.weightedCriteria.find((c) => c.criterionId === input.criterionId);
    return this.decide(input.tenderId, context, {
      type: 'ScoreCriterion',
      data: { ...input, facts: { bidOrganisationId: bid?.organisationId ?? null, criterionKind: criterion?.kind ?? null } },
    });
  }
}

@CommandHandler(ModerateScoreCommand)
export class ModerateScoreHandler extends EvaluatorCommandHandler implements ICommandHandler<ModerateScoreCommand> {
  execute({ input, context }: ModerateScoreCommand): Promise<EvaluatorCommandResult> {
    return this.decide(input.tenderId, context, { type: 'ModerateScore', data: input });
  }
}

/** Gathers the ranking's facts from the streams: the published weights, the lot's live bids (price, time) and the panel's scores. */
@CommandHandler(CompleteLotEvaluationCommand)
export class CompleteLotEvaluationHandler extends EvaluatorCommandHandler implements ICommandHandler<CompleteLotEvaluationCommand> {
  async execute({ input, context }: CompleteLotEvaluationCommand): Promise<EvaluatorCommandResult> {
    const competition = await fold(this.store, competitionStreamName(input.tenderId), competitionDecider);
    const panel = await fold(this.store, panelStreamName(input.tenderId), panelDecider);
    const bids: LotBidFacts[] = [];
    const panelScores: Record<string, number> = {};
    for (const entry of liveEntries(competition).filter((e) => e.lotId === input.lotId)) {
      const bid = await fold(this.store, bidStreamName(entry.bidId), bidDecider);
      // A bid found non-compliant takes no further part in the evaluation.
      if (bid.status === 'none' || bid.status === 'non_compliant') continue;
      bids.push({ bidId: bid.bidId, organisationId: bid.organisationId, pricePence: bid.pricePence, submittedAt: bid.submittedAt });
      const panelScore = panelScoreOf(panel, bid.bidId, PANEL_SCALE.max);
      if (panelScore !== null) panelScores[bid.bidId] = panelScore;
    }
    const criteria = competition.status === 'unknown' ? [] : competition.weightedCriteria;
    return this.decide(input.tenderId, context, { type: 'CompleteLotEvaluation', data: { ...input, facts: { criteria, bids, panelScores } } });
  }
}

export const EVALUATOR_COMMAND_HANDLERS = [
  AssignEvaluatorHandler,
  DeclareConflictsHandler,
  ScoreCriterionHandler,
  ModerateScoreHandler,
  CompleteLotEvaluationHandler,
];
