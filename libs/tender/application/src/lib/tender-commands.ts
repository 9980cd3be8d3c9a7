import type { RequestContext } from '@tendril/shared/ddd';
import type { AwardLotData, CancelTenderData, PublishTenderData } from '@tendril/tender/domain';

export class PublishTenderCommand {
  constructor(
    readonly input: Omit<PublishTenderData, 'tenderId'>,
    readonly context: RequestContext,
  ) {}
}

export class AwardLotCommand {
  constructor(
    readonly input: Omit<AwardLotData, 'supplierOrganisationId'>,
    readonly context: RequestContext,
  ) {}
}

export class CancelTenderCommand {
  constructor(
    readonly input: CancelTenderData,
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
