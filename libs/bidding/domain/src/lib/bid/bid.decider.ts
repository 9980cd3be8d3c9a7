import type { Decider } from '@tendril/shared/ddd';
import type { BidCommand } from './bid.commands';
import { decideBid } from './bid.decide';
import type { BidEvent } from './bid.events';
import { evolveBid, initialBidState, type BidState } from './bid.state';

export const bidDecider: Decider<BidCommand, BidEvent, BidState> = {
  decide: decideBid,
  evolve: evolveBid,
  initialState: initialBidState,
};

export const BID_STREAM_PREFIX = 'bid-';

/** One stream per bid; it holds the sealed content and is never published as is. */
export const bidStreamName = (bidId: string): string => `${BID_STREAM_PREFIX}${bidId}`;
