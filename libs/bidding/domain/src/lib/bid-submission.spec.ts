/// <reference types="jest" />
import { DomainRuleBroken } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { evolveBid, initialBidState, type BidState } from './bid/bid.state';
import { decideBidSubmission, decideBidWithdrawal, type SubmitBidRequest } from './bid-submission';
import type { CompetitionEvent } from './competition/competition.events';
import { evolveCompetition, initialCompetitionState, type CompetitionState } from './competition/competition.state';
import {
  at,
  BEFORE_DEADLINE,
  bidder,
  bidSubmitted,
  competitionOpened,
  DEADLINE,
  eligibleBidder,
  providerOf,
  rivalBidder,
  youthTrustRegistered,
  youthTrustSafeguarding,
} from './testing/bidding.spec-fixtures';

const competitionOf = (...events: CompetitionEvent[]): CompetitionState => events.reduce(evolveCompetition, initialCompetitionState());
const submittedBid: BidState = evolveBid(initialBidState(), bidSubmitted);

const request = (bidId = 'bid-1', actor: Actor = bidder, now = BEFORE_DEADLINE): SubmitBidRequest => ({
  type: 'SubmitBid',
  data: {
    bidId,
    tenderId: 'tender-1',
    lotId: 'lot-north',
    organisationId: actor.organisationId ?? 'none',
    pricePence: 9_950_000,
    qualityAnswers: [{ criterionId: 'crit-quality', answer: 'Trained mentors in every ward' }],
    socialValueCommitments: 'Two apprenticeships for local care leavers',
    subcontractors: [],
    consortium: null,
    registeredPartnerIds: [],
  },
  metadata: at(now, actor),
});

