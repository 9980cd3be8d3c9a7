import type { RequestContext } from '@tendril/shared/ddd';
import type { AnswerClarificationData, AwardLotData, CancelTenderData, ChallengeOutcome, PublishTenderData, TenderDocumentKind, TenderDraftContent } from '@tendril/tender/domain';

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

/** Proposes the award of a lot; the standstill period comes from the platform's configuration. */
export class AwardLotCommand {
  constructor(
    readonly input: Omit<AwardLotData, 'standstill'>,
    readonly context: RequestContext,
  ) {}
}

/** A draft as the commissioner writes it: documents uploaded, the plan strand named. */
export type DraftInput = Omit<TenderDraftContent, 'documents'> & {
  readonly strand: StrandRef | null;
  readonly documents: readonly DocumentUpload[];
};

export class DraftTenderCommand {
  constructor(
    readonly input: DraftInput & { readonly organisationId: string },
    readonly context: RequestContext,
  ) {}
}

export class ReviseTenderDraftCommand {
  constructor(
    readonly input: DraftInput & { readonly tenderId: string },
    readonly context: RequestContext,
  ) {}
}

export class PublishTenderDraftCommand {
  constructor(
    readonly input: { readonly tenderId: string },
    readonly context: RequestContext,
  ) {}
}

/** A bidder's challenge to a proposed award; its id is assigned by the handler. */
export class ChallengeAwardCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly lotId: string; readonly grounds: string },
    readonly context: RequestContext,
  ) {}
}

export class ResolveChallengeCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly challengeId: string; readonly outcome: ChallengeOutcome; readonly reasoning: string },
    readonly context: RequestContext,
  ) {}
}

export interface ChallengeCommandResult extends TenderCommandResult {
  readonly challengeId: string;
}

/** The scheduler's tick: makes final every award whose standstill ended unchallenged. */
export class FinaliseDueAwardsCommand {
  constructor(readonly now: Date) {}
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
    readonly input: {
      readonly tenderId: string;
      /** With `content`: the document that changes; null when the amendment only moves deadlines. */
      readonly documentId: string | null;
      readonly content: string | null;
      readonly summary: string;
      readonly submissionDeadline: string | null;
      readonly clarificationDeadline: string | null;
    },
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
