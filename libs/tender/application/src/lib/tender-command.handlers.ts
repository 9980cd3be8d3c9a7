import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainRuleBroken, handleCommand, type RequestContext, requestScopedId } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, StreamNotFoundError } from '@tendril/shared/event-store';
import {
  type CommissionedStrand,
  type StandstillPeriod,
  type TenderCommand,
  type TenderDocument,
  type TenderEvent,
  type TenderState,
  tenderDecider,
  tenderStreamName,
} from '@tendril/tender/domain';
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
  ChallengeAwardCommand,
  type ChallengeCommandResult,
  CloseDueTendersCommand,
  type DocumentUpload,
  DraftTenderCommand,
  FinaliseDueAwardsCommand,
  PublishTenderCommand,
  PublishTenderDraftCommand,
  ResolveChallengeCommand,
  ReviseTenderDraftCommand,
  type StrandRef,
  type TenderCommandResult,
} from './tender-commands';
import { TenderReadModel } from './tender-read-model.port';

export const TENDER_SCHEDULER_ACTOR: Actor = { userId: 'system:tender-deadline-scheduler', role: 'system', organisationId: null };

/** The standstill period after a proposed award, from the platform's configuration (`STANDSTILL_PERIOD`). */
export const TENDER_STANDSTILL_PERIOD = Symbol.for('tendril.tender.StandstillPeriod');

/** A tender's current state, folded from its stream (the initial state when it has none). */
export const loadTenderState = async (store: EventStore, tenderId: string): Promise<TenderState> => {
  let state = tenderDecider.initialState();
  try {
    for await (const recorded of store.readStream(tenderStreamName(tenderId))) {
      state = tenderDecider.evolve(state, { type: recorded.type, data: recorded.data } as TenderEvent);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return state;
};

/** What the plan records about the strand a tender is for, and every strand its lots may name; the decider rules on it. */
export const lookUpCommissionedStrand = async (plans: CommissioningPlanReadModel, ref: StrandRef | null, reader: Actor): Promise<CommissionedStrand | null> => {
  if (ref === null) return null;
  const plan = await plans.findPlan(ref.planId, reader);
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
    planStrands: plan.strands.map((candidate) => ({
      strandId: candidate.strandId,
      deliveryModel: candidate.deliveryModel,
      releasedForTender: candidate.releasedForTenderAt !== null,
    })),
  };
};

/** Content first: an unused blob is harmless under content addressing; an event naming a missing one is not. */
const storeDocuments = async (documentStore: TenderDocumentStore, uploads: readonly DocumentUpload[]): Promise<TenderDocument[]> => {
  const documents: TenderDocument[] = [];
  for (const { documentId, kind, title, content } of uploads) documents.push({ documentId, kind, title, contentHash: await documentStore.put(content) });
  return documents;
};

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
    const commissionedStrand = await lookUpCommissionedStrand(this.plans, ref, context.actor);
    const documents = await storeDocuments(this.documentStore, uploads);
    return this.run(tenderId, { type: 'PublishTender', data: { ...data, tenderId, commissionedStrand, documents } }, context);
  }
}

@CommandHandler(DraftTenderCommand)
export class DraftTenderHandler extends TenderCommandHandlerBase implements ICommandHandler<DraftTenderCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly plans: CommissioningPlanReadModel,
    private readonly documentStore: TenderDocumentStore,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: DraftTenderCommand): Promise<TenderCommandResult> {
    const tenderId = requestScopedId('tender', context);
    const { strand: ref, documents: uploads, organisationId, ...content } = input;
    const commissionedStrand = await lookUpCommissionedStrand(this.plans, ref, context.actor);
    const documents = await storeDocuments(this.documentStore, uploads);
    return this.run(tenderId, { type: 'DraftTender', data: { tenderId, organisationId, content: { ...content, documents }, commissionedStrand } }, context);
  }
}

@CommandHandler(ReviseTenderDraftCommand)
export class ReviseTenderDraftHandler extends TenderCommandHandlerBase implements ICommandHandler<ReviseTenderDraftCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly plans: CommissioningPlanReadModel,
    private readonly documentStore: TenderDocumentStore,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: ReviseTenderDraftCommand): Promise<TenderCommandResult> {
    const { strand: ref, documents: uploads, tenderId, ...content } = input;
    const commissionedStrand = await lookUpCommissionedStrand(this.plans, ref, context.actor);
    const documents = await storeDocuments(this.documentStore, uploads);
    return this.run(tenderId, { type: 'ReviseTenderDraft', data: { tenderId, content: { ...content, documents }, commissionedStrand } }, context);
  }
}

