import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type BidState,
  bidDecider,
  bidStreamName,
  type CompetitionState,
  competitionDecider,
  competitionStreamName,
  decideBidSubmission,
  decideBidWithdrawal,
  namedPartnerIds,
  type BidPartners,
  providerDecider,
  providerStreamName,
  type SubmitBidRequest,
  type WithdrawBid,
} from '@tendril/bidding/domain';
import {
  CLOCK,
  type Clock,
  type CommandMetadata,
  DomainRuleBroken,
  handleCommand,
  type RequestContext,
  requestScopedId,
} from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore, StreamNotFoundError } from '@tendril/shared/event-store';
import { AmendBidCommand, AssessBidComplianceCommand, type BidCommandResult, SubmitBidCommand, WithdrawBidCommand } from './bidding-commands';

const metadataOf = (clock: Clock, context: RequestContext): CommandMetadata => ({
  now: clock.now(),
  actor: context.actor,
  correlationId: context.correlationId,
  idempotencyKey: context.idempotencySeed,
});

const foldStream = async <S>(store: EventStore, streamName: string, decider: { initialState(): S; evolve(s: S, e: never): S }): Promise<S> => {
  let state = decider.initialState();
  try {
    for await (const event of store.readStream(streamName)) state = decider.evolve(state, { type: event.type, data: event.data } as never);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return state;
};

/**
 * Submitting and withdrawing change two streams: the tender's competition (one live bid per organisation
 * and lot, guarded by its revision) and the bid itself. Both are decided from the same states; the
 * competition is appended first, then the bid, each through the command loop with the request's
 * idempotency key, so a retry after a crash in between completes the bid without a second entry.
 */
/** Which of the organisations a bid names are in the provider registry, read from their registry streams. */
const registeredPartners = async (store: EventStore, partners: BidPartners): Promise<string[]> => {
  const registered: string[] = [];
  for (const organisationId of namedPartnerIds(partners)) {
    const provider = await foldStream(store, providerStreamName(organisationId), providerDecider);
    if (provider.status === 'registered') registered.push(organisationId);
  }
  return registered;
};

abstract class TwoStreamBidHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected async decideAcrossStreams<C extends SubmitBidRequest | WithdrawBid>(
    tenderId: string,
    bidId: string,
    command: C,
    decide: (command: C, competition: CompetitionState, bid: BidState) => ReturnType<typeof decideBidSubmission>,
  ): Promise<BidCommandResult> {
    const bidState = await foldStream(this.store, bidStreamName(bidId), bidDecider);
    const competition = await handleCommand({
      store: this.store,
      streamName: competitionStreamName(tenderId),
      decider: { ...competitionDecider, decide: (c: C, state: CompetitionState) => decide(c, state, bidState).competitionEvents } as never,
      command,
    });
    const competitionState = competition.state as CompetitionState;
    const bid = await handleCommand({
      store: this.store,
      streamName: bidStreamName(bidId),
      decider: { ...bidDecider, decide: (c: C, state: BidState) => decide(c, competitionState, state).bidEvents } as never,
      command,
    });
    return { bidId, position: bid.appendResult?.position ?? competition.appendResult?.position ?? null };
  }
}

@CommandHandler(SubmitBidCommand)
export class SubmitBidHandler extends TwoStreamBidHandler implements ICommandHandler<SubmitBidCommand> {
  async execute({ input, context }: SubmitBidCommand): Promise<BidCommandResult> {
    const organisationId = context.actor.organisationId;
    if (!organisationId) throw new DomainRuleBroken('NOT_A_MEMBER_OF_A_PROVIDER', 'Only members of a provider organisation may bid');
    // A retry of the same request addresses the same bid.
    const bidId = requestScopedId('bid', context);
    const command: SubmitBidRequest = {
      type: 'SubmitBid',
      data: { ...input, bidId, organisationId, registeredPartnerIds: await registeredPartners(this.store, input) },
      metadata: metadataOf(this.clock, context),
    };
    // The registry is read from its stream, not a read model, so a declaration made a moment ago counts.
    const bidder = await foldStream(this.store, providerStreamName(organisationId), providerDecider);
    return this.decideAcrossStreams(input.tenderId, bidId, command, (c, competition, bid) => decideBidSubmission(c, competition, bid, bidder));
  }
}

@CommandHandler(WithdrawBidCommand)
export class WithdrawBidHandler extends TwoStreamBidHandler implements ICommandHandler<WithdrawBidCommand> {
  async execute({ bidId, context }: WithdrawBidCommand): Promise<BidCommandResult> {
    const bid = await foldStream(this.store, bidStreamName(bidId), bidDecider);
    // An unknown bid and someone else's bid look the same: sealing hides whether it exists.
    if (bid.status === 'none' || bid.organisationId !== context.actor.organisationId) {
      throw new DomainRuleBroken('BID_NOT_FOUND', `No bid ${bidId} of your organisation exists`);
    }
    const command: WithdrawBid = { type: 'WithdrawBid', data: { bidId }, metadata: metadataOf(this.clock, context) };
    return this.decideAcrossStreams(bid.tenderId, bidId, command, decideBidWithdrawal);
  }
}

@CommandHandler(AmendBidCommand)
export class AmendBidHandler implements ICommandHandler<AmendBidCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: AmendBidCommand): Promise<BidCommandResult> {
    const bid = await foldStream(this.store, bidStreamName(input.bidId), bidDecider);
    // The deadline the tender has now: it may have been extended since the bid was submitted.
    const competition = bid.status === 'none' ? null : await foldStream(this.store, competitionStreamName(bid.tenderId), competitionDecider);
    const currentSubmissionDeadline = competition && competition.status !== 'unknown' ? competition.submissionDeadline : undefined;
    const result = await handleCommand({
      store: this.store,
      streamName: bidStreamName(input.bidId),
      decider: bidDecider,
      command: {
        type: 'AmendBid',
        data: { ...input, registeredPartnerIds: await registeredPartners(this.store, input), ...(currentSubmissionDeadline ? { currentSubmissionDeadline } : {}) },
        metadata: metadataOf(this.clock, context),
      },
    });
    return { bidId: input.bidId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(AssessBidComplianceCommand)
export class AssessBidComplianceHandler implements ICommandHandler<AssessBidComplianceCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: AssessBidComplianceCommand): Promise<BidCommandResult> {
    const bid = await foldStream(this.store, bidStreamName(input.bidId), bidDecider);
    // Sealing again: a bid the caller may not know of looks like no bid at all.
    if (bid.status === 'none' || context.actor.organisationId !== bid.commissionerOrganisationId) {
      throw new DomainRuleBroken('BID_NOT_FOUND', `No bid ${input.bidId} of your tenders exists`);
    }
    const result = await handleCommand({
      store: this.store,
      streamName: bidStreamName(input.bidId),
      decider: bidDecider,
      command: { type: 'AssessBidCompliance', data: input, metadata: metadataOf(this.clock, context) },
    });
    return { bidId: input.bidId, position: result.appendResult?.position ?? null };
  }
}

export const BID_COMMAND_HANDLERS = [SubmitBidHandler, WithdrawBidHandler, AmendBidHandler, AssessBidComplianceHandler];
