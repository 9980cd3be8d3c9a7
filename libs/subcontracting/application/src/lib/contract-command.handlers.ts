import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, handleCommand, type RequestContext, requestScopedId } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type ContractCommand, contractDecider, contractStreamName } from '@tendril/subcontracting/domain';
import { SupplyChainFacts } from './supply-chain-facts.port';
import {
  AddSubcontractorCommand,
  type ContractCommandResult,
  DecideDecommissioningCaseCommand,
  EndSubcontractCommand,
  MakeInternalAgreementCommand,
  OpenDecommissioningCaseCommand,
  RateContractCommand,
  RespondToDecommissioningCaseCommand,
  SetOutcomeTargetsCommand,
  SubmitReturnCommand,
  VaryContractCommand,
  VarySubcontractCommand,
} from './subcontracting-commands';

abstract class ContractCommandHandlerBase {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected async run(command: Pick<ContractCommand, 'type' | 'data'>, context: RequestContext, subcontractId: string | null) {
    const { contractId } = command.data as { contractId: string };
    const result = await handleCommand({
      store: this.store,
      streamName: contractStreamName(contractId),
      decider: contractDecider,
      command: {
        ...command,
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as ContractCommand,
    });
    return { contractId, subcontractId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(AddSubcontractorCommand)
export class AddSubcontractorHandler extends ContractCommandHandlerBase implements ICommandHandler<AddSubcontractorCommand> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly facts: SupplyChainFacts) {
    super(store, clock);
  }

  async execute({ input, context }: AddSubcontractorCommand): Promise<ContractCommandResult> {
    const subcontractId = requestScopedId('subcontract', context);
    const subcontractorEligibility = await this.facts.eligibilityOf(input.subcontractorOrganisationId);
    return this.run({ type: 'AddSubcontractor', data: { ...input, subcontractId, subcontractorEligibility } }, context, subcontractId);
  }
}

@CommandHandler(EndSubcontractCommand)
export class EndSubcontractHandler extends ContractCommandHandlerBase implements ICommandHandler<EndSubcontractCommand> {
  execute({ input, context }: EndSubcontractCommand): Promise<ContractCommandResult> {
    return this.run({ type: 'EndSubcontract', data: input }, context, input.subcontractId);
  }
}

@CommandHandler(VaryContractCommand)
export class VaryContractHandler extends ContractCommandHandlerBase implements ICommandHandler<VaryContractCommand> {
  execute({ input, context }: VaryContractCommand): Promise<ContractCommandResult> {
    const variationId = requestScopedId('variation', context);
    return this.run({ type: 'VaryContract', data: { ...input, variationId } }, context, null);
  }
}

@CommandHandler(VarySubcontractCommand)
export class VarySubcontractHandler extends ContractCommandHandlerBase implements ICommandHandler<VarySubcontractCommand> {
  execute({ input, context }: VarySubcontractCommand): Promise<ContractCommandResult> {
    const variationId = requestScopedId('variation', context);
    return this.run({ type: 'VarySubcontract', data: { ...input, variationId } }, context, input.subcontractId);
  }
}

@CommandHandler(SetOutcomeTargetsCommand)
export class SetOutcomeTargetsHandler extends ContractCommandHandlerBase implements ICommandHandler<SetOutcomeTargetsCommand> {
  execute({ input, context }: SetOutcomeTargetsCommand): Promise<ContractCommandResult> {
    return this.run({ type: 'SetOutcomeTargets', data: input }, context, null);
  }
}

@CommandHandler(SubmitReturnCommand)
export class SubmitReturnHandler extends ContractCommandHandlerBase implements ICommandHandler<SubmitReturnCommand> {
  execute({ input, context }: SubmitReturnCommand): Promise<ContractCommandResult> {
    const returnId = requestScopedId('return', context);
    return this.run({ type: 'SubmitReturn', data: { ...input, returnId } }, context, input.subcontractId);
  }
}

@CommandHandler(RateContractCommand)
export class RateContractHandler extends ContractCommandHandlerBase implements ICommandHandler<RateContractCommand> {
  execute({ input, context }: RateContractCommand): Promise<ContractCommandResult> {
    return this.run({ type: 'RateContract', data: input }, context, null);
  }
}

@CommandHandler(MakeInternalAgreementCommand)
export class MakeInternalAgreementHandler extends ContractCommandHandlerBase implements ICommandHandler<MakeInternalAgreementCommand> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly facts: SupplyChainFacts) {
    super(store, clock);
  }

  async execute({ input, context }: MakeInternalAgreementCommand): Promise<ContractCommandResult> {
    const contractId = requestScopedId('internal-agreement', context);
    const outcomeFramework = await this.facts.strandFramework({
      planId: null,
      strandId: input.strandId.trim(),
      commissionerOrganisationId: context.actor.organisationId,
    });
    return this.run({ type: 'MakeInternalAgreement', data: { ...input, contractId, outcomeFramework } }, context, null);
  }
}

@CommandHandler(OpenDecommissioningCaseCommand)
export class OpenDecommissioningCaseHandler extends ContractCommandHandlerBase implements ICommandHandler<OpenDecommissioningCaseCommand> {
  async execute({ input, context }: OpenDecommissioningCaseCommand): Promise<ContractCommandResult & { caseId: string }> {
    const caseId = requestScopedId('decommissioning-case', context);
    const result = await this.run({ type: 'OpenDecommissioningCase', data: { ...input, caseId } }, context, null);
    return { ...result, caseId };
  }
}

@CommandHandler(RespondToDecommissioningCaseCommand)
export class RespondToDecommissioningCaseHandler
  extends ContractCommandHandlerBase
  implements ICommandHandler<RespondToDecommissioningCaseCommand>
{
  execute({ input, context }: RespondToDecommissioningCaseCommand): Promise<ContractCommandResult> {
    return this.run({ type: 'RespondToDecommissioningCase', data: input }, context, null);
  }
}

@CommandHandler(DecideDecommissioningCaseCommand)
export class DecideDecommissioningCaseHandler extends ContractCommandHandlerBase implements ICommandHandler<DecideDecommissioningCaseCommand> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly facts: SupplyChainFacts) {
    super(store, clock);
  }

  async execute({ input, context }: DecideDecommissioningCaseCommand): Promise<ContractCommandResult> {
    const named =
      input.decision.kind === 'decommission'
        ? input.decision.transition.flatMap((step) => (step.outcome !== 'ends' && step.toContractId ? [step.toContractId] : []))
        : [];
    if (input.decision.kind !== 'decommission') return this.run({ type: 'DecideDecommissioningCase', data: input }, context, null);
    const [transitionTargets, subcontractorEligibility] = await Promise.all([
      this.facts.transitionTargets(input.contractId, [...new Set(named)]),
      this.facts.chainEligibility(input.contractId),
    ]);
    return this.run({ type: 'DecideDecommissioningCase', data: { ...input, transitionTargets, subcontractorEligibility } }, context, null);
  }
}

export const CONTRACT_COMMAND_HANDLERS = [
  MakeInternalAgreementHandler,
  OpenDecommissioningCaseHandler,
  RespondToDecommissioningCaseHandler,
  DecideDecommissioningCaseHandler,
  AddSubcontractorHandler,
  EndSubcontractHandler,
  VaryContractHandler,
  VarySubcontractHandler,
  SetOutcomeTargetsHandler,
  SubmitReturnHandler,
  RateContractHandler,
];
