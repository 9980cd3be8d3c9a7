import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type AddBidAttachment,
  type AttachmentFile,
  type BidState,
  bidDecider,
  bidStreamName,
  type CompetitionState,
  competitionDecider,
  competitionStreamName,
  decideBid,
  detectDocumentTypes,
  type RemoveBidAttachment,
} from '@tendril/bidding/domain';
import { CLOCK, type Clock, DomainRuleBroken, handleCommand, type RequestContext, requestScopedId } from '@tendril/shared/ddd';
import type { Actor, EventStore } from '@tendril/shared/event-store';
import { EVENT_STORE, StreamNotFoundError } from '@tendril/shared/event-store';
import { createHash } from 'node:crypto';
import type { BidCommandResult } from './bidding-commands';
import { BidReadModel, type BidAttachmentView } from './bid-read-model.port';

/** Where documents' bytes live, by their SHA-256: written before the event that names them. */
export abstract class BidAttachmentStore {
  /** Stores the bytes (once per content) and returns their lower-case hex SHA-256. */
  abstract put(content: Buffer): Promise<string>;
  /** The bytes with this hash, verified against it; null when none are stored. */
  abstract get(sha256: string): Promise<Buffer | null>;
}

export const BID_ATTACHMENT_SETTINGS = Symbol.for('tendril.bidding.BidAttachmentSettings');
export interface BidAttachmentSettings {
  readonly maxBytes: number;
}

export class AddBidAttachmentCommand {
  constructor(
    readonly input: { readonly bidId: string; readonly fileName: string; readonly contentType: string; readonly content: Buffer; readonly replacesAttachmentId: string | null },
    readonly context: RequestContext,
  ) {}
}

export class RemoveBidAttachmentCommand {
  constructor(
    readonly input: { readonly bidId: string; readonly attachmentId: string },
    readonly context: RequestContext,
  ) {}
}

export class GetBidAttachmentQuery {
  constructor(
    readonly bidId: string,
    readonly attachmentId: string,
    readonly reader: Actor,
  ) {}
}

export interface BidAttachmentContent {
  readonly attachment: BidAttachmentView;
  readonly content: Buffer;
}

const fold = async <S>(store: EventStore, streamName: string, decider: { initialState(): S; evolve(s: S, e: never): S }): Promise<S> => {
  let state = decider.initialState();
  try {
    for await (const event of store.readStream(streamName)) state = decider.evolve(state, { type: event.type, data: event.data } as never);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return state;
};

export const sha256Hex = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

abstract class BidAttachmentHandler {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  /** The caller's own bid and the competition's deadline as it stands now; someone else's bid looks like none. */
  protected async ownBid(bidId: string, context: RequestContext): Promise<{ bid: BidState; currentSubmissionDeadline?: string }> {
    const bid = await fold(this.store, bidStreamName(bidId), bidDecider);
    if (bid.status === 'none' || bid.organisationId !== context.actor.organisationId) {
      throw new DomainRuleBroken('BID_NOT_FOUND', `No bid ${bidId} of your organisation exists`);
    }
    const competition: CompetitionState = await fold(this.store, competitionStreamName(bid.tenderId), competitionDecider);
    return { bid, ...(competition.status === 'unknown' ? {} : { currentSubmissionDeadline: competition.submissionDeadline }) };
  }

  protected async decide(command: AddBidAttachment | RemoveBidAttachment): Promise<BidCommandResult> {
    const result = await handleCommand({ store: this.store, streamName: bidStreamName(command.data.bidId), decider: bidDecider, command });
    return { bidId: command.data.bidId, position: result.appendResult?.position ?? null };
  }
}

/**
 * The rules are decided once before the bytes are written, so a refused file never reaches the disk,
 * and again by the command loop when the event is appended. Bytes stored for an append that then fails
 * are harmless: they are addressed by content and named by no event.
 */
@CommandHandler(AddBidAttachmentCommand)
export class AddBidAttachmentHandler extends BidAttachmentHandler implements ICommandHandler<AddBidAttachmentCommand> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    private readonly attachments: BidAttachmentStore,
    @Inject(BID_ATTACHMENT_SETTINGS) private readonly settings: BidAttachmentSettings,
  ) {
    super(store, clock);
  }

  async execute({ input, context }: AddBidAttachmentCommand): Promise<BidCommandResult> {
    const { bid, currentSubmissionDeadline } = await this.ownBid(input.bidId, context);
    const file: AttachmentFile = {
      fileName: input.fileName,
      contentType: input.contentType,
      sizeBytes: input.content.length,
      sha256: sha256Hex(input.content),
      detectedContentTypes: detectDocumentTypes(input.content),
    };
    const command: AddBidAttachment = {
      type: 'AddBidAttachment',
      data: {
        bidId: input.bidId,
        attachmentId: requestScopedId('bid-attachment', context),
        file,
        maxBytes: this.settings.maxBytes,
        replacesAttachmentId: input.replacesAttachmentId,
        ...(currentSubmissionDeadline ? { currentSubmissionDeadline } : {}),
      },
      metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
    };
    // A retry of a request whose event is already stored goes straight to the loop, which answers it as applied.
    const alreadyAttached = bid.status !== 'none' && bid.attachments.some((a) => a.attachmentId === command.data.attachmentId);
    if (alreadyAttached) return this.decide(command);
    decideBid(command, bid);
    const stored = await this.attachments.put(input.content);
    if (stored !== file.sha256) throw new Error(`The attachment store answered hash ${stored} for content hashed ${file.sha256}`);
    return this.decide(command);
  }
}

@CommandHandler(RemoveBidAttachmentCommand)
export class RemoveBidAttachmentHandler extends BidAttachmentHandler implements ICommandHandler<RemoveBidAttachmentCommand> {
  async execute({ input, context }: RemoveBidAttachmentCommand): Promise<BidCommandResult> {
    const { currentSubmissionDeadline } = await this.ownBid(input.bidId, context);
    return this.decide({
      type: 'RemoveBidAttachment',
      data: { ...input, ...(currentSubmissionDeadline ? { currentSubmissionDeadline } : {}) },
      metadata: { now: this.clock.now(), actor: context.actor, correlationId: context.correlationId, idempotencyKey: context.idempotencySeed },
    });
  }
}

/** A document is readable by exactly those who may read its bid now: the sealing rule of the bid read model. */
@QueryHandler(GetBidAttachmentQuery)
export class GetBidAttachmentHandler implements IQueryHandler<GetBidAttachmentQuery, BidAttachmentContent | null> {
  constructor(
    private readonly bids: BidReadModel,
    private readonly attachments: BidAttachmentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ bidId, attachmentId, reader }: GetBidAttachmentQuery): Promise<BidAttachmentContent | null> {
    const bid = await this.bids.findReadableBid(bidId, reader, this.clock.now());
    const attachment = bid?.attachments.find((a) => a.attachmentId === attachmentId);
    if (!attachment) return null;
    const content = await this.attachments.get(attachment.sha256);
    if (!content) throw new Error(`The bytes of attachment ${attachmentId} (${attachment.sha256}) are missing from the attachment store`);
    return { attachment, content };
  }
}

export const BID_ATTACHMENT_COMMAND_HANDLERS = [AddBidAttachmentHandler, RemoveBidAttachmentHandler];
export const BID_ATTACHMENT_QUERY_HANDLERS = [GetBidAttachmentHandler];
