import type { RequestContext } from '@tendril/shared/ddd';
import type { AnswerClarificationData, AwardLotData, CancelTenderData, PublishTenderData } from '@tendril/tender/domain';

/** The plan strand a tender is for, as the commissioner names it; the handler looks up the rest. */
export interface StrandRef {
  readonly planId: string;
  readonly strandId: string;
}

export class PublishTenderCommand {
  constructor(
    readonly input: Omit<PublishTenderData, 'tenderId' | 'commissionedStrand'> & { readonly strand: StrandRef | null },
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

export class CloseDueTendersCommand {
  constructor(readonly now: Date) {}
}

/** What every tender command answers: the tender it changed and where its events landed. */
export interface TenderCommandResult {
  readonly tenderId: string;
  readonly position: number | null;
}
