import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  type ContractCommandResult,
  ContractReadModel,
  DecideDecommissioningCaseCommand,
  type DecommissioningCaseView,
  OpenDecommissioningCaseCommand,
  RespondToDecommissioningCaseCommand,
  type TransitionStepInput as TransitionStepCommandInput,
} from '@tendril/subcontracting/application';
import {
  DecideDecommissioningCaseInput,
  DecommissioningCaseModel,
  OpenDecommissioningCaseInput,
  RespondToDecommissioningCaseInput,
  type TransitionOutcomeGqlValue,
  type TransitionStepInput,
} from './decommissioning.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

const toGqlOutcome: Record<string, TransitionOutcomeGqlValue> = { ends: 'ends', 'moves-in-house': 'moves_in_house', 'moves-to-prime': 'moves_to_prime' };

const toStep = (step: TransitionStepInput): TransitionStepCommandInput =>
  step.outcome === 'moves_to_prime'
    ? { subcontractId: step.subcontractId, outcome: 'moves-to-prime', toContractId: step.toContractId ?? '', toPrimeOrganisationId: step.toPrimeOrganisationId ?? '' }
    : step.outcome === 'moves_in_house'
      ? { subcontractId: step.subcontractId, outcome: 'moves-in-house', toContractId: step.toContractId ?? null }
      : { subcontractId: step.subcontractId, outcome: 'ends' };

export const toCaseModel = (view: DecommissioningCaseView): DecommissioningCaseModel => ({
  ...view,
  id: view.caseId,
  evidenceRefs: [...view.evidenceRefs],
  responseEvidenceRefs: [...view.responseEvidenceRefs],
  openedAt: new Date(view.openedAt),
  respondedAt: view.respondedAt ? new Date(view.respondedAt) : null,
  decidedAt: view.decidedAt ? new Date(view.decidedAt) : null,
  transitionCompletedAt: view.transitionCompletedAt ? new Date(view.transitionCompletedAt) : null,
  transition: view.transition.map((step) => ({
    subcontractId: step.subcontractId,
    subcontractorOrganisationId: step.subcontractorOrganisationId,
    outcome: toGqlOutcome[step.outcome] ?? 'ends',
    toContractId: step.toContractId ?? null,
    toPrimeOrganisationId: step.toPrimeOrganisationId ?? null,
    result: step.result,
    toSubcontractId: step.toSubcontractId,
    refusalCode: step.refusalCode,
    refusal: step.refusal,
  })),
});

@Resolver(() => DecommissioningCaseModel)
export class DecommissioningResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly contracts: ContractReadModel,
  ) {}

  @Query(() => [DecommissioningCaseModel], { description: 'A contract’s decommissioning cases: for the council, the prime and auditors' })
  async decommissioningCases(@Args('contractId', { type: () => ID }) contractId: string, @CurrentActor() actor: Actor): Promise<DecommissioningCaseModel[]> {
    return (await this.contracts.findDecommissioningCases(contractId, actor)).map(toCaseModel);
  }

  @Mutation(() => [DecommissioningCaseModel], { description: 'Open a case to decommission a contract, with the evidence; the prime sees it and may respond' })
  @Roles('commissioner')
  async openDecommissioningCase(
    @Args('input') input: OpenDecommissioningCaseInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<DecommissioningCaseModel[]> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'openDecommissioningCase', idempotencyKey, actor, input, req },
      (context) => new OpenDecommissioningCaseCommand({ ...input, evidenceRefs: [...input.evidenceRefs] }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => [DecommissioningCaseModel], { description: 'As the prime, answer a decommissioning case before the decision' })
  @Roles('prime', 'provider')
  async respondToDecommissioningCase(
    @Args('input') input: RespondToDecommissioningCaseInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<DecommissioningCaseModel[]> {
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'respondToDecommissioningCase', idempotencyKey, actor, input, req },
      (context) => new RespondToDecommissioningCaseCommand({ ...input, evidenceRefs: [...input.evidenceRefs] }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => [DecommissioningCaseModel], {
    description: 'Decide a case: an improvement plan with a review date, or decommission with a notice period and a transition plan for every live subcontract',
  })
  @Roles('commissioner')
  async decideDecommissioningCase(
    @Args('input') input: DecideDecommissioningCaseInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<DecommissioningCaseModel[]> {
    const decision =
      input.decision === 'improvement_plan'
        ? { kind: 'improvement_plan' as const, reviewDate: input.reviewDate ?? '' }
        : { kind: 'decommission' as const, noticePeriodDays: input.noticePeriodDays ?? Number.NaN, transition: (input.transition ?? []).map(toStep) };
    const result = await this.commands.send<ContractCommandResult>(
      { operation: 'decideDecommissioningCase', idempotencyKey, actor, input, req },
      (context) => new DecideDecommissioningCaseCommand({ contractId: input.contractId, caseId: input.caseId, rationale: input.rationale, decision }, context),
    );
    return this.readBack(result, actor);
  }

  private async readBack(result: ContractCommandResult, actor: Actor): Promise<DecommissioningCaseModel[]> {
    if (result.position !== null) await this.contracts.waitForPosition(result.position);
    return (await this.contracts.findDecommissioningCases(result.contractId, actor)).map(toCaseModel);
  }
}
