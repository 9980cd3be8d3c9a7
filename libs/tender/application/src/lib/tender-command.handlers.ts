import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainRuleBroken, handleCommand, type RequestContext, requestScopedId } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type CommissionedStrand, type TenderCommand, type TenderDocument, tenderDecider, tenderStreamName } from '@tendril/tender/domain';
import { CommissioningPlanReadModel } from './commissioning-plan-read-model.port';
import { TenderDocumentStore } from './tender-document-store.port';
import {
  AmendTenderDocumentCommand,
  DeclareTenderUnsuccessfulCommand,
  AnswerClarificationCommand,
  AskClarificationCommand,
  type ClarificationCommandResult,
  AwardLotCommand,
  CancelTenderCommand,
  CloseDueTendersCommand,
  PublishTenderCommand,
  type StrandRef,
  type TenderCommandResult,
} from './tender-commands';
import { TenderReadModel } from './tender-read-model.port';

export const TENDER_SCHEDULER_ACTOR: Actor = { userId: 'system:tender-deadline-scheduler', role: 'system', organisationId: null };

abstract class TenderCommandHandlerBase {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected async run(
    tenderId: string,
    command: Pick<TenderCommand, 'type' | 'data'>,
    context: RequestContext,
    idempotencyKey: string | null = context.idempotencySeed,
  ): Promise<TenderCommandResult> {
    const result = await handleCommand({
      store: this.store,
      streamName: tenderStreamName(tenderId),
      decider: tenderDecider,
      command: {
        ...command,
        metadata: {
          now: this.clock.now(),
          actor: context.actor,
          correlationId: context.correlationId,
          idempotencyKey,
        },
      } as TenderCommand,
    });
    return { tenderId, position: result.appendResult?.position ?? null };
  }
}

@CommandHandler(PublishTenderCommand)
export class PublishTenderHandler extends TenderCommandHandlerBase implements ICommandHandler<PublishTenderCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly plans: CommissioningPlanReadModel,
    private readonly documentStore: TenderDocumentStore,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: PublishTenderCommand): Promise<TenderCommandResult> {
    // The id comes from the request's idempotency seed, so a retry addresses the same tender.
    const tenderId = requestScopedId('tender', context);
    const { strand: ref, documents: uploads, ...data } = input;
    const commissionedStrand = await this.commissionedStrand(ref, context);
    // Content first: an unused blob is harmless under content addressing; an event naming a missing one is not.
    const documents: TenderDocument[] = [];
    for (const { documentId, kind, title, content } of uploads) documents.push({ documentId, kind, title, contentHash: await this.documentStore.put(content) });
    return this.run(tenderId, { type: 'PublishTender', data: { ...data, tenderId, commissionedStrand, documents } }, context);
  }

  /** What the plan recorded about the strand; the decider rules on it (released, not in-house, same council). */
  private async commissionedStrand(ref: StrandRef | null, context: RequestContext): Promise<CommissionedStrand | null> {
    if (ref === null) return null;
    const plan = await this.plans.findPlan(ref.planId, context.actor);
    if (!plan) throw new DomainRuleBroken('PLAN_NOT_FOUND', `No commissioning plan ${ref.planId} is visible to you`, { planId: ref.planId });
    const strand = plan.strands.find((candidate) => candidate.strandId === ref.strandId);
    if (!strand) throw new DomainRuleBroken('STRAND_NOT_FOUND', `Plan ${ref.planId} has no strand ${ref.strandId}`, { strandId: ref.strandId });
    return {
      planId: plan.planId,
      strandId: strand.strandId,
      area: strand.area,
      planOrganisationId: plan.organisationId,
      deliveryModel: strand.deliveryModel,
      releasedForTender: strand.releasedForTenderAt !== null,
    };
  }
}

@CommandHandler(AwardLotCommand)
export class AwardLotHandler extends TenderCommandHandlerBase implements ICommandHandler<AwardLotCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly readModel: TenderReadModel,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: AwardLotCommand): Promise<TenderCommandResult> {
    // The supplier comes from the bid opened at the deadline, never from the commissioner's input.
    const bid = await this.readModel.findOpenedBid(input.tenderId, input.bidId);
    if (!bid) {
      // Bids are opened only at the close: say so rather than that the bid is unknown.
      const tender = await this.readModel.findTender(input.tenderId);
      if (!tender) throw new DomainRuleBroken('TENDER_NOT_FOUND', `No tender ${input.tenderId} exists`, { tenderId: input.tenderId });
      if (tender.status === 'open') {
        throw new DomainRuleBroken('TENDER_NOT_CLOSED', 'Bids stay sealed until the submission deadline; a lot can be awarded only after the tender closes', {
          tenderId: input.tenderId,
          submissionDeadline: tender.submissionDeadline,
        });
      }
      throw new DomainRuleBroken('BID_NOT_FOUND', `No opened bid ${input.bidId} exists for tender ${input.tenderId}`, {
        tenderId: input.tenderId,
        bidId: input.bidId,
      });
    }
    if (bid.lotId !== input.lotId) {
      throw new DomainRuleBroken('BID_IS_FOR_ANOTHER_LOT', `Bid ${input.bidId} is for lot ${bid.lotId}, not lot ${input.lotId}`, {
        bidLotId: bid.lotId,
      });
    }
    // When bidding has published the lot's evaluation, the decider holds the award to its winner.
    const evaluation = await this.readModel.findLotEvaluation(input.tenderId, input.lotId);
    return this.run(
      input.tenderId,
      {
        type: 'AwardLot',
        data: {
          ...input,
          supplierOrganisationId: bid.organisationId,
          evaluation: evaluation
            ? { winnerBidId: evaluation.winnerBidId, winnerOrganisationId: evaluation.winnerOrganisationId, evidenceRefs: evaluation.evidenceRefs }
            : null,
        },
      },
      context,
    );
  }
}

