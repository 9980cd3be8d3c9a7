import type { BidEvent } from './bid/bid.events';
import type { CompetitionEvent } from './competition/competition.events';

// What this context publishes. Sealing shapes it: before the deadline other contexts learn only
// that an anonymous bid arrived for a lot (or left it); who bid is published once, when the
// competition closes at the deadline. Bid content is never published. The shapes mirror
// `@tendril/bidding/contracts` structurally (a domain library may not import a contracts library);
// the translator types the result with the contracts union so the compiler checks they agree.

export interface PublishedBidReceived {
  readonly type: 'bidding.bid-received.v1';
  readonly data: { readonly tenderId: string; readonly lotId: string; readonly bidId: string; readonly receivedAt: string };
}

export interface PublishedBidWithdrawn {
  readonly type: 'bidding.bid-withdrawn.v1';
  readonly data: { readonly tenderId: string; readonly lotId: string; readonly bidId: string; readonly withdrawnAt: string };
}

export interface PublishedBidsOpened {
  readonly type: 'bidding.bids-opened.v1';
  readonly data: {
    readonly tenderId: string;
    readonly openedAt: string;
    readonly bids: readonly { readonly bidId: string; readonly lotId: string; readonly organisationId: string }[];
  };
}

export type BiddingPublishedFact = PublishedBidReceived | PublishedBidWithdrawn | PublishedBidsOpened;

export type BiddingEvent = CompetitionEvent | BidEvent;

export const toIntegrationEvents = (event: BiddingEvent): readonly BiddingPublishedFact[] => {
  switch (event.type) {
    case 'BidEntered': {
      const { tenderId, lotId, bidId, enteredAt } = event.data;
      return [{ type: 'bidding.bid-received.v1', data: { tenderId, lotId, bidId, receivedAt: enteredAt } }];
    }
    case 'BidEntryWithdrawn': {
      const { tenderId, lotId, bidId, withdrawnAt } = event.data;
      return [{ type: 'bidding.bid-withdrawn.v1', data: { tenderId, lotId, bidId, withdrawnAt } }];
    }
    case 'CompetitionClosed': {
      const { tenderId, closedAt, bids } = event.data;
      return [
        {
          type: 'bidding.bids-opened.v1',
          data: { tenderId, openedAt: closedAt, bids: bids.map(({ bidId, lotId, organisationId }) => ({ bidId, lotId, organisationId })) },
        },
      ];
    }
    // Echoes of the tender context's own facts, and sealed bid content: nothing to publish.
    case 'CompetitionOpened':
    case 'CompetitionCancelled':
    case 'CompetitionDeadlineExtended':
    case 'BidSubmitted':
    case 'BidAmended':
    case 'BidWithdrawn':
    case 'BidAttachmentAdded':
    case 'BidAttachmentRemoved':
    case 'BidOpened':
    case 'BidComplianceAssessed':
    case 'BidShortlisted':
    case 'BidOutcomeRecorded':
      return [];
    default: {
      const unknown: never = event;
      throw new Error(`Unknown bidding event ${(unknown as { type: string }).type}`);
    }
  }
};
