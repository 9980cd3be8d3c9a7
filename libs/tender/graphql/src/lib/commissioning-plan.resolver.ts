import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  ChangeCommissioningPlanCommand,
  type CommissioningPlanCommandResult,
  type CommissioningPlanPage,
  CommissioningPlanReadModel,
  type CommissioningPlanView,
  DraftCommissioningPlanCommand,
  GetCommissioningPlanQuery,
  ListCommissioningPlansQuery,
  OpenEngagementNoticesQuery,
  type PlanChange,
  type ProviderNoticeView,
  PublishMarketEngagementNoticeCommand,
  RecordNeedsEvidenceCommand,
  RegisterMarketInterestCommand,
} from '@tendril/tender/application';
import {
  AddOutcomeMeasureInput,
  AddPlanStrandInput,
  DraftCommissioningPlanInput,
  PublishMarketEngagementNoticeInput,
  RecordNeedsEvidenceInput,
  RecordNoMarketEngagementReasonInput,
  RegisterMarketInterestInput,
  StrandRefInput,
} from './commissioning-plan.inputs';
import { toCommissioningPlanModel, toOpenNoticeModel } from './commissioning-plan.mapper';
import { CommissioningPlanConnectionModel, CommissioningPlanModel, OpenMarketEngagementNoticeModel } from './commissioning-plan.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

