/// <reference types="jest" />
import { DomainRuleBroken } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { evolveBid, initialBidState, type BidState } from './bid/bid.state';
import { decideBidSubmission, decideBidWithdrawal, type SubmitBidRequest } from './bid-submission';
import type { CompetitionEvent } from './competition/competition.events';
import { evolveCompetition, initialCompetitionState, type CompetitionState } from './competition/competition.state';
import { at, BEFORE_DEADLINE, bidder, bidSubmitted, competitionOpened, DEADLINE, rivalBidder } from './testing/bidding.spec-fixtures';

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
    expect(decideBidSubmission(request(), competitionOf(competitionOpened), initialBidState())).toEqual({
      competitionEvents: [entered],
      bidEvents: [bidSubmitted],
    });
  });

  it('completes only the bid when retried after the competition recorded the entry', () => {
    expect(decideBidSubmission(request(), competitionOf(competitionOpened, entered), initialBidState())).toEqual({
      competitionEvents: [],
      bidEvents: [bidSubmitted],
    });
  });

  it('is refused as a whole when the organisation already has a live bid for the lot', () => {
    expect(refusal(() => decideBidSubmission(request('bid-2'), competitionOf(competitionOpened, entered), initialBidState()))).toBe(
      'BID_ALREADY_SUBMITTED_FOR_LOT',
    );
  });

  it('is refused before claiming a slot when the bid itself breaks a rule', () => {
    const badPrice: SubmitBidRequest = { ...request(), data: { ...request().data, pricePence: 0 } };
    expect(refusal(() => decideBidSubmission(badPrice, competitionOf(competitionOpened), initialBidState()))).toBe(
      'BID_PRICE_MUST_BE_POSITIVE_PENCE',
    );
  });

  it('is refused for a tender the bidding context has not heard of', () => {
    expect(refusal(() => decideBidSubmission(request(), competitionOf(), initialBidState()))).toBe('TENDER_NOT_OPEN');
  });

  it('is refused at the deadline', () => {
    expect(refusal(() => decideBidSubmission(request('bid-1', bidder, DEADLINE), competitionOf(competitionOpened), initialBidState()))).toBe(
      'TENDER_DEADLINE_PASSED',
    );
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
