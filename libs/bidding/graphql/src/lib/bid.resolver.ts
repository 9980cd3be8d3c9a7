import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddBidAttachmentCommand,
  type BidAttachmentContent,
  GetBidAttachmentQuery,
  RemoveBidAttachmentCommand,
  sha256Hex,
  AmendBidCommand,
  AssessBidComplianceCommand,
  type BidCommandResult,
  BidReadModel,
  type BidView,
  GetBidQuery,
  ListBidsQuery,
  SubmitBidCommand,
  WithdrawBidCommand,
} from '@tendril/bidding/application';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { Actor } from '@tendril/shared/event-store';
import { ApiError, CommandGateway, type GraphqlContext } from '@tendril/shared/platform';
import { AddBidAttachmentInput, AmendBidInput, BidAttachmentDownloadModel, BidModel, BidStatusGql, SubmitBidInput } from './bid.models';

const IDEMPOTENCY_KEY_DESCRIPTION = 'A unique key per intended change (a UUID): a retry with the same key returns the first result and changes nothing';

export const toBidModel = (view: BidView): BidModel => ({
  id: view.bidId,
  tenderId: view.tenderId,
  lotId: view.lotId,
  organisationId: view.organisationId,
  status: BidStatusGql[view.status],
  pricePence: view.pricePence,
  qualityAnswers: view.qualityAnswers.map((a) => ({ ...a })),
  socialValueCommitments: view.socialValueCommitments,
  subcontractors: view.subcontractors.map((s) => ({ ...s })),
  consortium: view.consortium ? { leadOrganisationId: view.consortium.leadOrganisationId, members: view.consortium.members.map((m) => ({ ...m })) } : null,
  attachments: view.attachments.map(({ attachmentId, fileName, contentType, sizeBytes, sha256, addedAt }) => ({
    id: attachmentId,
    fileName,
    contentType,
    sizeBytes,
    sha256,
    addedAt: new Date(addedAt),
  })),
  submissionDeadline: new Date(view.submissionDeadline),
  submittedAt: new Date(view.submittedAt),
  amendedAt: view.amendedAt ? new Date(view.amendedAt) : null,
  withdrawnAt: view.withdrawnAt ? new Date(view.withdrawnAt) : null,
  openedAt: view.openedAt ? new Date(view.openedAt) : null,
  complianceReason: view.complianceReason,
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Node's decoder skips what it does not understand; a document must arrive exactly as sent. */
const decodeBase64 = (text: string): Buffer => {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw new ApiError('ATTACHMENT_CONTENT_NOT_BASE64', 'The file content must be base64-encoded');
  return Buffer.from(compact, 'base64');
};

/** The consortium's lead is always the organisation submitting the bid. */
const partnersOf = (input: SubmitBidInput | AmendBidInput, actor: Actor) => ({
  subcontractors: input.subcontractors.map(({ organisationId, sharePercent, scope }) => ({ organisationId, sharePercent, scope })),
  consortium: input.consortium
    ? {
        leadOrganisationId: actor.organisationId ?? '',
        members: input.consortium.members.map(({ organisationId, sharePercent }) => ({ organisationId, sharePercent })),
      }
    : null,
});

@Resolver(() => BidModel)
export class BidResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
    private readonly readModel: BidReadModel,
  ) {}

  @Query(() => BidModel, { nullable: true, description: 'A bid you may read now; null if it does not exist or is sealed from you' })
  async bid(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<BidModel | null> {
    const view = await this.queries.execute<GetBidQuery, BidView | null>(new GetBidQuery(id, actor));
    return view ? toBidModel(view) : null;
  }

  @Query(() => [BidModel], {
    description: "The bids for a tender that you may read now: your organisation's; after the deadline, all live bids for the tender's commissioners and auditors",
  })
  async bids(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('lotId', { type: () => ID, nullable: true }) lotId: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<BidModel[]> {
    const views = await this.queries.execute<ListBidsQuery, readonly BidView[]>(
      new ListBidsQuery({ tenderId, ...(lotId ? { lotId } : {}) }, actor),
    );
    return views.map(toBidModel);
  }

  @Mutation(() => BidModel, { description: 'Submit a sealed bid for one lot of an open tender, for your organisation' })
  @Roles('provider', 'prime')
  async submitBid(
    @Args('input') input: SubmitBidInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'submitBid', idempotencyKey, actor, input, req },
      (context) =>
        new SubmitBidCommand(
          {
            tenderId: input.tenderId,
            lotId: input.lotId,
            pricePence: input.pricePence,
            qualityAnswers: input.qualityAnswers.map(({ criterionId, answer }) => ({ criterionId, answer })),
            socialValueCommitments: input.socialValueCommitments,
            ...partnersOf(input, actor),
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => BidModel, { description: 'Replace your bid’s content before the deadline' })
  @Roles('provider', 'prime')
  async amendBid(
    @Args('input') input: AmendBidInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'amendBid', idempotencyKey, actor, input, req },
      (context) =>
        new AmendBidCommand(
          {
            bidId: input.bidId,
            pricePence: input.pricePence,
            qualityAnswers: input.qualityAnswers.map(({ criterionId, answer }) => ({ criterionId, answer })),
            socialValueCommitments: input.socialValueCommitments,
            ...partnersOf(input, actor),
          },
          context,
        ),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => BidModel, { description: 'Withdraw your bid before the deadline; you may then submit a new one' })
  @Roles('provider', 'prime')
  async withdrawBid(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'withdrawBid', idempotencyKey, actor, input: { bidId }, req },
      (context) => new WithdrawBidCommand(bidId, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => BidModel, { description: "Record whether an opened bid of your tender is compliant, with the reason (required when it is not)" })
  @Roles('commissioner')
  async assessBidCompliance(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('compliant') compliant: boolean,
    @Args('reason', { defaultValue: '' }) reason: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'assessBidCompliance', idempotencyKey, actor, input: { bidId, compliant, reason }, req },
      (context) => new AssessBidComplianceCommand({ bidId, compliant, reason: reason.slice(0, 5000) }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => BidModel, {
    description: 'Attach a document to your bid before the deadline (or replace one with `replacesAttachmentId`); sealed like the bid',
  })
  @Roles('provider', 'prime')
  async addBidAttachment(
    @Args('input') input: AddBidAttachmentInput,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const content = decodeBase64(input.contentBase64);
    const replacesAttachmentId = input.replacesAttachmentId ?? null;
    // The request's fingerprint names the content by its hash rather than carrying megabytes of it.
    const fingerprint = { bidId: input.bidId, fileName: input.fileName, contentType: input.contentType, sha256: sha256Hex(content), replacesAttachmentId };
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'addBidAttachment', idempotencyKey, actor, input: fingerprint, req },
      (context) => new AddBidAttachmentCommand({ bidId: input.bidId, fileName: input.fileName, contentType: input.contentType, content, replacesAttachmentId }, context),
    );
    return this.readBack(result, actor);
  }

  @Mutation(() => BidModel, { description: 'Remove a document from your bid before the deadline' })
  @Roles('provider', 'prime')
  async removeBidAttachment(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('attachmentId', { type: () => ID }) attachmentId: string,
    @Args('idempotencyKey', { description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<BidModel> {
    const result = await this.commands.send<BidCommandResult>(
      { operation: 'removeBidAttachment', idempotencyKey, actor, input: { bidId, attachmentId }, req },
      (context) => new RemoveBidAttachmentCommand({ bidId, attachmentId }, context),
    );
    return this.readBack(result, actor);
  }

  @Query(() => BidAttachmentDownloadModel, {
    nullable: true,
    description: 'A bid document with its content, if you may read the bid now (the same sealing rule); null otherwise',
  })
  async bidAttachment(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('attachmentId', { type: () => ID }) attachmentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<BidAttachmentDownloadModel | null> {
    const found = await this.queries.execute<GetBidAttachmentQuery, BidAttachmentContent | null>(new GetBidAttachmentQuery(bidId, attachmentId, actor));
    if (!found) return null;
    const { attachment, content } = found;
    return {
      bidId,
      id: attachment.attachmentId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      addedAt: new Date(attachment.addedAt),
      contentBase64: content.toString('base64'),
    };
  }

  private async readBack(result: BidCommandResult, actor: Actor): Promise<BidModel> {
    if (result.position !== null) await this.readModel.waitForPosition(result.position);
    const view = await this.queries.execute<GetBidQuery, BidView | null>(new GetBidQuery(result.bidId, actor));
    if (!view) throw new ApiError('NOT_FOUND', `Bid ${result.bidId} is not visible to you`);
    return toBidModel(view);
  }
}
