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
  /** Everything for the council and auditors; for a bidder after the award, its own entry and the winner's. */
  readonly entries: readonly LotResultEntryView[];
}

/**
 * A lot's evaluation result as a reader may see it. Nothing reaches bidders until the lot is awarded;
 * then each bidder sees its own scores and the winner's (UK debrief practice), never the others'.
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
