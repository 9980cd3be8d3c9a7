import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type ProviderCommand, providerDecider, providerStreamName } from '@tendril/bidding/domain';
import { CLOCK, type Clock, DomainRuleBroken, handleCommand, type RequestContext } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { AddProviderMemberCommand, DeclareDueDiligenceCommand, type ProviderCommandResult, RegisterProviderCommand } from './provider-commands';

/** Every registry command acts on the organisation the signed-in user belongs to. */
abstract class ProviderCommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected async decide(context: RequestContext, build: (organisationId: string) => Pick<ProviderCommand, 'type' | 'data'>): Promise<ProviderCommandResult> {
    const organisationId = context.actor.organisationId;
    if (!organisationId) throw new DomainRuleBroken('NOT_A_MEMBER_OF_THE_PROVIDER', 'Sign in as a member of an organisation to use the provider registry');
    const result = await handleCommand({
      store: this.store,
      streamName: providerStreamName(organisationId),
      decider: providerDecider,
      command: {
        ...build(organisationId),
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as ProviderCommand,
    });
    return { organisationId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(RegisterProviderCommand)
export class RegisterProviderHandler extends ProviderCommandHandler implements ICommandHandler<RegisterProviderCommand> {
  execute({ input, context }: RegisterProviderCommand): Promise<ProviderCommandResult> {
    return this.decide(context, (organisationId) => ({ type: 'RegisterProvider', data: { ...input, organisationId } }));
  }
}

@CommandHandler(DeclareDueDiligenceCommand)
export class DeclareDueDiligenceHandler extends ProviderCommandHandler implements ICommandHandler<DeclareDueDiligenceCommand> {
  execute({ input, context }: DeclareDueDiligenceCommand): Promise<ProviderCommandResult> {
    return this.decide(context, (organisationId) => ({ type: 'DeclareDueDiligence', data: { ...input, organisationId } }));
  }
}

@CommandHandler(AddProviderMemberCommand)
export class AddProviderMemberHandler extends ProviderCommandHandler implements ICommandHandler<AddProviderMemberCommand> {
  execute({ input, context }: AddProviderMemberCommand): Promise<ProviderCommandResult> {
    return this.decide(context, (organisationId) => ({ type: 'AddProviderMember', data: { ...input, organisationId } }));
  }
}

export const PROVIDER_COMMAND_HANDLERS = [RegisterProviderHandler, DeclareDueDiligenceHandler, AddProviderMemberHandler];
