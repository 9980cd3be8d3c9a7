import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  bidDecider,
  bidStreamName,
  type ClosedCompetitionFacts,
  type CompetitionState,
  competitionDecider,
  competitionStreamName,
  type PanelCommand,
  panelDecider,
  panelStreamName,
} from '@tendril/bidding/domain';
import { CLOCK, type Clock, handleCommand, type RequestContext } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@tendril/shared/event-store';
import { type PanelCommandResult, RecordPanelVisitCommand, ScoreAsPanelMemberCommand, ShortlistBidsCommand } from './panel-commands';

const closedCompetitionFacts = (state: CompetitionState): ClosedCompetitionFacts =>
  state.status === 'unknown'
    ? { status: 'unknown', commissionerOrganisationId: null, liveBids: [] }
    : {
        status: state.status,
        commissionerOrganisationId: state.commissionerOrganisationId,
        liveBids: state.entries.filter((e) => e.status === 'live').map(({ bidId, lotId }) => ({ bidId, lotId })),
      };

abstract class PanelCommandHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected async decide(tenderId: string, context: RequestContext, command: Pick<PanelCommand, 'type' | 'data'>): Promise<PanelCommandResult> {
    const result = await handleCommand({
      store: this.store,
      streamName: panelStreamName(tenderId),
      decider: panelDecider,
      command: {
        ...command,
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as PanelCommand,
    });
    return { tenderId, position: result.appendResult?.position ?? null };
  }

  protected async competition(tenderId: string): Promise<CompetitionState> {
    let state = competitionDecider.initialState();
    try {
      for await (const event of this.store.readStream(competitionStreamName(tenderId))) {
        state = competitionDecider.evolve(state, { type: event.type, data: event.data } as never);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }
}

@CommandHandler(ShortlistBidsCommand)
export class ShortlistBidsHandler extends PanelCommandHandler implements ICommandHandler<ShortlistBidsCommand> {
  async execute({ input, context }: ShortlistBidsCommand): Promise<PanelCommandResult> {
    const facts = closedCompetitionFacts(await this.competition(input.tenderId));
    // Non-compliant bids cannot be shortlisted: they are left out of the live bids the rule checks.
    const compliantBids = [];
    for (const bid of facts.liveBids) {
      let state = bidDecider.initialState();
      try {
        for await (const event of this.store.readStream(bidStreamName(bid.bidId))) state = bidDecider.evolve(state, { type: event.type, data: event.data } as never);
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      if (state.status !== 'non_compliant') compliantBids.push(bid);
    }
    const competition = { ...facts, liveBids: compliantBids };
    return this.decide(input.tenderId, context, { type: 'ShortlistBids', data: { ...input, competition } });
  }
}

@CommandHandler(RecordPanelVisitCommand)
export class RecordPanelVisitHandler extends PanelCommandHandler implements ICommandHandler<RecordPanelVisitCommand> {
  execute({ input, context }: RecordPanelVisitCommand): Promise<PanelCommandResult> {
    return this.decide(input.tenderId, context, { type: 'RecordPanelVisit', data: input });
  }
}

@CommandHandler(ScoreAsPanelMemberCommand)
export class ScoreAsPanelMemberHandler extends PanelCommandHandler implements ICommandHandler<ScoreAsPanelMemberCommand> {
  execute({ input, context }: ScoreAsPanelMemberCommand): Promise<PanelCommandResult> {
    return this.decide(input.tenderId, context, { type: 'ScoreAsPanelMember', data: input });
  }
}

export const PANEL_COMMAND_HANDLERS = [ShortlistBidsHandler, RecordPanelVisitHandler, ScoreAsPanelMemberHandler];
