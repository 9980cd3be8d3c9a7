import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, handleCommand, type RequestContext } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type ProviderInterestCommand, providerInterestDecider, providerInterestStreamName } from '@tendril/tender/domain';
import { type TenderPage, TenderReadModel } from './tender-read-model.port';

/** Register (or withdraw) the acting provider organisation's interest in a category of tenders. */
export class ChangeTenderInterestCommand {
  constructor(
    readonly change: 'register' | 'withdraw',
    readonly category: string,
    readonly context: RequestContext,
  ) {}
}

export interface TenderInterestResult {
  readonly organisationId: string;
  readonly position: number | null;
}

@CommandHandler(ChangeTenderInterestCommand)
export class ChangeTenderInterestHandler implements ICommandHandler<ChangeTenderInterestCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ change, category, context }: ChangeTenderInterestCommand): Promise<TenderInterestResult> {
    // A user with no organisation gets the decider's refusal, not a stream of its own.
    const organisationId = context.actor.organisationId ?? '';
    const result = await handleCommand({
      store: this.store,
      streamName: providerInterestStreamName(organisationId || 'none'),
      decider: providerInterestDecider,
      command: {
        type: change === 'register' ? 'RegisterCategoryInterest' : 'WithdrawCategoryInterest',
        data: { organisationId, category },
        metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
      } as ProviderInterestCommand,
    });
    return { organisationId, position: result.appendResult?.position ?? null };
  }
}

export class TenderFeedQuery {
  constructor(
    readonly reader: Actor,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** Open tenders in the categories the reader's organisation registered interest in, newest first. */
@QueryHandler(TenderFeedQuery)
export class TenderFeedHandler implements IQueryHandler<TenderFeedQuery, TenderPage> {
  constructor(private readonly readModel: TenderReadModel) {}

  async execute({ reader, first, after }: TenderFeedQuery): Promise<TenderPage> {
    const categories = reader.organisationId ? await this.readModel.interestCategories(reader.organisationId) : [];
    if (categories.length === 0) return { items: [], endCursor: null, hasNextPage: false };
    return this.readModel.listTenders({ status: 'open', categories, first, after });
  }
}

export const PROVIDER_INTEREST_HANDLERS = [ChangeTenderInterestHandler, TenderFeedHandler];
