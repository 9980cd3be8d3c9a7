import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { type BidFilter, BidReadModel, type BidView } from './bid-read-model.port';

export class GetBidQuery {
  constructor(
    readonly bidId: string,
    readonly reader: Actor,
  ) {}
}

export class ListBidsQuery {
  constructor(
    readonly filter: BidFilter,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetBidQuery)
export class GetBidHandler implements IQueryHandler<GetBidQuery, BidView | null> {
  constructor(
    private readonly readModel: BidReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ bidId, reader }: GetBidQuery) {
    return this.readModel.findReadableBid(bidId, reader, this.clock.now());
  }
}

@QueryHandler(ListBidsQuery)
export class ListBidsHandler implements IQueryHandler<ListBidsQuery, readonly BidView[]> {
  constructor(
    private readonly readModel: BidReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ filter, reader }: ListBidsQuery) {
    return this.readModel.findReadableBids(filter, reader, this.clock.now());
  }
}

export const BID_QUERY_HANDLERS = [GetBidHandler, ListBidsHandler];
