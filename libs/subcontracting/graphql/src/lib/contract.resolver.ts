import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  AddSubcontractorCommand,
  type ContractCommandResult,
  ContractReadModel,
  type ContractView,
  EndSubcontractCommand,
  GetContractQuery,
  GetSupplyChainQuery,
  ListContractsQuery,
  MakeInternalAgreementCommand,
  SetOutcomeTargetsCommand,
  type SupplyChainView,
  type VariedTermsView,
  VaryContractCommand,
  VarySubcontractCommand,
} from '@tendril/subcontracting/application';
import {
  AddSubcontractorInput,
  ContractModel,
  EndSubcontractInput,
  MakeInternalAgreementInput,
  SetOutcomeTargetsInput,
  SupplyChainModel,
  type VariedTermsModel,
  VaryContractInput,
  VarySubcontractInput,
} from './contract.models';

const toTermsModel = (terms: VariedTermsView): VariedTermsModel => ({
  valuePence: terms.valuePence ?? null,
  endDate: terms.endDate ?? null,
  scope: terms.scope ?? null,
  area: terms.area ?? null,
});

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

export const toContractModel = (view: ContractView): ContractModel => ({
  id: view.contractId,
  tenderId: view.tenderId,
  lotId: view.lotId,
  bidId: view.bidId,
  commissionerOrganisationId: view.commissionerOrganisationId,
  primeOrganisationId: view.primeOrganisationId,
  valuePence: view.valuePence,
  startDate: view.startDate,
  endDate: view.endDate,
  paymentTermsDays: view.paymentTermsDays,
  status: view.status,
  createdAt: new Date(view.createdAt),
  scope: view.scope,
  kind: view.kind,
  strandId: view.strandId,
  outcomeMeasures: view.outcomeMeasures.map((m) => ({ ...m })),
  outcomeTargets: view.outcomeTargets ? { frameworkRef: view.outcomeTargets.frameworkRef, targets: view.outcomeTargets.targets.map((t) => ({ ...t })) } : null,
  variations: view.variations.map((v) => ({
    id: v.variationId,
    subcontractId: v.subcontractId,
    changes: toTermsModel(v.changes),
    previous: toTermsModel(v.previous),
    reason: v.reason,
    approvedByUserId: v.approvedByUserId,
    approvedByOrganisationId: v.approvedByOrganisationId,
    variedAt: new Date(v.variedAt),
  })),
  subcontracts: view.subcontracts.map((s) => ({
    ...s,
    id: s.subcontractId,
    addedAt: new Date(s.addedAt),
    endedAt: s.endedAt ? new Date(s.endedAt) : null,
    transferredFrom: s.transferredFrom ? { ...s.transferredFrom, evidenceRefs: [...s.transferredFrom.evidenceRefs] } : null,
    transferredTo: s.transferredTo ? { ...s.transferredTo } : null,
  })),
});

@Resolver(() => ContractModel)
export class ContractResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: ContractReadModel,
  ) {}

  @Query(() => ContractModel, { nullable: true, description: 'A contract and the part of its supply chain you may see' })
  async contract(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ContractModel | null> {
    const view = await this.queries.execute<GetContractQuery, ContractView | null>(new GetContractQuery(id, actor));
    return view ? toContractModel(view) : null;
  }

  @Query(() => [ContractModel], { description: 'Contracts you may see, optionally for one tender' })
  async contracts(
    @Args('tenderId', { type: () => ID, nullable: true }) tenderId: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<ContractModel[]> {
    const views = await this.queries.execute<ListContractsQuery, readonly ContractView[]>(
      new ListContractsQuery(tenderId ? { tenderId } : {}, actor),
    );
    return views.map(toContractModel);
  }

  @Mutation(() => ContractModel, { description: 'Add a subcontractor under your contract (prime) or under your own subcontract' })
  @Roles('prime', 'provider')
  async addSubcontractor(
    @Args('input') input: AddSubcontractorInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'addSubcontractor', idempotencyKey, actor, input, req },
      (context) => new AddSubcontractorCommand({ ...input, parentSubcontractId: input.parentSubcontractId ?? null }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ContractModel, { description: 'End a subcontract with a reason; its value returns to the parent' })
  @Roles('prime', 'provider')
  async endSubcontract(
    @Args('input') input: EndSubcontractInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'endSubcontract', idempotencyKey, actor, input, req },
      (context) => new EndSubcontractCommand({ ...input }, context),
    );
    return this.readBack(result, actor);
  }

  @Query(() => SupplyChainModel, {
    description:
      'A council’s whole supply chain as you may see it: the council and auditors see every contract, a prime its own trees, a subcontractor its own branches',
  })
  async supplyChain(
    @Args('commissionerOrganisationId', { type: () => ID, nullable: true, description: 'Defaults to your own council' })
    commissionerOrganisationId: string | null,
    @Args('includeEnded', { defaultValue: false, description: 'Also list ended subcontracts' }) includeEnded: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<SupplyChainModel> {
    const council = commissionerOrganisationId ?? actor.organisationId;
    if (!council) throw new ApiError('BAD_USER_INPUT', 'Say which council’s supply chain you want');
    const view = await this.queries.execute<GetSupplyChainQuery, SupplyChainView>(new GetSupplyChainQuery(council, actor, includeEnded));
    return { ...view, nodes: [...view.nodes], tiers: [...view.tiers] };
  }

  @Mutation(() => ContractModel, { description: 'Make the internal agreement for an in-house strand: the same shape as an awarded contract' })
  @Roles('commissioner')
  async makeInternalAgreement(
    @Args('input') input: MakeInternalAgreementInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'makeInternalAgreement', idempotencyKey, actor, input, req },
      (context) => new MakeInternalAgreementCommand({ ...input }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ContractModel, { description: 'Set the contract’s outcome measures and quarterly targets from the plan’s outcomes framework' })
  @Roles('commissioner')
  async setOutcomeTargets(
    @Args('input') input: SetOutcomeTargetsInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'setOutcomeTargets', idempotencyKey, actor, input, req },
      (context) => new SetOutcomeTargetsCommand({ ...input, targets: input.targets.map((t) => ({ ...t })) }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ContractModel, { description: 'Vary a contract’s value, term or scope, with a reason; you are recorded as the approver' })
  @Roles('commissioner')
  async varyContract(
    @Args('input') input: VaryContractInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const { contractId, reason, ...changes } = input;
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'varyContract', idempotencyKey, actor, input, req },
      (context) => new VaryContractCommand({ contractId, reason, changes }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ContractModel, {
    description: 'Vary the value, term, scope or area of a subcontract you let, with a reason; you are recorded as the approver',
  })
  @Roles('prime', 'provider')
  async varySubcontract(
    @Args('input') input: VarySubcontractInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ContractModel> {
    const { contractId, subcontractId, reason, ...changes } = input;
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'varySubcontract', idempotencyKey, actor, input, req },
      (context) => new VarySubcontractCommand({ contractId, subcontractId, reason, changes }, context),
    );
    return this.readBack(result, actor);
  }

  private async readBack(result: ContractCommandResult, actor: Actor): Promise<ContractModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.readModel.findVisibleContract(result.contractId, actor);
    if (!view) throw new ApiError('NOT_FOUND', `Contract ${result.contractId} is not visible to you`);
    return toContractModel(view);
  }
}
