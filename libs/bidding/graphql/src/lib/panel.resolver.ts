import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type EvaluationPanelView,
  EvaluationPanelReadModel,
  GetEvaluationPanelQuery,
  type PanelCommandResult,
  RecordPanelVisitCommand,
  ScoreAsPanelMemberCommand,
  ShortlistBidsCommand,
} from '@tendril/bidding/application';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import { EvaluationPanelModel, RecordPanelVisitInput, ScoreAsPanelMemberInput, ShortlistBidsInput } from './panel.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

export const toEvaluationPanelModel = (view: EvaluationPanelView): EvaluationPanelModel => ({
  tenderId: view.tenderId,
  shortlists: view.shortlists.map((s) => ({ lotId: s.lotId, bidIds: [...s.bidIds], reason: s.reason, shortlistedAt: new Date(s.shortlistedAt) })),
  visits: view.visits.map((v) => ({ ...v })),
  scores: view.scores.map((s) => ({ ...s })),
  results: view.results.map((r) => ({ ...r })),
});

@Resolver(() => EvaluationPanelModel)
export class EvaluationPanelResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: EvaluationPanelReadModel,
  ) {}

  @Query(() => EvaluationPanelModel, { nullable: true, description: "A tender's shortlists and youth panel work, if you may see them; null otherwise" })
  async evaluationPanel(@Args('tenderId', { type: () => ID }) tenderId: string, @CurrentActor() actor: Actor): Promise<EvaluationPanelModel | null> {
    const view = await this.queries.execute<GetEvaluationPanelQuery, EvaluationPanelView | null>(new GetEvaluationPanelQuery(tenderId, actor));
    return view ? toEvaluationPanelModel(view) : null;
  }

  @Mutation(() => EvaluationPanelModel, { description: "Shortlist a lot's opened bids for the youth panel to visit, with the reason" })
  @Roles('commissioner')
  async shortlistBids(
    @Args('input') input: ShortlistBidsInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationPanelModel> {
    const result = await this.commands.send<PanelCommandResult>({ operation: 'shortlistBids', idempotencyKey, actor, input, req }, (context) =>
      new ShortlistBidsCommand({ tenderId: input.tenderId, lotId: input.lotId, bidIds: input.bidIds, reason: input.reason }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => EvaluationPanelModel, { description: 'Record a youth panel visit to a shortlisted provider: the date and what you saw' })
  @Roles('youth_panel')
  async recordPanelVisit(
    @Args('input') input: RecordPanelVisitInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationPanelModel> {
    const result = await this.commands.send<PanelCommandResult>({ operation: 'recordPanelVisit', idempotencyKey, actor, input, req }, (context) =>
      new RecordPanelVisitCommand(
        { tenderId: input.tenderId, bidId: input.bidId, ageBand: input.ageBand, visitedOn: input.visitedOn, observations: input.observations },
        context,
      ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => EvaluationPanelModel, { description: 'Score a visited finalist on the published scale, saying why' })
  @Roles('youth_panel')
  async scoreAsPanelMember(
    @Args('input') input: ScoreAsPanelMemberInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationPanelModel> {
    const result = await this.commands.send<PanelCommandResult>({ operation: 'scoreAsPanelMember', idempotencyKey, actor, input, req }, (context) =>
      new ScoreAsPanelMemberCommand(
        { tenderId: input.tenderId, bidId: input.bidId, ageBand: input.ageBand, mark: input.mark, justification: input.justification },
        context,
      ),
    );
    return this.readBack(result, actor);
  }

  private async readBack(result: PanelCommandResult, actor: Actor): Promise<EvaluationPanelModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.queries.execute<GetEvaluationPanelQuery, EvaluationPanelView | null>(new GetEvaluationPanelQuery(result.tenderId, actor));
    if (!view) throw new ApiError('NOT_FOUND', `Tender ${result.tenderId} has no shortlist you may see`);
    return toEvaluationPanelModel(view);
  }
}
