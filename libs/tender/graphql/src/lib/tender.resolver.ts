import { Args, Context, Float, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import {
  AnswerClarificationCommand,
  AskClarificationCommand,
  type ClarificationCommandResult,
  type ClarificationView,
  GetLotEvaluationQuery,
  AmendTenderDocumentCommand,
  DeclareTenderUnsuccessfulCommand,
  TenderDocumentStore,
  ChangeTenderInterestCommand,
  TenderFeedQuery,
  type TenderInterestResult,
  type LotEvaluationView,
  TenderClarificationsQuery,
  AwardLotCommand,
  CancelTenderCommand,
  ChallengeAwardCommand,
  type ChallengeCommandResult,
  type DraftInput,
  DraftTenderCommand,
  PublishTenderDraftCommand,
  ResolveChallengeCommand,
  ReviseTenderDraftCommand,
  GetTenderQuery,
  ListTendersQuery,
  PublishTenderCommand,
  TenderHistoryQuery,
  TenderReadModel,
  type AuditEntryView,
  type TenderCommandResult,
  type TenderPage,
  type TenderView,
} from '@tendril/tender/application';
import {
  AmendTenderDocumentInput,
  AnswerClarificationInput,
  AskClarificationInput,
  AwardLotInput,
  CancelTenderInput,
  ChallengeAwardInput,
  DraftTenderInput,
  LotInput,
  PublishTenderInput,
  ResolveChallengeInput,
  ReviseTenderDraftInput,
} from './tender.inputs';
import { toAuditEntryModel, toClarificationModel, toTenderModel } from './tender.mapper';
import { AuditEntryModel, ClarificationModel, LotEvaluationModel, TenderConnectionModel, TenderModel, TenderStatusGql } from './tender.models';

const lotOf = ({ lotId, title, estimatedValuePence, strandId, area }: LotInput) => ({
  lotId,
  title,
  estimatedValuePence,
  ...(strandId ? { strandId } : {}),
  ...(area ? { area } : {}),
});

const draftInputOf = (input: DraftTenderInput): DraftInput => {
  if (Boolean(input.planId) !== Boolean(input.strandId)) throw new ApiError('BAD_USER_INPUT', 'Name both the plan and the strand, or neither');
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    lots: input.lots.map(lotOf),
    criteria: input.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
    submissionDeadline: input.submissionDeadline ? input.submissionDeadline.toISOString() : null,
    clarificationDeadline: input.clarificationDeadline ? input.clarificationDeadline.toISOString() : null,
    lightTouchRegime: input.lightTouchRegime,
    suitableForVcse: input.suitableForVcse,
    reservedParticipation: input.reservedParticipation,
    strand: input.planId && input.strandId ? { planId: input.planId, strandId: input.strandId } : null,
    documents: input.documents.map(({ documentId, kind, title, content }) => ({ documentId, kind, title, content })),
  };
};

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

