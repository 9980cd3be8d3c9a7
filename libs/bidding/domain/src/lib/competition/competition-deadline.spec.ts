/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { decideBidWithdrawal } from '../bid-submission';
import { bidDecider } from '../bid/bid.decider';
import { canReadBid } from '../bid/bid.access';
import { AFTER_DEADLINE, at, bidder, bidSubmitted, commissioner, competitionOpened, DEADLINE, platform } from '../testing/bidding.spec-fixtures';
import type { EnterBid, ExtendCompetitionDeadline } from './competition.commands';
import { competitionDecider } from './competition.decider';
import type { CompetitionClosed, CompetitionDeadlineExtended, CompetitionEvent } from './competition.events';

const spec = DeciderSpecification.for(competitionDecider);
const NEW_DEADLINE = '2026-03-15T12:00:00.000Z';
const EXTENDED_AT = '2026-02-20T09:00:00.000Z';

const extend = (submissionDeadline = NEW_DEADLINE, actor: Actor = platform): ExtendCompetitionDeadline => ({
  type: 'ExtendCompetitionDeadline',
  data: { tenderId: 'tender-1', submissionDeadline, reason: 'Clarification changed the service specification' },
  metadata: at(EXTENDED_AT, actor),
});
const extended: CompetitionDeadlineExtended = {
  type: 'CompetitionDeadlineExtended',
  data: {
    tenderId: 'tender-1',
    previousSubmissionDeadline: DEADLINE,
    submissionDeadline: NEW_DEADLINE,
    reason: 'Clarification changed the service specification',
    extendedAt: EXTENDED_AT,
  },
};
const enterAt = (now: string): EnterBid => ({
  type: 'EnterBid',
  data: { tenderId: 'tender-1', bidId: 'bid-2', organisationId: 'org-youth-trust', lotId: 'lot-south' },
  metadata: at(now, bidder),
});
const state = (events: readonly CompetitionEvent[]) => events.reduce(competitionDecider.evolve, competitionDecider.initialState());

describe('Competition deadline, when the tender context extends it', () => {
  it('moves the deadline later, recording the previous one and why', () => {
    spec.given([competitionOpened]).when(extend('2026-03-15T13:00:00+01:00')).then([extended]);
  });

  it('records nothing when the same extension is delivered again, or the instant is not later', () => {
    spec.given([competitionOpened, extended]).when(extend()).then([]);
    spec.given([competitionOpened]).when(extend(DEADLINE)).then([]);
    spec.given([competitionOpened]).when(extend('2026-02-25T12:00:00.000Z')).then([]);
  });

  it('is done by the platform only, with an instant', () => {
    spec.given([competitionOpened]).when(extend(NEW_DEADLINE, commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    spec.given([competitionOpened]).when(extend('next month')).thenThrows('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT');
  });

  it('cannot reseal a closed competition', () => {
    const closed: CompetitionClosed = { type: 'CompetitionClosed', data: { tenderId: 'tender-1', closedAt: DEADLINE, bids: [] } };
    spec.given([competitionOpened, closed]).when(extend()).thenThrows('TENDER_NOT_OPEN');
  });

  it('takes new bids after the old deadline and refuses them at the new one', () => {
    spec
      .given([competitionOpened, extended])
      .when(enterAt(AFTER_DEADLINE))
      .then([{ type: 'BidEntered', data: { tenderId: 'tender-1', bidId: 'bid-2', organisationId: 'org-youth-trust', lotId: 'lot-south', enteredAt: AFTER_DEADLINE } }]);
    spec.given([competitionOpened, extended]).when(enterAt(NEW_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
  });

  it('lets a bid submitted against the old deadline be withdrawn until the new one', () => {
    const bid = bidDecider.evolve(bidDecider.initialState(), bidSubmitted);
    const entered = { type: 'BidEntered' as const, data: { tenderId: 'tender-1', bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north', enteredAt: DEADLINE } };
    const withdraw = (now: string) => ({ type: 'WithdrawBid' as const, data: { bidId: 'bid-1' }, metadata: at(now, bidder) });
    const decision = decideBidWithdrawal(withdraw(AFTER_DEADLINE), state([competitionOpened, entered, extended]), bid);
    expect(decision.bidEvents.map((e) => e.type)).toEqual(['BidWithdrawn']);
    expect(decision.competitionEvents.map((e) => e.type)).toEqual(['BidEntryWithdrawn']);
    expect(() => decideBidWithdrawal(withdraw(NEW_DEADLINE), state([competitionOpened, entered, extended]), bid)).toThrow('Bids cannot change after the deadline');
  });

  it('keeps a bid sealed until the new deadline when the reader is given it', () => {
    const bid = bidDecider.evolve(bidDecider.initialState(), bidSubmitted);
    const auditor: Actor = { userId: 'user-gus', role: 'auditor', organisationId: null };
    expect(canReadBid({ ...bid, submissionDeadline: NEW_DEADLINE } as typeof bid, auditor, new Date(AFTER_DEADLINE))).toBe(false);
    expect(canReadBid({ ...bid, submissionDeadline: NEW_DEADLINE } as typeof bid, auditor, new Date(NEW_DEADLINE))).toBe(true);
  });
});
