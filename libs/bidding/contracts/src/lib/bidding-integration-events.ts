import { EVALUATION_COMPLETED_V1, type EvaluationCompletedV1 } from './evaluation-integration-events';

// The bidding context's published language. Sealing shapes it: before the deadline other contexts
// learn only that an anonymous bid arrived for a lot (or left it); who bid is published once, in
// `bids-opened`, when the competition closes at the deadline. Bid content is never published.
// Versioned: a breaking change adds a `.v2` type beside `.v1`; a published shape is never edited.

export type BidId = string;

export const BID_RECEIVED_V1 = 'bidding.bid-received.v1';
export const BID_WITHDRAWN_V1 = 'bidding.bid-withdrawn.v1';
export const BIDS_OPENED_V1 = 'bidding.bids-opened.v1';

export interface BidReceivedV1Data {
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: BidId;
  readonly receivedAt: string;
}

export interface BidWithdrawnV1Data {
  readonly tenderId: string;
  readonly lotId: string;
  readonly bidId: BidId;
  readonly withdrawnAt: string;
}

export interface OpenedBidV1 {
  readonly bidId: BidId;
  readonly lotId: string;
  readonly organisationId: string;
}

export interface BidsOpenedV1Data {
  readonly tenderId: string;
  readonly openedAt: string;
  /** Every live bid at the deadline, all lots; withdrawn bids are not listed. */
  readonly bids: readonly OpenedBidV1[];
}

export interface BidReceivedV1 {
  readonly type: typeof BID_RECEIVED_V1;
  readonly data: BidReceivedV1Data;
}
export interface BidWithdrawnV1 {
  readonly type: typeof BID_WITHDRAWN_V1;
  readonly data: BidWithdrawnV1Data;
}
export interface BidsOpenedV1 {
  readonly type: typeof BIDS_OPENED_V1;
  readonly data: BidsOpenedV1Data;
}

export type BiddingIntegrationEvent = BidReceivedV1 | BidWithdrawnV1 | BidsOpenedV1 | EvaluationCompletedV1;

export const BIDDING_INTEGRATION_EVENT_TYPES: readonly BiddingIntegrationEvent['type'][] = [
  BID_RECEIVED_V1,
  BID_WITHDRAWN_V1,
  BIDS_OPENED_V1,
  EVALUATION_COMPLETED_V1,
];

/** Narrows an event read from the store by its type; the producer guarantees the data shape. */
export const isBiddingIntegrationEvent = (event: { readonly type: string; readonly data: unknown }): event is BiddingIntegrationEvent =>
  (BIDDING_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

export const BIDDING_INTEGRATION_STREAM_PREFIX = 'integration-bidding-';

/** Keyed by tender, so a consumer reads a tender's bidding facts in order. */
export const biddingIntegrationStreamName = (tenderId: string): string => `${BIDDING_INTEGRATION_STREAM_PREFIX}${tenderId}`;