@Resolver(() => TenderModel)
export class TenderResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: TenderReadModel,
    private readonly documents: TenderDocumentStore,
  ) {}

  @Query(() => TenderModel, { nullable: true, description: "A published tender, which any signed-in user may read, or a draft of your own council's" })
  async tender(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<TenderModel | null> {
    const view = await this.queries.execute<GetTenderQuery, TenderView | null>(new GetTenderQuery(id, actor));
    return view ? toTenderModel(view, actor) : null;
  }

  @Query(() => TenderConnectionModel, { description: 'Tenders, newest first, paginated with cursors; every filter is optional and they combine' })
  async tenders(
    @Args('status', { type: () => TenderStatusGql, nullable: true }) status: TenderStatusGql | null,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId: string | null,
    @Args('planId', { type: () => ID, nullable: true, description: 'Tenders of one commissioning plan' }) planId: string | null,
    @Args('strandId', { type: () => ID, nullable: true, description: 'With planId: tenders of one strand' }) strandId: string | null,
    @Args('category', { type: () => String, nullable: true }) category: string | null,
    @Args('area', { type: () => String, nullable: true }) area: string | null,
    @Args('minValuePence', { type: () => Float, nullable: true, description: 'Total estimated value at least, whole pence' }) minValuePence: number | null,
    @Args('maxValuePence', { type: () => Float, nullable: true, description: 'Total estimated value at most, whole pence' }) maxValuePence: number | null,
    @Args('deadlineFrom', { type: () => GraphQLISODateTime, nullable: true }) deadlineFrom: Date | null,
    @Args('deadlineTo', { type: () => GraphQLISODateTime, nullable: true }) deadlineTo: Date | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<TenderConnectionModel> {
    if (first < 1 || first > 100) throw new ApiError('BAD_USER_INPUT', '`first` must be between 1 and 100');
    let page: TenderPage;
    try {
      page = await this.queries.execute(
        new ListTendersQuery({
          first,
          after,
          // A council's commissioners see its drafts among its tenders; nobody else does.
          draftsOf: actor.role === 'commissioner' ? actor.organisationId : null,
          ...(status ? { status } : {}),
          ...(organisationId ? { organisationId } : {}),
          ...(planId ? { planId } : {}),
          ...(strandId ? { strandId } : {}),
          ...(category ? { category } : {}),
          ...(area ? { area } : {}),
          ...(minValuePence !== null ? { minValuePence } : {}),
          ...(maxValuePence !== null ? { maxValuePence } : {}),
          ...(deadlineFrom ? { deadlineFrom: deadlineFrom.toISOString() } : {}),
          ...(deadlineTo ? { deadlineTo: deadlineTo.toISOString() } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('BAD_USER_INPUT', error.message);
      throw error;
    }
    return { nodes: page.items.map((view) => toTenderModel(view, actor)), endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }

  @Query(() => [AuditEntryModel], { description: "The tender's history in log order: who did what, when (auditors and the tender's commissioners)" })
  @Roles('auditor', 'commissioner', 'admin')
  async tenderHistory(@Args('tenderId', { type: () => ID }) tenderId: string, @CurrentActor() actor: Actor): Promise<AuditEntryModel[]> {
    const entries = await this.queries.execute<TenderHistoryQuery, readonly AuditEntryView[]>(new TenderHistoryQuery(tenderId, actor));
    return entries.map(toAuditEntryModel);
  }

  @Mutation(() => TenderModel, { description: 'Publish a tender for the commissioner’s own council' })
  @Roles('commissioner')
  async publishTender(
    @Args('input') input: PublishTenderInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    if (!actor.organisationId) throw new ApiError('FORBIDDEN', 'A commissioner must belong to a council to publish tenders');
    if (Boolean(input.planId) !== Boolean(input.strandId)) throw new ApiError('BAD_USER_INPUT', 'Name both the plan and the strand, or neither');
    const strand = input.planId && input.strandId ? { planId: input.planId, strandId: input.strandId } : null;
    const organisationId = actor.organisationId;
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'publishTender', idempotencyKey, actor, input, req },
      (context) =>
        new PublishTenderCommand(
          {
            organisationId,
            title: input.title,
            description: input.description,
            category: input.category,
            lots: input.lots.map(lotOf),
            criteria: input.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
            submissionDeadline: input.submissionDeadline.toISOString(),
            clarificationDeadline: input.clarificationDeadline ? input.clarificationDeadline.toISOString() : null,
            lightTouchRegime: input.lightTouchRegime,
            suitableForVcse: input.suitableForVcse,
            reservedParticipation: input.reservedParticipation,
            strand,
            documents: input.documents.map(({ documentId, kind, title, content }) => ({ documentId, kind, title, content })),
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: "Draft a tender for your council: editable, seen only by its commissioners until published" })
  @Roles('commissioner')
  async draftTender(
    @Args('input') input: DraftTenderInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    if (!actor.organisationId) throw new ApiError('FORBIDDEN', 'A commissioner must belong to a council to draft tenders');
    const organisationId = actor.organisationId;
    const draft = draftInputOf(input);
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'draftTender', idempotencyKey, actor, input, req },
      (context) => new DraftTenderCommand({ ...draft, organisationId }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: 'Replace what a draft says (it stays a draft)' })
  @Roles('commissioner')
  async reviseTenderDraft(
    @Args('input') input: ReviseTenderDraftInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const draft = draftInputOf(input);
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'reviseTenderDraft', idempotencyKey, actor, input, req },
      (context) => new ReviseTenderDraftCommand({ ...draft, tenderId: input.tenderId }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: 'Publish a draft: every rule of publication applies (weights sum to 100, a future deadline, a released strand)' })
  @Roles('commissioner')
  async publishTenderDraft(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'publishTenderDraft', idempotencyKey, actor, input: { tenderId }, req },
      (context) => new PublishTenderDraftCommand({ tenderId }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, {
    description: 'Challenge the proposed award of a lot you bid for, during its standstill: the award waits until the commissioner resolves it',
  })
  @Roles('provider', 'prime')
  async challengeAward(
    @Args('input') input: ChallengeAwardInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<ChallengeCommandResult>(
      { operation: 'challengeAward', idempotencyKey, actor, input, req },
      (context) => new ChallengeAwardCommand({ tenderId: input.tenderId, lotId: input.lotId, grounds: input.grounds }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: 'Resolve a challenge: upheld sends the lot back to evaluation; dismissed lets the award proceed' })
  @Roles('commissioner')
  async resolveChallenge(
    @Args('input') input: ResolveChallengeInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<ChallengeCommandResult>(
      { operation: 'resolveChallenge', idempotencyKey, actor, input, req },
      (context) => new ResolveChallengeCommand({ tenderId: input.tenderId, challengeId: input.challengeId, outcome: input.outcome, reasoning: input.reasoning }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, {
    description: 'Propose the award of one lot to an opened bid, with a written rationale; it becomes final when the standstill ends unchallenged',
  })
  @Roles('commissioner')
  async awardLot(
    @Args('input') input: AwardLotInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'awardLot', idempotencyKey, actor, input, req },
      (context) => new AwardLotCommand({ ...input, evidenceRefs: [...input.evidenceRefs] }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: 'Cancel a tender before any award, with a reason' })
  @Roles('commissioner')
  async cancelTender(
    @Args('input') input: CancelTenderInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'cancelTender', idempotencyKey, actor, input, req },
      (context) => new CancelTenderCommand({ tenderId: input.tenderId, reason: input.reason }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => TenderModel, { description: 'End a closed tender without an award (no compliant bid), with the reason' })
  @Roles('commissioner')
  async declareTenderUnsuccessful(
    @Args('input') input: CancelTenderInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'declareTenderUnsuccessful', idempotencyKey, actor, input, req },
      (context) => new DeclareTenderUnsuccessfulCommand({ tenderId: input.tenderId, reason: input.reason }, context),
    );
    return this.readBack(result, actor);
  }

  @Query(() => String, { nullable: true, description: 'A tender document’s content by its SHA-256 (tender documents are public)' })
  async tenderDocumentContent(@Args('contentHash') contentHash: string): Promise<string | null> {
    return this.documents.get(contentHash);
  }

  @Mutation(() => TenderModel, { description: 'Amend a document of an open tender: recorded, and told to every provider' })
  @Roles('commissioner')
  async amendTenderDocument(
    @Args('input') input: AmendTenderDocumentInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<TenderModel> {
    const result = await this.commands.send<TenderCommandResult>(
      { operation: 'amendTenderDocument', idempotencyKey, actor, input, req },
      (context) =>
        new AmendTenderDocumentCommand(
          {
            tenderId: input.tenderId,
            documentId: input.documentId ?? null,
            content: input.content ?? null,
            summary: input.summary,
            submissionDeadline: input.submissionDeadline ? input.submissionDeadline.toISOString() : null,
            clarificationDeadline: input.clarificationDeadline ? input.clarificationDeadline.toISOString() : null,
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Query(() => TenderConnectionModel, { description: 'Open tenders in the categories your organisation registered interest in, newest first' })
  @Roles('provider', 'prime')
  async tenderFeed(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<TenderConnectionModel> {
    if (first < 1 || first > 100) throw new ApiError('BAD_USER_INPUT', '`first` must be between 1 and 100');
    let page: TenderPage;
    try {
      page = await this.queries.execute(new TenderFeedQuery(actor, first, after));
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('BAD_USER_INPUT', error.message);
      throw error;
    }
    return { nodes: page.items.map((view) => toTenderModel(view, actor)), endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }

  @Query(() => [String], { description: 'The categories of tender your organisation registered interest in' })
  @Roles('provider', 'prime')
  async myTenderInterests(@CurrentActor() actor: Actor): Promise<string[]> {
    return actor.organisationId ? [...(await this.readModel.interestCategories(actor.organisationId))] : [];
  }

  @Mutation(() => [String], { description: "Hear about new tenders in a category: adds it to your organisation's feed; answers the categories" })
  @Roles('provider', 'prime')
  registerTenderInterest(
    @Args('category') category: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<string[]> {
    return this.changeInterest('register', category, idempotencyKey, actor, req);
  }

  @Mutation(() => [String], { description: "Stop hearing about a category; answers your organisation's remaining categories" })
  @Roles('provider', 'prime')
  withdrawTenderInterest(
    @Args('category') category: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<string[]> {
    return this.changeInterest('withdraw', category, idempotencyKey, actor, req);
  }

  private async changeInterest(
    change: 'register' | 'withdraw',
    category: string,
    idempotencyKey: string,
    actor: Actor,
    req: GraphqlContext['req'],
  ): Promise<string[]> {
    const operation = change === 'register' ? 'registerTenderInterest' : 'withdrawTenderInterest';
    const result = await this.commands.send<TenderInterestResult>(
      { operation, idempotencyKey, actor, input: { category }, req },
      (context) => new ChangeTenderInterestCommand(change, category, context),
    );
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    return [...(await this.readModel.interestCategories(result.organisationId))];
  }

  @Query(() => LotEvaluationModel, { nullable: true, description: "A lot's published evaluation (the tender's commissioners and auditors)" })
  @Roles('commissioner', 'auditor', 'admin')
  async lotEvaluation(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('lotId', { type: () => ID }) lotId: string,
    @CurrentActor() actor: Actor,
  ): Promise<LotEvaluationModel | null> {
    const view = await this.queries.execute<GetLotEvaluationQuery, LotEvaluationView | null>(new GetLotEvaluationQuery(tenderId, lotId, actor));
    return view
      ? {
          tenderId: view.tenderId,
          lotId: view.lotId,
          winnerBidId: view.winnerBidId,
          winnerOrganisationId: view.winnerOrganisationId,
          ranking: view.ranking.map((bid) => ({ ...bid })),
          evidenceRefs: [...view.evidenceRefs],
          completedAt: new Date(view.completedAt),
        }
      : null;
  }

  @Query(() => [ClarificationModel], {
    description: "A tender's clarifications: published answers (anonymised) and your own questions; commissioners and auditors see every question",
  })
  async tenderClarifications(@Args('tenderId', { type: () => ID }) tenderId: string, @CurrentActor() actor: Actor): Promise<ClarificationModel[]> {
    const views = await this.queries.execute<TenderClarificationsQuery, readonly ClarificationView[]>(new TenderClarificationsQuery(tenderId, actor));
    return views.map(toClarificationModel);
  }

  @Mutation(() => ClarificationModel, { description: 'Ask a clarification question on an open tender, before its clarification deadline' })
  @Roles('provider', 'prime')
  async askClarification(
    @Args('input') input: AskClarificationInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ClarificationModel> {
    const result = await this.commands.send<ClarificationCommandResult>(
      { operation: 'askClarification', idempotencyKey, actor, input, req },
      (context) => new AskClarificationCommand({ tenderId: input.tenderId, question: input.question }, context),
    );
    return this.readClarification(result, actor);
  }

  @Mutation(() => ClarificationModel, { description: 'Answer a clarification: the answer is published to every provider with the asker anonymised' })
  @Roles('commissioner')
  async answerClarification(
    @Args('input') input: AnswerClarificationInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<ClarificationModel> {
    const result = await this.commands.send<ClarificationCommandResult>(
      { operation: 'answerClarification', idempotencyKey, actor, input, req },
      (context) => new AnswerClarificationCommand({ tenderId: input.tenderId, questionId: input.questionId, answer: input.answer }, context),
    );
    return this.readClarification(result, actor);
  }

  private async readClarification(result: ClarificationCommandResult, actor: Actor): Promise<ClarificationModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = (await this.readModel.clarifications(result.tenderId, actor)).find((candidate) => candidate.questionId === result.questionId);
    if (!view) throw new Error(`Clarification ${result.questionId} is missing from the read model after its command`);
    return toClarificationModel(view);
  }

  /** Read-your-writes: answer from the read model once it includes the command's events. */
  private async readBack(result: TenderCommandResult, actor: Actor): Promise<TenderModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.readModel.findTender(result.tenderId);
    if (!view) throw new Error(`Tender ${result.tenderId} is missing from the read model after its command`);
    return toTenderModel(view, actor);
  }
}
