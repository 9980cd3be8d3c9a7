import type { RequestContext } from '@tendril/shared/ddd';
import type { AgeBand } from '@tendril/bidding/domain';

export class ShortlistBidsCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly lotId: string; readonly bidIds: readonly string[]; readonly reason: string },
    readonly context: RequestContext,
  ) {}
}

export class RecordPanelVisitCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly bidId: string; readonly ageBand: AgeBand; readonly visitedOn: string; readonly observations: string },
    readonly context: RequestContext,
  ) {}
}

export class ScoreAsPanelMemberCommand {
  constructor(
    readonly input: { readonly tenderId: string; readonly bidId: string; readonly ageBand: AgeBand; readonly mark: number; readonly justification: string },
    readonly context: RequestContext,
  ) {}
}

export interface PanelCommandResult {
  readonly tenderId: string;
  readonly position: number | null;
}

// The vocabularies the API layer needs (it may not import the domain).
export { AGE_BANDS, PANEL_SCALE } from '@tendril/bidding/domain';
