import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  bidDecider,
  bidStreamName,
  type CompetitionClosed,
  type CompetitionCommand,
  competitionDecider,
  competitionStreamName,
  COMPETITION_STREAM_PREFIX,
  type BidCommand,
  type BidsShortlisted,
  type EvaluatorCommand,
  evaluatorsDecider,
  evaluatorsStreamName,
  PANEL_STREAM_PREFIX,
} from '@tendril/bidding/domain';
import { CLOCK, type Clock, type CommandMetadata, DomainRuleBroken, handleCommand } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import {
  AWARD_WITHDRAWN_V1,
  DEADLINE_EXTENDED_V1,
  isTenderIntegrationEvent,
  LOT_AWARDED_V1,
  TENDER_CANCELLED_V1,
  TENDER_CLOSED_V1,
  TENDER_INTEGRATION_STREAM_PREFIX,
  TENDER_PUBLISHED_V1,
} from '@tendril/tender/contracts';

export const BIDDING_SYSTEM_ACTOR: Actor = { userId: 'system:bidding-reactions', role: 'system', organisationId: null };

/**
 * The bidding context follows tenders through the tender context's published events (never its domain
 * events): a published tender opens a competition, an extended deadline moves it, its close unseals and
 * opens the bids, a cancellation cancels it, a withdrawn award reopens the lot's evaluation. Every command is keyed by the event it reacts to, so redelivery changes nothing.
 */
@Injectable()
export class BiddingReactions {
  readonly name = 'bidding-follows-tenders';
  readonly filter = { streamPrefixes: [TENDER_INTEGRATION_STREAM_PREFIX, COMPETITION_STREAM_PREFIX, PANEL_STREAM_PREFIX] };
  private readonly logger = new Logger('BiddingReactions');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (isTenderIntegrationEvent(event)) {
      switch (event.type) {
        case TENDER_PUBLISHED_V1: {
          const d = event.data;
          return this.competition(event, {
            type: 'OpenCompetition',
            data: {
              tenderId: d.tenderId,
              commissionerOrganisationId: d.organisationId,
              lotIds: d.lots.map((lot) => lot.lotId),
              criteria: d.criteria.map(({ criterionId, kind, weightPercent }) => ({ criterionId, kind, weightPercent })),
              submissionDeadline: d.submissionDeadline,
            },
          });
        }
        case TENDER_CLOSED_V1:
          return this.competition(event, { type: 'CloseCompetition', data: { tenderId: event.data.tenderId } });
        case TENDER_CANCELLED_V1:
          return this.competition(event, { type: 'CancelCompetition', data: { tenderId: event.data.tenderId, reason: event.data.reason } });
        case LOT_AWARDED_V1:
          return this.recordOutcomes(event, event.data.tenderId, event.data.lotId, event.data.bidId);
        case DEADLINE_EXTENDED_V1:
          return this.extendDeadline(event, event.data.tenderId, event.data.submissionDeadline, event.data.reason);
        case AWARD_WITHDRAWN_V1: {
          const { tenderId, lotId, bidId, reason } = event.data;
          return this.evaluators(event, { type: 'ReopenLotEvaluation', data: { tenderId, lotId, withdrawnAwardBidId: bidId, reason } });
        }
        default:
          return;
      }
    }
    if (event.type === 'BidsShortlisted') {
      for (const bidId of (event.data as BidsShortlisted['data']).bidIds) await this.bid(event, { type: 'MarkBidShortlisted', data: { bidId } });
      return;
    }
    if (event.type === 'CompetitionClosed') {
      const closed = event.data as CompetitionClosed['data'];
      for (const bid of closed.bids) {
        try {
          await handleCommand({
            store: this.store,
            streamName: bidStreamName(bid.bidId),
            decider: bidDecider,
            command: { type: 'OpenBid', data: { bidId: bid.bidId }, metadata: this.metadata(event) },
          });
        } catch (error) {
          // A submission cut off between its two appends left an entry with no bid: nothing to open.
          if (error instanceof DomainRuleBroken && error.code === 'BID_NOT_FOUND') {
            this.logger.warn(`Competition ${closed.tenderId} listed bid ${bid.bidId}, which was never stored; skipped`);
            continue;
          }
          throw error;
        }
      }
    }
  }

  /**
   * Bids are then taken, and stay sealed, until the new deadline. An extension of a competition that has
   * already closed cannot reseal its bids: it is logged for people to look at, not retried for ever.
   */
  private async extendDeadline(cause: RecordedEvent, tenderId: string, submissionDeadline: string, reason: string): Promise<void> {
    try {
      await this.competition(cause, { type: 'ExtendCompetitionDeadline', data: { tenderId, submissionDeadline, reason } });
    } catch (error) {
      if (error instanceof DomainRuleBroken && (error.code === 'TENDER_NOT_OPEN' || error.code === 'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT')) {
        this.logger.warn(`Tender ${tenderId} extended its deadline to ${submissionDeadline}, which bidding refused: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private async evaluators(cause: RecordedEvent, command: Pick<EvaluatorCommand, 'type' | 'data'>): Promise<void> {
    const tenderId = (command.data as { tenderId: string }).tenderId;
    await handleCommand({
      store: this.store,
      streamName: evaluatorsStreamName(tenderId),
      decider: evaluatorsDecider,
      command: { ...command, metadata: this.metadata(cause) } as EvaluatorCommand,
    });
  }

  /** Every live bid of the awarded lot learns whether it won. */
  private async recordOutcomes(cause: RecordedEvent, tenderId: string, lotId: string, awardedBidId: string): Promise<void> {
    let competition = competitionDecider.initialState();
    try {
      for await (const recorded of this.store.readStream(competitionStreamName(tenderId))) {
        competition = competitionDecider.evolve(competition, { type: recorded.type, data: recorded.data } as never);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (competition.status === 'unknown') return;
    for (const entry of competition.entries.filter((e) => e.status === 'live' && e.lotId === lotId)) {
      await this.bid(cause, { type: 'RecordBidOutcome', data: { bidId: entry.bidId, successful: entry.bidId === awardedBidId } });
    }
  }

  private async bid(cause: RecordedEvent, command: Pick<BidCommand, 'type' | 'data'>): Promise<void> {
    const bidId = (command.data as { bidId: string }).bidId;
    await handleCommand({
      store: this.store,
      streamName: bidStreamName(bidId),
      decider: bidDecider,
      command: { ...command, metadata: { ...this.metadata(cause), idempotencyKey: `reaction:${cause.metadata.eventId}:${bidId}` } } as BidCommand,
    });
  }

  private async competition(event: RecordedEvent, command: Pick<CompetitionCommand, 'type' | 'data'>): Promise<void> {
    const tenderId = (command.data as { tenderId: string }).tenderId;
    await handleCommand({
      store: this.store,
      streamName: competitionStreamName(tenderId),
      decider: competitionDecider,
      command: { ...command, metadata: this.metadata(event) } as CompetitionCommand,
    });
  }

  private metadata(cause: RecordedEvent): CommandMetadata {
    return {
      now: this.clock.now(),
      actor: BIDDING_SYSTEM_ACTOR,
      correlationId: cause.metadata.correlationId,
      causationId: cause.metadata.eventId,
      idempotencyKey: `reaction:${cause.metadata.eventId}`,
    };
  }
}
