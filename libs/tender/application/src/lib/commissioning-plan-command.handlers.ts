import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainRuleBroken, handleCommand, type RequestContext, requestScopedId } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type CommissioningPlanCommand, commissioningPlanDecider, commissioningPlanStreamName } from '@tendril/tender/domain';
import {
  ChangeCommissioningPlanCommand,
  type CommissioningPlanCommandResult,
  DraftCommissioningPlanCommand,
  PublishMarketEngagementNoticeCommand,
  RecordNeedsEvidenceCommand,
  RegisterMarketInterestCommand,
} from './commissioning-plan-commands';
import { ProviderRegistry } from './provider-registry.port';

abstract class PlanCommandHandlerBase {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected async run(planId: string, command: Pick<CommissioningPlanCommand, 'type' | 'data'>, context: RequestContext): Promise<CommissioningPlanCommandResult> {
    const result = await handleCommand({
      store: this.store,
      streamName: commissioningPlanStreamName(planId),
      decider: commissioningPlanDecider,
      command: {
        ...command,
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as CommissioningPlanCommand,
    });
    return { planId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(DraftCommissioningPlanCommand)
export class DraftCommissioningPlanHandler extends PlanCommandHandlerBase implements ICommandHandler<DraftCommissioningPlanCommand> {
  execute({ input, context }: DraftCommissioningPlanCommand): Promise<CommissioningPlanCommandResult> {
    const planId = requestScopedId('commissioning-plan', context);
    return this.run(planId, { type: 'DraftCommissioningPlan', data: { ...input, planId } }, context);
  }
}

@CommandHandler(ChangeCommissioningPlanCommand)
export class ChangeCommissioningPlanHandler extends PlanCommandHandlerBase implements ICommandHandler<ChangeCommissioningPlanCommand> {
  execute({ change, context }: ChangeCommissioningPlanCommand): Promise<CommissioningPlanCommandResult> {
    return this.run(change.data.planId, change, context);
  }
}

@CommandHandler(RecordNeedsEvidenceCommand)
export class RecordNeedsEvidenceHandler extends PlanCommandHandlerBase implements ICommandHandler<RecordNeedsEvidenceCommand> {
  execute({ input, context }: RecordNeedsEvidenceCommand): Promise<CommissioningPlanCommandResult> {
    return this.run(input.planId, { type: 'RecordNeedsEvidence', data: { ...input, evidenceId: requestScopedId('needs-evidence', context) } }, context);
  }
}

@CommandHandler(PublishMarketEngagementNoticeCommand)
export class PublishMarketEngagementNoticeHandler extends PlanCommandHandlerBase implements ICommandHandler<PublishMarketEngagementNoticeCommand> {
  execute({ input, context }: PublishMarketEngagementNoticeCommand): Promise<CommissioningPlanCommandResult> {
    return this.run(input.planId, { type: 'PublishMarketEngagementNotice', data: { ...input, noticeId: requestScopedId('engagement-notice', context) } }, context);
  }
}

@CommandHandler(RegisterMarketInterestCommand)
export class RegisterMarketInterestHandler extends PlanCommandHandlerBase implements ICommandHandler<RegisterMarketInterestCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly registry: ProviderRegistry,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: RegisterMarketInterestCommand): Promise<CommissioningPlanCommandResult> {
    const organisationId = context.actor.organisationId;
    const providerKind = organisationId ? await this.registry.kindOf(organisationId) : null;
    if (organisationId === null || providerKind === null) {
      throw new DomainRuleBroken('PROVIDER_NOT_REGISTERED', 'Only organisations in the provider registry may register interest');
    }
    return this.run(
      input.planId,
      { type: 'RegisterMarketInterest', data: { planId: input.planId, noticeId: input.noticeId, providerOrganisationId: organisationId, providerKind } },
      context,
    );
  }
}

export const COMMISSIONING_PLAN_COMMAND_HANDLERS = [
  DraftCommissioningPlanHandler,
  ChangeCommissioningPlanHandler,
  RecordNeedsEvidenceHandler,
  PublishMarketEngagementNoticeHandler,
  RegisterMarketInterestHandler,
];