@CommandHandler(CancelTenderCommand)
export class CancelTenderHandler extends TenderCommandHandlerBase implements ICommandHandler<CancelTenderCommand> {
  execute({ input, context }: CancelTenderCommand): Promise<TenderCommandResult> {
    return this.run(input.tenderId, { type: 'CancelTender', data: input }, context);
  }
}

@CommandHandler(AmendTenderDocumentCommand)
export class AmendTenderDocumentHandler extends TenderCommandHandlerBase implements ICommandHandler<AmendTenderDocumentCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly documentStore: TenderDocumentStore,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: AmendTenderDocumentCommand): Promise<TenderCommandResult> {
    const contentHash = await this.documentStore.put(input.content);
    return this.run(
      input.tenderId,
      { type: 'AmendTenderDocument', data: { tenderId: input.tenderId, documentId: input.documentId, contentHash, summary: input.summary } },
      context,
    );
  }
}

@CommandHandler(DeclareTenderUnsuccessfulCommand)
export class DeclareTenderUnsuccessfulHandler extends TenderCommandHandlerBase implements ICommandHandler<DeclareTenderUnsuccessfulCommand> {
  execute({ input, context }: DeclareTenderUnsuccessfulCommand): Promise<TenderCommandResult> {
    return this.run(input.tenderId, { type: 'DeclareTenderUnsuccessful', data: input }, context);
  }
}

@CommandHandler(AskClarificationCommand)
export class AskClarificationHandler extends TenderCommandHandlerBase implements ICommandHandler<AskClarificationCommand> {
  async execute({ input, context }: AskClarificationCommand): Promise<ClarificationCommandResult> {
    const questionId = requestScopedId('clarification', context);
    const result = await this.run(input.tenderId, { type: 'AskClarification', data: { tenderId: input.tenderId, questionId, question: input.question } }, context);
    return { ...result, questionId };
  }
}

@CommandHandler(AnswerClarificationCommand)
export class AnswerClarificationHandler extends TenderCommandHandlerBase implements ICommandHandler<AnswerClarificationCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly readModel: TenderReadModel,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: AnswerClarificationCommand): Promise<ClarificationCommandResult> {
    // A question asked on another tender gets its own code: answering it here would publish it to the wrong bidders.
    const askedOn = await this.readModel.findClarificationTender(input.questionId);
    if (askedOn !== null && askedOn !== input.tenderId) {
      throw new DomainRuleBroken('CLARIFICATION_BELONGS_TO_ANOTHER_TENDER', `Question ${input.questionId} was asked on another tender`, {
        questionId: input.questionId,
        tenderId: input.tenderId,
      });
    }
    const result = await this.run(input.tenderId, { type: 'AnswerClarification', data: input }, context);
    return { ...result, questionId: input.questionId };
  }
}

/** Deadlines are enforced by time: the scheduler closes every open tender whose deadline has passed. */
@CommandHandler(CloseDueTendersCommand)
export class CloseDueTendersHandler extends TenderCommandHandlerBase implements ICommandHandler<CloseDueTendersCommand> {
  private readonly logger = new Logger('TenderDeadlines');

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly readModel: TenderReadModel,
  ) {
    super(store, clock);
  }

  async execute({ now }: CloseDueTendersCommand): Promise<TenderCommandResult[]> {
    const due = await this.readModel.findTendersDueForClosing(now);
    const closed: TenderCommandResult[] = [];
    for (const { tenderId } of due) {
      try {
        // Keyed by tender: several scheduler instances closing the same tender write one event.
        const context: RequestContext = { actor: TENDER_SCHEDULER_ACTOR, correlationId: `close-${tenderId}`, idempotencySeed: null };
        const result = await this.run(tenderId, { type: 'CloseTender', data: { tenderId } }, context, `close-tender:${tenderId}`);
        if (result.position !== null) {
          closed.push(result);
          this.logger.log(`Closed tender ${tenderId} at its deadline`);
        }
      } catch (error) {
        if (error instanceof DomainRuleBroken) continue; // cancelled or already closed meanwhile
        throw error;
      }
    }
    return closed;
  }
}

export const TENDER_COMMAND_HANDLERS = [
  PublishTenderHandler,
  AwardLotHandler,
  CancelTenderHandler,
  AskClarificationHandler,
  AnswerClarificationHandler,
  AmendTenderDocumentHandler,
  DeclareTenderUnsuccessfulHandler,
  CloseDueTendersHandler,
];
