import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  type ContractCommandResult,
  type ContractPerformanceView,
  ContractReadModel,
  type CouncilBenchmarkView,
  GetContractPerformanceQuery,
  GetCouncilBenchmarksQuery,
  GetValueForMoneyQuery,
  RateContractCommand,
  SubmitReturnCommand,
  type ValueForMoneyView,
} from '@tendril/subcontracting/application';
import {
  ContractPerformanceModel,
  CouncilBenchmarkModel,
  RateContractInput,
  SubmitReturnInput,
  ValueForMoneyModel,
} from './performance.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';
const PERIOD_DESCRIPTION = 'A calendar quarter (YYYY-Qn); omit for every quarter reported';

export const toPerformanceModel = (view: ContractPerformanceView): ContractPerformanceModel => ({
  contractId: view.contractId,
  periods: view.periods.map((p) => ({
    period: p.period,
    returns: p.returns.map((r) => ({ ...r, id: r.returnId, measures: r.measures.map((m) => ({ ...m })), submittedAt: new Date(r.submittedAt) })),
    outcomeMeasures: p.outcomeMeasures.map((m) => ({ ...m })),
    chainTotals: { ...p.chainTotals },
    againstTargets: p.againstTargets.map((t) => ({ ...t })),
    rating: p.rating ? { ...p.rating, evidenceRefs: [...p.rating.evidenceRefs], ratedAt: new Date(p.rating.ratedAt) } : null,
  })),
});

@Resolver(() => ContractPerformanceModel)
export class PerformanceResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly contracts: ContractReadModel,
  ) {}

  @Query(() => ContractPerformanceModel, {
    nullable: true,
    description: 'A contract’s quarterly returns (the part of the chain you may see), their totals and the commissioner’s ratings',
  })
  async contractPerformance(@Args('contractId', { type: () => ID }) contractId: string, @CurrentActor() actor: Actor) {
    const view = await this.queries.execute<GetContractPerformanceQuery, ContractPerformanceView | null>(
      new GetContractPerformanceQuery(contractId, actor),
    );
    return view ? toPerformanceModel(view) : null;
  }

  @Query(() => ValueForMoneyModel, { description: 'Cost per young person reached and per outcome achieved, per provider, strand and council' })
  @Roles('commissioner', 'auditor', 'admin')
  async valueForMoney(
    @Args('commissionerOrganisationId', { type: () => ID, nullable: true, description: 'Defaults to your own council' })
    commissionerOrganisationId: string | null,
    @Args('period', { type: () => String, nullable: true, description: PERIOD_DESCRIPTION }) period: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<ValueForMoneyModel> {
    const council = commissionerOrganisationId ?? actor.organisationId;
    if (!council) throw new ApiError('BAD_USER_INPUT', 'Say which council’s figures you want');
    const view = await this.queries.execute<GetValueForMoneyQuery, ValueForMoneyView>(new GetValueForMoneyQuery(council, period ?? null, actor));
    return { ...view, council: { ...view.council }, byProvider: [...view.byProvider], byStrand: [...view.byStrand] };
  }

  @Query(() => [CouncilBenchmarkModel], {
    description: 'The same figures for every council on the platform, cheapest per young person first; other councils are anonymous',
  })
  @Roles('commissioner', 'auditor', 'admin')
  async councilBenchmarks(
    @Args('period', { type: () => String, nullable: true, description: PERIOD_DESCRIPTION }) period: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<CouncilBenchmarkModel[]> {
    const views = await this.queries.execute<GetCouncilBenchmarksQuery, readonly CouncilBenchmarkView[]>(
      new GetCouncilBenchmarksQuery(period ?? null, actor),
    );
    return views.map((view) => ({ ...view }));
  }

  @Mutation(() => ContractPerformanceModel, { description: 'Submit your organisation’s return for a quarter: the prime’s own delivery, or your subcontract’s' })
  @Roles('prime', 'provider')
  async submitReturn(
    @Args('input') input: SubmitReturnInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractPerformanceModel> {
    const { contractId, period, subcontractId, outcomes, measures, ...figures } = input;
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'submitReturn', idempotencyKey, actor, input, req },
      (context) =>
        new SubmitReturnCommand(
          {
            contractId,
            period,
            subcontractId: subcontractId ?? null,
            figures: { ...figures, outcomes: { ...outcomes } },
            measures: (measures ?? []).map(({ measureId, value }) => ({ measureId, value })),
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ContractPerformanceModel, { description: 'Rate a contract for a quarter, with your rationale and the evidence you relied on' })
  @Roles('commissioner')
  async rateContract(
    @Args('input') input: RateContractInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractPerformanceModel> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'rateContract', idempotencyKey, actor, input, req },
      (context) => new RateContractCommand({ ...input, evidenceRefs: [...input.evidenceRefs] }, context),
    );
    return this.readBack(result, actor);
  }

  private async readBack(result: ContractCommandResult, actor: Actor): Promise<ContractPerformanceModel> {
    if (result.position !== null) await this.contracts.waitForPosition(result.position);
    const view = await this.queries.execute<GetContractPerformanceQuery, ContractPerformanceView | null>(
      new GetContractPerformanceQuery(result.contractId, actor),
    );
    if (!view) throw new ApiError('NOT_FOUND', `Contract ${result.contractId} is not visible to you`);
    return toPerformanceModel(view);
  }
}