@Resolver(() => CommissioningPlanModel)
export class CommissioningPlanResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: CommissioningPlanReadModel,
  ) {}

  @Query(() => CommissioningPlanModel, { nullable: true, description: "A commissioning plan: its council's commissioners, auditors and admins only" })
  async commissioningPlan(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<CommissioningPlanModel | null> {
    const view = await this.queries.execute<GetCommissioningPlanQuery, CommissioningPlanView | null>(new GetCommissioningPlanQuery(id, actor));
    return view ? toCommissioningPlanModel(view) : null;
  }

  @Query(() => CommissioningPlanConnectionModel, { description: "Your council's commissioning plans, newest first" })
  @Roles('commissioner', 'auditor', 'admin')
  async commissioningPlans(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CommissioningPlanConnectionModel> {
    if (first < 1 || first > 100) throw new ApiError('BAD_USER_INPUT', '`first` must be between 1 and 100');
    let page: CommissioningPlanPage;
    try {
      page = await this.queries.execute(new ListCommissioningPlansQuery(actor, first, after));
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('BAD_USER_INPUT', error.message);
      throw error;
    }
    return { nodes: page.items.map(toCommissioningPlanModel), endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }

  @Query(() => [OpenMarketEngagementNoticeModel], { description: 'Preliminary market engagement notices still taking responses' })
  async openMarketEngagementNotices(@CurrentActor() actor: Actor): Promise<OpenMarketEngagementNoticeModel[]> {
    const notices = await this.queries.execute<OpenEngagementNoticesQuery, readonly ProviderNoticeView[]>(new OpenEngagementNoticesQuery(actor));
    return notices.map(toOpenNoticeModel);
  }

  @Mutation(() => CommissioningPlanModel, { description: "Draft a commissioning plan for the commissioner's own council" })
  @Roles('commissioner')
  async draftCommissioningPlan(
    @Args('input') input: DraftCommissioningPlanInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    if (!actor.organisationId) throw new ApiError('FORBIDDEN', 'A commissioner must belong to a council to draft plans');
    const organisationId = actor.organisationId;
    const result = await this.commands.send<CommissioningPlanCommandResult>(
      { operation: 'draftCommissioningPlan', idempotencyKey, actor, input, req },
      (context) =>
        new DraftCommissioningPlanCommand(
          {
            organisationId,
            title: input.title,
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            inHouseBudgetPence: input.inHouseBudgetPence,
            externalBudgetPence: input.externalBudgetPence,
            outcomes: input.outcomes.map(({ measureId, name, kind, target }) => ({ measureId, name, kind, target })),
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => CommissioningPlanModel, { description: "Add a measure to the plan's outcomes framework" })
  @Roles('commissioner')
  addPlanOutcomeMeasure(
    @Args('input') input: AddOutcomeMeasureInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    const { measureId, name, kind, target } = input.measure;
    return this.change('addPlanOutcomeMeasure', { type: 'AddOutcomeMeasure', data: { planId: input.planId, measure: { measureId, name, kind, target } } }, {
      idempotencyKey,
      actor,
      input,
      req,
    });
  }

  @Mutation(() => CommissioningPlanModel, { description: 'Add a strand with its delivery model and the options appraisal behind it' })
  @Roles('commissioner')
  addPlanStrand(
    @Args('input') input: AddPlanStrandInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    return this.change(
      'addPlanStrand',
      {
        type: 'AddStrand',
        data: {
          planId: input.planId,
          strandId: input.strandId,
          name: input.name,
          area: input.area ?? null,
          budgetPence: input.budgetPence,
          deliveryModel: input.deliveryModel,
          optionsAppraisal: { optionsConsidered: [...input.optionsAppraisal.optionsConsidered], conclusion: input.optionsAppraisal.conclusion },
          inHouseRationale: input.inHouseRationale ?? null,
        },
      },
      { idempotencyKey, actor, input, req },
    );
  }

  @Mutation(() => CommissioningPlanModel, { description: 'Record a consultation with young people or families (no personal data)' })
  @Roles('commissioner')
  async recordNeedsEvidence(
    @Args('input') input: RecordNeedsEvidenceInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    const result = await this.commands.send<CommissioningPlanCommandResult>(
      { operation: 'recordNeedsEvidence', idempotencyKey, actor, input, req },
      (context) =>
        new RecordNeedsEvidenceCommand(
          { planId: input.planId, conductedOn: input.conductedOn, method: input.method, participants: input.participants, findings: input.findings },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => CommissioningPlanModel, { description: 'Publish a preliminary market engagement notice for strands that may go to market' })
  @Roles('commissioner')
  async publishMarketEngagementNotice(
    @Args('input') input: PublishMarketEngagementNoticeInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    const result = await this.commands.send<CommissioningPlanCommandResult>(
      { operation: 'publishMarketEngagementNotice', idempotencyKey, actor, input, req },
      (context) =>
        new PublishMarketEngagementNoticeCommand(
          { planId: input.planId, strandIds: [...input.strandIds], summary: input.summary, respondBy: input.respondBy },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => [OpenMarketEngagementNoticeModel], { description: "Register your organisation's interest in a market engagement notice" })
  @Roles('provider', 'prime')
  async registerMarketInterest(
    @Args('input') input: RegisterMarketInterestInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<OpenMarketEngagementNoticeModel[]> {
    const result = await this.commands.send<CommissioningPlanCommandResult>(
      { operation: 'registerMarketInterest', idempotencyKey, actor, input, req },
      (context) => new RegisterMarketInterestCommand({ planId: input.planId, noticeId: input.noticeId }, context),
    );
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    return this.openMarketEngagementNotices(actor);
  }

  @Mutation(() => CommissioningPlanModel, { description: 'Record why a strand goes to market without market engagement' })
  @Roles('commissioner')
  recordNoMarketEngagementReason(
    @Args('input') input: RecordNoMarketEngagementReasonInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    return this.change(
      'recordNoMarketEngagementReason',
      { type: 'RecordNoMarketEngagementReason', data: { planId: input.planId, strandId: input.strandId, reason: input.reason } },
      { idempotencyKey, actor, input, req },
    );
  }

  @Mutation(() => CommissioningPlanModel, { description: 'Release an external or mixed strand for tender once market engagement (or a reason for none) is recorded' })
  @Roles('commissioner')
  releaseStrandForTender(
    @Args('input') input: StrandRefInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<CommissioningPlanModel> {
    return this.change('releaseStrandForTender', { type: 'ReleaseStrandForTender', data: { planId: input.planId, strandId: input.strandId } }, {
      idempotencyKey,
      actor,
      input,
      req,
    });
  }

  private async change(
    operation: string,
    change: PlanChange,
    request: { idempotencyKey: string; actor: Actor; input: object; req: GraphqlContext['req'] },
  ): Promise<CommissioningPlanModel> {
    const result = await this.commands.send<CommissioningPlanCommandResult>(
      { operation, ...request },
      (context) => new ChangeCommissioningPlanCommand(change, context),
    );
    return this.readBack(result, request.actor);
  }

  /** Read-your-writes: answer from the read model once it includes the command's events. */
  private async readBack(result: CommissioningPlanCommandResult, actor: Actor): Promise<CommissioningPlanModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.readModel.findPlan(result.planId, actor);
    if (!view) throw new Error(`Commissioning plan ${result.planId} is missing from the read model after its command`);
    return toCommissioningPlanModel(view);
  }
}
