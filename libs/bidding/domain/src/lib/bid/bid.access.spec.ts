/// <reference types="jest" />
import type { Actor } from '@tendril/shared/event-store';
import {
  admin,
  AFTER_DEADLINE,
  auditor,
  BEFORE_DEADLINE,
  bidder,
  bidderColleague,
  bidSubmitted,
  commissioner,
  DEADLINE,
  JUST_BEFORE_DEADLINE,
  otherCommissioner,
  platform,
  rivalBidder,
  youthPanel,
} from '../testing/bidding.spec-fixtures';
import { canReadBid, isBidSealed } from './bid.access';
import { evolveBid, initialBidState, type BidState } from './bid.state';

const submittedBid: BidState = evolveBid(initialBidState(), bidSubmitted);
const withdrawnBid: BidState = evolveBid(submittedBid, {
  type: 'BidWithdrawn',
  data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', withdrawnAt: BEFORE_DEADLINE },
});
const openedBid: BidState = evolveBid(submittedBid, {
  type: 'BidOpened',
  data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', openedAt: DEADLINE },
});

const readableBy = (bid: BidState, now: string) => (reader: Actor) => canReadBid(bid, reader, new Date(now));

describe('A sealed bid', () => {
  describe('before the deadline', () => {
    const canRead = readableBy(submittedBid, JUST_BEFORE_DEADLINE);

    it('is readable by the providers of the bidding organisation', () => {
      expect(canRead(bidder)).toBe(true);
      expect(canRead(bidderColleague)).toBe(true);
    });

    it.each<[string, Actor]>([
      ['the commissioner', commissioner],
      ['an auditor', auditor],
      ['a rival provider', rivalBidder],
      ['an admin', admin],
      ['the platform', platform],
    ])('is not readable by %s', (_who, reader) => {
      expect(canRead(reader)).toBe(false);
    });

    it('is sealed', () => {
      expect(isBidSealed(submittedBid, new Date(JUST_BEFORE_DEADLINE))).toBe(true);
    });
  });

  describe('from the deadline', () => {
    const canRead = readableBy(openedBid, DEADLINE);

    it.each<[string, Actor]>([
      ['its own organisation', bidder],
      ['the commissioner of the tender', commissioner],
      ['an auditor', auditor],
    ])('is readable by %s', (_who, reader) => {
      expect(canRead(reader)).toBe(true);
    });

    it.each<[string, Actor]>([
      ['a commissioner of another council', otherCommissioner],
      ['a rival provider', rivalBidder],
      ['the youth panel', youthPanel],
      ['an admin', admin],
      ['the platform', platform],
    ])('is still not readable by %s', (_who, reader) => {
      expect(canRead(reader)).toBe(false);
    });

    it('is readable by the commissioner even before the platform has opened it', () => {
      expect(canReadBid(submittedBid, commissioner, new Date(AFTER_DEADLINE))).toBe(true);
    });

    it('is no longer sealed', () => {
      expect(isBidSealed(openedBid, new Date(DEADLINE))).toBe(false);
    });
  });

  describe('once withdrawn', () => {
    it('is not shown to the commissioner after the deadline', () => {
      expect(canReadBid(withdrawnBid, commissioner, new Date(AFTER_DEADLINE))).toBe(false);
    });

    it('is still readable by its organisation and, after the deadline, by auditors', () => {
      expect(canReadBid(withdrawnBid, bidder, new Date(AFTER_DEADLINE))).toBe(true);
      expect(canReadBid(withdrawnBid, auditor, new Date(AFTER_DEADLINE))).toBe(true);
      expect(canReadBid(withdrawnBid, auditor, new Date(BEFORE_DEADLINE))).toBe(false);
    });
  });

  it('that does not exist is readable by no one', () => {
    expect(canReadBid(initialBidState(), bidder, new Date(AFTER_DEADLINE))).toBe(false);
    expect(canReadBid(initialBidState(), auditor, new Date(AFTER_DEADLINE))).toBe(false);
  });

  describe('for an assigned evaluator who has declared their interests', () => {
    const grant = { tenderId: 'tender-1', conflictedOrganisationIds: [] };

    it('is readable after the deadline', () => {
      expect(canReadBid(openedBid, otherCommissioner, new Date(AFTER_DEADLINE), [grant])).toBe(true);
    });

    it('stays sealed before the deadline', () => {
      expect(canReadBid(submittedBid, otherCommissioner, new Date(JUST_BEFORE_DEADLINE), [grant])).toBe(false);
    });

    it('is not readable by an evaluator who declared a conflict with the bidder', () => {
      expect(canReadBid(openedBid, otherCommissioner, new Date(AFTER_DEADLINE), [{ ...grant, conflictedOrganisationIds: ['org-youth-trust'] }])).toBe(false);
    });

    it('is not readable without a declaration, or with one for another tender, or when withdrawn', () => {
      expect(canReadBid(openedBid, otherCommissioner, new Date(AFTER_DEADLINE))).toBe(false);
      expect(canReadBid(openedBid, otherCommissioner, new Date(AFTER_DEADLINE), [{ ...grant, tenderId: 'tender-2' }])).toBe(false);
      expect(canReadBid(withdrawnBid, otherCommissioner, new Date(AFTER_DEADLINE), [grant])).toBe(false);
    });

    it('is not readable by an officer of the commissioning council who declared a conflict with the bidder, though colleagues may read it', () => {
      const conflicted = [{ ...grant, conflictedOrganisationIds: ['org-youth-trust'] }];
      expect(canReadBid(openedBid, commissioner, new Date(AFTER_DEADLINE), conflicted)).toBe(false);
      expect(canReadBid(openedBid, commissioner, new Date(AFTER_DEADLINE), [{ ...grant, tenderId: 'tender-2', conflictedOrganisationIds: ['org-youth-trust'] }])).toBe(true);
      expect(canReadBid(openedBid, commissioner, new Date(AFTER_DEADLINE))).toBe(true);
    });
  });
});
