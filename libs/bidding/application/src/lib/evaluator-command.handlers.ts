import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  competitionDecider,
  competitionStreamName,
  type EvaluatedCompetitionFacts,
  type EvaluatorCommand,
  evaluatorsDecider,
  evaluatorsStreamName,
} from '@tendril/bidding/domain';
import { CLOCK, type Clock, handleCommand, type RequestContext } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@tendril/shared/event-store';
import { AssignEvaluatorCommand, DeclareConflictsCommand, type EvaluatorCommandResult } from './evaluator-commands';

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

export const EVALUATOR_COMMAND_HANDLERS = [AssignEvaluatorHandler, DeclareConflictsHandler];
