import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@tendril/shared/event-store';

export interface LotResultEntryView {
  readonly rank: number;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly pricePence: number;
  readonly totalScore: number;
  readonly scores: readonly { readonly criterionId: string; readonly kind: string; readonly weightPercent: number; readonly score: number; readonly weightedScore: number }[];
  readonly winner: boolean;
}

export interface LotResultView {
  readonly tenderId: string;
  readonly lotId: string;
  readonly completedAt: string;
  readonly awardedAt: string | null;
  /** When the award now standing was proposed (the debrief opens then); null before and after a withdrawal. */
  readonly awardProposedAt: string | null;
  /** When a withdrawn award reopened the lot's evaluation; null once it is completed again. */
  readonly reopenedAt: string | null;
  /** Everything for the council and auditors; for a bidder after the award, its own entry and the winner's. */
  readonly entries: readonly LotResultEntryView[];
}

/**
 * A lot's evaluation result as a reader may see it. Nothing reaches bidders until an award is proposed
 * (or, in histories from before proposals, the lot is awarded); then each bidder sees its own scores
 * and the winner's (UK debrief practice), never the others'. A withdrawn proposal closes the debrief
 * until the re-evaluated lot's award is proposed.
 */
export abstract class LotResultReadModel {
  abstract findLotResult(tenderId: string, lotId: string, reader: Actor): Promise<LotResultView | null>;
}

export class GetLotResultQuery {
  constructor(
    readonly tenderId: string,
    readonly lotId: string,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetLotResultQuery)
export class GetLotResultHandler implements IQueryHandler<GetLotResultQuery, LotResultView | null> {
  constructor(private readonly readModel: LotResultReadModel) {}
  execute({ tenderId, lotId, reader }: GetLotResultQuery) {
    return this.readModel.findLotResult(tenderId, lotId, reader);
  }
}

export const LOT_RESULT_QUERY_HANDLERS = [GetLotResultHandler];
