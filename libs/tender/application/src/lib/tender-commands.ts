import type { RequestContext } from '@tendril/shared/ddd';
import type { AnswerClarificationData, AwardLotData, CancelTenderData, PublishTenderData, TenderDocumentKind } from '@tendril/tender/domain';

/** The plan strand a tender is for, as the commissioner names it; the handler looks up the rest. */
export interface StrandRef {
  readonly planId: string;
  readonly strandId: string;
}

/** A document as the commissioner uploads it; the handler stores the content and keeps its hash. */
export interface DocumentUpload {
  readonly documentId: string;
  readonly kind: TenderDocumentKind;
  readonly title: string;
  readonly content: string;
}

export class PublishTenderCommand {
  constructor(
    readonly input: Omit<PublishTenderData, 'tenderId' | 'commissionedStrand' | 'documents'> & {
      readonly strand: StrandRef | null;
      readonly documents: readonly DocumentUpload[];
    },
    readonly context: RequestContext,
  ) {}
}

export class AwardLotCommand {
  constructor(
    readonly input: Omit<AwardLotData, 'supplierOrganisationId' | 'evaluation'>,
    readonly context: RequestContext,
  ) {}
}

export class CancelTenderCommand {
  constructor(
    readonly input: CancelTenderData,
    readonly context: RequestContext,
  ) {}
}

/** A provider's question; its id is assigned by the handler. */
export class AskClarificationCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly question: string },
    readonly context: RequestContext,
  ) {}
}

export class AnswerClarificationCommand {
  constructor(
    readonly input: AnswerClarificationData,
    readonly context: RequestContext,
  ) {}
}

/** What a clarification command answers: the question it changed and where its events landed. */
export interface ClarificationCommandResult extends TenderCommandResult {
  readonly questionId: string;
}

export class AmendTenderDocumentCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly documentId: string; readonly content: string; readonly summary: string },
    readonly context: RequestContext,
  ) {}
}

export class DeclareTenderUnsuccessfulCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}

export class CloseDueTendersCommand {
  constructor(readonly now: Date) {}
}

/** What every tender command answers: the tender it changed and where its events landed. */
export interface TenderCommandResult {
  readonly tenderId: string;
  readonly position: number | null;
}