@CommandHandler(PublishTenderDraftCommand)
export class PublishTenderDraftHandler extends TenderCommandHandlerBase implements ICommandHandler<PublishTenderDraftCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly plans: CommissioningPlanReadModel,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: PublishTenderDraftCommand): Promise<TenderCommandResult> {
    // The plan is asked again at publication: its strand may have been released since the draft was written.
    const state = await loadTenderState(this.store, input.tenderId);
    // Only the draft's own council can see its plan; for anyone else the decider refuses before the strand matters.
    const { actor } = context;
    const ownCouncil = state.status !== 'none' && actor.role === 'commissioner' && actor.organisationId === state.organisationId;
    const ref = ownCouncil && state.planId !== null && state.strandId !== null ? { planId: state.planId, strandId: state.strandId } : null;
    const commissionedStrand = await lookUpCommissionedStrand(this.plans, ref, actor);
    return this.run(input.tenderId, { type: 'PublishTenderDraft', data: { tenderId: input.tenderId, commissionedStrand } }, context);
  }
}

/** Proposes the award: the decider takes the supplier from the bid opened at the deadline and starts the standstill. */
@CommandHandler(AwardLotCommand)
export class AwardLotHandler extends TenderCommandHandlerBase implements ICommandHandler<AwardLotCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(TENDER_STANDSTILL_PERIOD) private readonly standstill: StandstillPeriod,
  ) {
    super(store, clock);
  }

  execute({ input, context }: AwardLotCommand): Promise<TenderCommandResult> {
    return this.run(input.tenderId, { type: 'ProposeAward', data: { ...input, standstill: this.standstill } }, context);
  }
}

@CommandHandler(ChallengeAwardCommand)
export class ChallengeAwardHandler extends TenderCommandHandlerBase implements ICommandHandler<ChallengeAwardCommand> {
  async execute({ input, context }: ChallengeAwardCommand): Promise<ChallengeCommandResult> {
    const challengeId = requestScopedId('challenge', context);
    const result = await this.run(input.tenderId, { type: 'ChallengeAward', data: { ...input, challengeId } }, context);
    return { ...result, challengeId };
  }
}

@CommandHandler(ResolveChallengeCommand)
export class ResolveChallengeHandler extends TenderCommandHandlerBase implements ICommandHandler<ResolveChallengeCommand> {
  async execute({ input, context }: ResolveChallengeCommand): Promise<ChallengeCommandResult> {
    const result = await this.run(input.tenderId, { type: 'ResolveChallenge', data: input }, context);
    return { ...result, challengeId: input.challengeId };
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
    const contentHash = input.documentId !== null && input.content !== null ? await this.documentStore.put(input.content) : null;
    return this.run(
      input.tenderId,
      {
        type: 'AmendTenderDocument',
        data: {
          tenderId: input.tenderId,
          documentId: input.documentId,
          contentHash,
          summary: input.summary,
          submissionDeadline: input.submissionDeadline,
          clarificationDeadline: input.clarificationDeadline,
        },
      },
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

/** Standstill is enforced by time: the scheduler makes final every award whose standstill ended with no open challenge. */
@CommandHandler(FinaliseDueAwardsCommand)
export class FinaliseDueAwardsHandler extends TenderCommandHandlerBase implements ICommandHandler<FinaliseDueAwardsCommand> {
  private readonly logger = new Logger('TenderStandstill');

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly readModel: TenderReadModel,
  ) {
    super(store, clock);
  }

  async execute({ now }: FinaliseDueAwardsCommand): Promise<TenderCommandResult[]> {
    const due = await this.readModel.findAwardsDueForFinalising(now);
    const finalised: TenderCommandResult[] = [];
    for (const { tenderId, lotId, standstillEndsAt } of due) {
      try {
        // Keyed by the proposal (its standstill end): a repeated tick, or a second instance, writes one award.
        const context: RequestContext = { actor: TENDER_SCHEDULER_ACTOR, correlationId: `finalise-${tenderId}-${lotId}`, idempotencySeed: null };
        const result = await this.run(tenderId, { type: 'FinaliseAward', data: { tenderId, lotId } }, context, `finalise-award:${tenderId}:${lotId}:${standstillEndsAt}`);
        if (result.position !== null) {
          finalised.push(result);
          this.logger.log(`Awarded lot ${lotId} of tender ${tenderId} at the end of its standstill`);
        }
      } catch (error) {
        if (error instanceof DomainRuleBroken) continue; // challenged, withdrawn or cancelled meanwhile
        throw error;
      }
    }
    return finalised;
  }
}

export const TENDER_COMMAND_HANDLERS = [
  PublishTenderHandler,
  DraftTenderHandler,
  ReviseTenderDraftHandler,
  PublishTenderDraftHandler,
  AwardLotHandler,
  ChallengeAwardHandler,
  ResolveChallengeHandler,
  FinaliseDueAwardsHandler,
  CancelTenderHandler,
  AskClarificationHandler,
  AnswerClarificationHandler,
  AmendTenderDocumentHandler,
  DeclareTenderUnsuccessfulHandler,
  CloseDueTendersHandler,
];
