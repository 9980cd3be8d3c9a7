import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AssignEvaluatorCommand,
  CompleteLotEvaluationCommand,
  DeclareConflictsCommand,
  ModerateScoreCommand,
  ScoreCriterionCommand,
  type EvaluatorCommandResult,
  EvaluatorReadModel,
  type EvaluatorView,
  GetLotResultQuery,
  ListEvaluatorsQuery,
  type LotResultView,
} from '@tendril/bidding/application';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  AssignEvaluatorInput,
  CompleteLotEvaluationInput,
  DeclareConflictsInput,
  EvaluationReceiptModel,
  EvaluatorModel,
  LotResultModel,
  ModerateScoreInput,
  ScoreCriterionInput,
} from './evaluator.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

export const toEvaluatorModel = (view: EvaluatorView): EvaluatorModel => ({
  evaluatorUserId: view.evaluatorUserId,
  displayName: view.displayName,
  assignedAt: new Date(view.assignedAt),
  declaredAt: view.declaredAt ? new Date(view.declaredAt) : null,
  conflictedOrganisationIds: view.conflictedOrganisationIds ? [...view.conflictedOrganisationIds] : null,
  statement: view.statement,
});

@Resolver(() => EvaluatorModel)
export class EvaluatorResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: EvaluatorReadModel,
  ) {}

  @Query(() => [EvaluatorModel], { description: "A tender's evaluators you may see" })
  async evaluators(@Args('tenderId', { type: () => ID }) tenderId: string, @CurrentActor() actor: Actor): Promise<EvaluatorModel[]> {
    return (await this.list(tenderId, actor)).map(toEvaluatorModel);
  }

  @Query(() => LotResultModel, { nullable: true, description: "A lot's evaluation result as you may see it; null before you may see any of it" })
  async lotResult(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('lotId', { type: () => ID }) lotId: string,
    @CurrentActor() actor: Actor,
  ): Promise<LotResultModel | null> {
    const view = await this.queries.execute<GetLotResultQuery, LotResultView | null>(new GetLotResultQuery(tenderId, lotId, actor));
    return view
      ? {
          tenderId: view.tenderId,
          lotId: view.lotId,
          completedAt: new Date(view.completedAt),
          awardedAt: view.awardedAt ? new Date(view.awardedAt) : null,
          awardProposedAt: view.awardProposedAt ? new Date(view.awardProposedAt) : null,
          reopenedAt: view.reopenedAt ? new Date(view.reopenedAt) : null,
          entries: view.entries.map((e) => ({ ...e, scores: e.scores.map((s) => ({ ...s })) })),
        }
      : null;
  }

  @Mutation(() => [EvaluatorModel], { description: 'Assign an evaluator to your tender; they see no bid until they declare their interests' })
  @Roles('commissioner')
  async assignEvaluator(
    @Args('input') input: AssignEvaluatorInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluatorModel[]> {
    const result = await this.commands.send<EvaluatorCommandResult>({ operation: 'assignEvaluator', idempotencyKey, actor, input, req }, (context) =>
      new AssignEvaluatorCommand({ tenderId: input.tenderId, evaluatorUserId: input.evaluatorUserId, displayName: input.displayName }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => [EvaluatorModel], { description: 'Declare your conflicts of interest for a tender you evaluate: you are removed from those organisations’ bids' })
  @Roles('commissioner')
  async declareConflicts(
    @Args('input') input: DeclareConflictsInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluatorModel[]> {
    const result = await this.commands.send<EvaluatorCommandResult>({ operation: 'declareConflicts', idempotencyKey, actor, input, req }, (context) =>
      new DeclareConflictsCommand({ tenderId: input.tenderId, conflictedOrganisationIds: input.conflictedOrganisationIds, statement: input.statement }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => EvaluationReceiptModel, { description: 'As an evaluator who has declared interests, score a quality or social value criterion of a bid, with a justification' })
  @Roles('commissioner')
  async scoreCriterion(
    @Args('input') input: ScoreCriterionInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationReceiptModel> {
    const result = await this.commands.send<EvaluatorCommandResult>({ operation: 'scoreCriterion', idempotencyKey, actor, input, req }, (context) =>
      new ScoreCriterionCommand(
        { tenderId: input.tenderId, bidId: input.bidId, criterionId: input.criterionId, mark: input.mark, justification: input.justification },
        context,
      ),
    );
    return this.receipt(result);
  }

  @Mutation(() => EvaluationReceiptModel, { description: 'Record the consensus mark for a bid and criterion, and why it differs from the individual marks' })
  @Roles('commissioner')
  async moderateScore(
    @Args('input') input: ModerateScoreInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationReceiptModel> {
    const result = await this.commands.send<EvaluatorCommandResult>({ operation: 'moderateScore', idempotencyKey, actor, input, req }, (context) =>
      new ModerateScoreCommand(
        { tenderId: input.tenderId, bidId: input.bidId, criterionId: input.criterionId, consensusMark: input.consensusMark, reason: input.reason },
        context,
      ),
    );
    return this.receipt(result);
  }

  @Mutation(() => EvaluationReceiptModel, {
    description: 'Rank the lot by the published weights, price formula and tie-break, and publish the result for the award (bidding.evaluation-completed.v1)',
  })
  @Roles('commissioner')
  async completeLotEvaluation(
    @Args('input') input: CompleteLotEvaluationInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<EvaluationReceiptModel> {
    const result = await this.commands.send<EvaluatorCommandResult>({ operation: 'completeLotEvaluation', idempotencyKey, actor, input, req }, (context) =>
      new CompleteLotEvaluationCommand({ tenderId: input.tenderId, lotId: input.lotId }, context),
    );
    return this.receipt(result);
  }

  private async receipt(result: EvaluatorCommandResult): Promise<EvaluationReceiptModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    return { tenderId: result.tenderId, recorded: result.position !== null };
  }

  private list(tenderId: string, actor: Actor): Promise<readonly EvaluatorView[]> {
    return this.queries.execute<ListEvaluatorsQuery, readonly EvaluatorView[]>(new ListEvaluatorsQuery(tenderId, actor));
  }

  private async readBack(result: EvaluatorCommandResult, actor: Actor): Promise<EvaluatorModel[]> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    return (await this.list(result.tenderId, actor)).map(toEvaluatorModel);
  }
}
