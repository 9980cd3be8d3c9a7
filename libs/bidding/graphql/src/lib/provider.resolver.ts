import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddProviderMemberCommand,
  DeclareDueDiligenceCommand,
  GetProviderQuery,
  ListProvidersQuery,
  type ProviderCommandResult,
  ProviderReadModel,
  type ProviderView,
  RegisterProviderCommand,
} from '@tendril/bidding/application';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import { AddProviderMemberInput, DeclareDueDiligenceInput, ProviderFilterInput, ProviderModel, RegisterProviderInput } from './provider.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

export const toProviderModel = (view: ProviderView): ProviderModel => ({
  organisationId: view.organisationId,
  name: view.name,
  kind: view.kind,
  charityNumber: view.charityNumber,
  companyNumber: view.companyNumber,
  schoolUrn: view.schoolUrn,
  vcse: view.vcse,
  sme: view.sme,
  serviceCategories: [...view.serviceCategories],
  serviceAreas: [...view.serviceAreas],
  registeredAt: new Date(view.registeredAt),
  dueDiligence: view.dueDiligence.map((d) => ({
    kind: d.kind,
    declaredAt: new Date(d.declaredAt),
    expiresAt: new Date(d.expiresAt),
    current: d.current,
    statement: d.statement,
    evidenceRefs: d.evidenceRefs ? [...d.evidenceRefs] : null,
  })),
  members: view.members ? view.members.map((m) => ({ ...m })) : null,
  toRenewBeforeBidding: [...view.toRenewBeforeBidding],
});

/** The provider registry. Registry commands act on the organisation of the signed-in user. */
@Resolver(() => ProviderModel)
export class ProviderResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: ProviderReadModel,
  ) {}

  @Query(() => ProviderModel, { nullable: true, description: 'A registered organisation; null if it is not in the registry' })
  async provider(@Args('organisationId', { type: () => ID }) organisationId: string, @CurrentActor() actor: Actor): Promise<ProviderModel | null> {
    const view = await this.queries.execute<GetProviderQuery, ProviderView | null>(new GetProviderQuery(organisationId, actor));
    return view ? toProviderModel(view) : null;
  }

  @Query(() => [ProviderModel], { description: 'Registered organisations, by name; filter by kind, service category or area, VCSE or SME' })
  async providers(
    @Args('filter', { type: () => ProviderFilterInput, nullable: true }) filter: ProviderFilterInput | null,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderModel[]> {
    const views = await this.queries.execute<ListProvidersQuery, readonly ProviderView[]>(new ListProvidersQuery({ ...(filter ?? {}) }, actor));
    return views.map(toProviderModel);
  }

  @Mutation(() => ProviderModel, { description: "Register your organisation (a council's commissioners register its in-house team)" })
  @Roles('provider', 'prime', 'commissioner')
  async registerProvider(
    @Args('input') input: RegisterProviderInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ProviderModel> {
    const result = await this.commands.send<ProviderCommandResult>(
      { operation: 'registerProvider', idempotencyKey, actor, input, req },
      (context) =>
        new RegisterProviderCommand(
          {
            name: input.name,
            kind: input.kind,
            charityNumber: input.charityNumber ?? null,
            companyNumber: input.companyNumber ?? null,
            schoolUrn: input.schoolUrn ?? null,
            vcse: input.vcse,
            sme: input.sme,
            serviceCategories: input.serviceCategories,
            serviceAreas: input.serviceAreas,
            registrantDisplayName: input.yourDisplayName,
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ProviderModel, { description: 'Declare (or renew) a due-diligence item for your organisation, with its expiry and evidence' })
  @Roles('provider', 'prime', 'commissioner')
  async declareDueDiligence(
    @Args('input') input: DeclareDueDiligenceInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ProviderModel> {
    const result = await this.commands.send<ProviderCommandResult>(
      { operation: 'declareDueDiligence', idempotencyKey, actor, input, req },
      (context) =>
        new DeclareDueDiligenceCommand(
          { kind: input.kind, expiresAt: input.expiresAt.toISOString(), statement: input.statement, evidenceRefs: input.evidenceRefs },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => ProviderModel, { description: 'Add a member to your organisation with a role (administrators only)' })
  @Roles('provider', 'prime', 'commissioner')
  async addProviderMember(
    @Args('input') input: AddProviderMemberInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ProviderModel> {
    const result = await this.commands.send<ProviderCommandResult>(
      { operation: 'addProviderMember', idempotencyKey, actor, input, req },
      (context) => new AddProviderMemberCommand({ userId: input.userId, displayName: input.displayName, role: input.role }, context),
    );
    return this.readBack(result, actor);
  }

  private async readBack(result: ProviderCommandResult, actor: Actor): Promise<ProviderModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.queries.execute<GetProviderQuery, ProviderView | null>(new GetProviderQuery(result.organisationId, actor));
    if (!view) throw new ApiError('NOT_FOUND', `Organisation ${result.organisationId} is not in the registry`);
    return toProviderModel(view);
  }
}
