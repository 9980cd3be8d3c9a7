/// <reference types="jest" />
import { BIDDING_INTEGRATION_EVENT_TYPES, biddingIntegrationStreamName, isBiddingIntegrationEvent } from './bidding-integration-events';

describe('Bidding integration events', () => {
  it('are published to one stream per tender', () => {
    expect(biddingIntegrationStreamName('t-42')).toBe('integration-bidding-t-42');
  });

  it('all carry their context and version in their type', () => {
    expect(BIDDING_INTEGRATION_EVENT_TYPES).toEqual([
      'bidding.bid-received.v1',
      'bidding.bid-withdrawn.v1',
      'bidding.bids-opened.v1',
      'bidding.evaluation-completed.v1',
    ]);
  });

  it('are recognised by type, so a consumer can skip what it does not know', () => {
    expect(isBiddingIntegrationEvent({ type: 'bidding.bids-opened.v1', data: {} })).toBe(true);
    expect(isBiddingIntegrationEvent({ type: 'BidSubmitted', data: {} })).toBe(false);
  });
});