const entered = {
  type: 'BidEntered',
  data: { tenderId: 'tender-1', bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north', enteredAt: BEFORE_DEADLINE },
} as const;

const refusal = (decide: () => unknown): string | null => {
  try {
    decide();
    return null;
  } catch (error) {
    return error instanceof DomainRuleBroken ? error.code : 'not a rule';
  }
};

describe('Submitting a bid', () => {
  it('enters it in the competition and records its sealed content', () => {
    expect(decideBidSubmission(request(), competitionOf(competitionOpened), initialBidState(), eligibleBidder())).toEqual({
      competitionEvents: [entered],
      bidEvents: [bidSubmitted],
    });
  });

  it('completes only the bid when retried after the competition recorded the entry', () => {
    expect(decideBidSubmission(request(), competitionOf(competitionOpened, entered), initialBidState(), eligibleBidder())).toEqual({
      competitionEvents: [],
      bidEvents: [bidSubmitted],
    });
  });

  it('is refused as a whole when the organisation already has a live bid for the lot', () => {
    expect(refusal(() => decideBidSubmission(request('bid-2'), competitionOf(competitionOpened, entered), initialBidState(), eligibleBidder()))).toBe(
      'BID_ALREADY_SUBMITTED_FOR_LOT',
    );
  });

  it('is refused before claiming a slot when the bid itself breaks a rule', () => {
    const badPrice: SubmitBidRequest = { ...request(), data: { ...request().data, pricePence: 0 } };
    expect(refusal(() => decideBidSubmission(badPrice, competitionOf(competitionOpened), initialBidState(), eligibleBidder()))).toBe(
      'BID_PRICE_MUST_BE_POSITIVE_PENCE',
    );
  });

  it('is refused for a tender the bidding context has not heard of', () => {
    expect(refusal(() => decideBidSubmission(request(), competitionOf(), initialBidState(), eligibleBidder()))).toBe('TENDER_NOT_OPEN');
  });

  it('is refused at the deadline', () => {
    expect(refusal(() => decideBidSubmission(request('bid-1', bidder, DEADLINE), competitionOf(competitionOpened), initialBidState(), eligibleBidder()))).toBe(
      'TENDER_DEADLINE_PASSED',
    );
  });

  describe('by an organisation whose due diligence is not in order', () => {
    const submitAs = (organisation: ReturnType<typeof providerOf>, now = BEFORE_DEADLINE) => () =>
      decideBidSubmission(request('bid-1', bidder, now), competitionOf(competitionOpened), initialBidState(), organisation);
    const insurance = {
      type: 'DueDiligenceDeclared',
      data: { ...youthTrustSafeguarding.data, kind: 'insurance', expiresAt: '2026-02-01T00:00:00.000Z' },
    } as const;

    it('is refused when the organisation is not in the provider registry', () => {
      expect(refusal(submitAs(providerOf()))).toBe('PROVIDER_NOT_REGISTERED');
    });

    it('is refused when no safeguarding policy was ever declared', () => {
      expect(refusal(submitAs(providerOf(youthTrustRegistered)))).toBe('SAFEGUARDING_DECLARATION_MISSING');
    });

    it('is refused from the instant the safeguarding declaration expires, with an error saying what to renew', () => {
      const expiring = { ...youthTrustSafeguarding, data: { ...youthTrustSafeguarding.data, expiresAt: BEFORE_DEADLINE } };
      expect(submitAs(providerOf(youthTrustRegistered, expiring))).toThrow(
        expect.objectContaining({
          code: 'SAFEGUARDING_DECLARATION_EXPIRED',
          message: expect.stringContaining('safeguarding policy declaration expired on 2026-02-10'),
          details: expect.objectContaining({ renew: 'safeguarding_policy' }),
        }),
      );
    });

    it('is accepted again once the safeguarding policy is declared anew', () => {
      const expired = { ...youthTrustSafeguarding, data: { ...youthTrustSafeguarding.data, expiresAt: '2026-02-01T00:00:00.000Z' } };
      expect(submitAs(providerOf(youthTrustRegistered, expired, youthTrustSafeguarding))().bidEvents).toEqual([bidSubmitted]);
    });

    it('is refused when another declaration has lapsed, naming it', () => {
      expect(submitAs(providerOf(youthTrustRegistered, youthTrustSafeguarding, insurance))).toThrow(
        expect.objectContaining({ code: 'DUE_DILIGENCE_EXPIRED', details: expect.objectContaining({ renew: 'insurance' }) }),
      );
    });

    it('is refused as late, not as unregistered, after the deadline', () => {
      expect(refusal(submitAs(providerOf(), DEADLINE))).toBe('TENDER_DEADLINE_PASSED');
    });
  });
});

describe('Withdrawing a bid', () => {
  const withdraw = (actor: Actor = bidder) => ({ type: 'WithdrawBid' as const, data: { bidId: 'bid-1' }, metadata: at(BEFORE_DEADLINE, actor) });
  const entryWithdrawn = {
    type: 'BidEntryWithdrawn',
    data: { tenderId: 'tender-1', bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north', withdrawnAt: BEFORE_DEADLINE },
  } as const;
  const bidWithdrawn = {
    type: 'BidWithdrawn',
    data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', withdrawnAt: BEFORE_DEADLINE },
  } as const;

  it('frees the lot in the competition and withdraws the bid', () => {
    expect(decideBidWithdrawal(withdraw(), competitionOf(competitionOpened, entered), submittedBid)).toEqual({
      competitionEvents: [entryWithdrawn],
      bidEvents: [bidWithdrawn],
    });
  });

  it('completes only the bid when retried after the competition recorded the withdrawal', () => {
    expect(decideBidWithdrawal(withdraw(), competitionOf(competitionOpened, entered, entryWithdrawn), submittedBid)).toEqual({
      competitionEvents: [],
      bidEvents: [bidWithdrawn],
    });
  });

  it('is refused for another organisation', () => {
    expect(refusal(() => decideBidWithdrawal(withdraw(rivalBidder), competitionOf(competitionOpened, entered), submittedBid))).toBe(
      'NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION',
    );
  });

  it('is refused for a bid that does not exist', () => {
    expect(refusal(() => decideBidWithdrawal(withdraw(), competitionOf(competitionOpened), initialBidState()))).toBe('BID_NOT_FOUND');
  });
});
