/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import {
  AFTER_DEADLINE,
  at,
  BEFORE_DEADLINE,
  bidder,
  commissioner,
  competitionOpened,
  DEADLINE,
  JUST_BEFORE_DEADLINE,
  platform,
  rivalBidder,
} from '../testing/bidding.spec-fixtures';
import type { CancelCompetition, CloseCompetition, EnterBid, OpenCompetition, WithdrawBidEntry } from './competition.commands';
import { competitionDecider, competitionStreamName } from './competition.decider';
import type { BidEntered, BidEntryWithdrawn, CompetitionCancelled, CompetitionClosed } from './competition.events';

const spec = DeciderSpecification.for(competitionDecider);

const open = (overrides: Partial<OpenCompetition['data']> = {}, actor: Actor = platform): OpenCompetition => ({
  type: 'OpenCompetition',
  data: {
    tenderId: 'tender-1',
    commissionerOrganisationId: 'org-leeds-council',
    lotIds: ['lot-north', 'lot-south'],
    criteria: [
      { criterionId: 'crit-quality', kind: 'quality' },
      { criterionId: 'crit-price', kind: 'price' },
      { criterionId: 'crit-social', kind: 'social_value' },
    ],
    submissionDeadline: '2026-03-01T12:00:00Z',
    ...overrides,
  },
  metadata: at('2026-02-01T09:00:00.000Z', actor),
});

const enter = (bidId: string, actor: Actor, lotId = 'lot-north', now = BEFORE_DEADLINE): EnterBid => ({
  type: 'EnterBid',
  data: { tenderId: 'tender-1', bidId, organisationId: actor.organisationId ?? 'none', lotId },
  metadata: at(now, actor),
});

const entered = (bidId: string, organisationId: string, lotId = 'lot-north'): BidEntered => ({
  type: 'BidEntered',
  data: { tenderId: 'tender-1', bidId, organisationId, lotId, enteredAt: BEFORE_DEADLINE },
});

const withdrawEntry = (bidId: string, actor: Actor, now = BEFORE_DEADLINE): WithdrawBidEntry => ({
  type: 'WithdrawBidEntry',
  data: { tenderId: 'tender-1', bidId },
  metadata: at(now, actor),
});

const entryWithdrawn = (bidId: string, organisationId: string, lotId = 'lot-north'): BidEntryWithdrawn => ({
  type: 'BidEntryWithdrawn',
  data: { tenderId: 'tender-1', bidId, organisationId, lotId, withdrawnAt: BEFORE_DEADLINE },
});

const close = (now = DEADLINE, actor: Actor = platform): CloseCompetition => ({
  type: 'CloseCompetition',
  data: { tenderId: 'tender-1' },
  metadata: at(now, actor),
});

const closedWith = (bids: CompetitionClosed['data']['bids']): CompetitionClosed => ({
  type: 'CompetitionClosed',
  data: { tenderId: 'tender-1', closedAt: DEADLINE, bids },
});

const cancel = (actor: Actor = platform, now = BEFORE_DEADLINE): CancelCompetition => ({
  type: 'CancelCompetition',
  data: { tenderId: 'tender-1', reason: 'Budget withdrawn' },
  metadata: at(now, actor),
});

const cancelled: CompetitionCancelled = {
  type: 'CompetitionCancelled',
  data: { tenderId: 'tender-1', reason: 'Budget withdrawn', cancelledAt: BEFORE_DEADLINE },
};

describe('Competition (the bidding view of a tender)', () => {
  it('lives in a stream per tender', () => {
    expect(competitionStreamName('tender-1')).toBe('competition-tender-1');
  });

  describe('when the tender is published', () => {
    it('opens with the lots, the criteria a bid answers in words, and a UTC deadline', () => {
      spec.given([]).when(open()).then([competitionOpened]);
    });

    it('keeps the published weights when the tender gives them, for the evaluation to rank by', () => {
      const weighted = open({
        criteria: [
          { criterionId: 'crit-quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'crit-price', kind: 'price', weightPercent: 30 },
        ],
      });
      spec.given([]).when(weighted).then([
        {
          type: 'CompetitionOpened',
          data: {
            ...competitionOpened.data,
            answerableCriterionIds: ['crit-quality'],
            weightedCriteria: [
              { criterionId: 'crit-quality', kind: 'quality', weightPercent: 70 },
              { criterionId: 'crit-price', kind: 'price', weightPercent: 30 },
            ],
          },
        },
      ]);
    });

    it('records nothing when the publication is delivered again', () => {
      spec.given([competitionOpened]).when(open()).then([]);
    });

    it('is opened by the platform only', () => {
      spec.given([]).when(open({}, commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });

    it('refuses a deadline that is not an instant', () => {
      spec.given([]).when(open({ submissionDeadline: 'soon' })).thenThrows('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT');
    });
  });

  describe('when a bid is entered', () => {
    it('records which organisation bid for which lot', () => {
      spec.given([competitionOpened]).when(enter('bid-1', bidder)).then([entered('bid-1', 'org-youth-trust')]);
    });

    it('records nothing when the same bid is entered again (a retried submission)', () => {
      spec.given([competitionOpened, entered('bid-1', 'org-youth-trust')]).when(enter('bid-1', bidder)).then([]);
    });

    it('accepts bids from different organisations for the same lot', () => {
      spec
        .given([competitionOpened, entered('bid-1', 'org-youth-trust')])
        .when(enter('bid-2', rivalBidder))
        .then([entered('bid-2', 'org-sports-cic')]);
    });

    it('accepts one bid per lot from the same organisation', () => {
      spec
        .given([competitionOpened, entered('bid-1', 'org-youth-trust')])
        .when(enter('bid-2', bidder, 'lot-south'))
        .then([entered('bid-2', 'org-youth-trust', 'lot-south')]);
    });

    it('accepts a new bid for the lot once the earlier one is withdrawn', () => {
      spec
        .given([competitionOpened, entered('bid-1', 'org-youth-trust'), entryWithdrawn('bid-1', 'org-youth-trust')])
        .when(enter('bid-2', bidder))
        .then([entered('bid-2', 'org-youth-trust')]);
    });

    it('refuses a second live bid from the same organisation for the same lot', () => {
      spec
        .given([competitionOpened, entered('bid-1', 'org-youth-trust')])
        .when(enter('bid-2', bidder))
        .thenThrows('BID_ALREADY_SUBMITTED_FOR_LOT', { lotId: 'lot-north', bidId: 'bid-1' });
    });

    it('refuses a bid id already used for another entry', () => {
      spec
        .given([competitionOpened, entered('bid-1', 'org-youth-trust')])
        .when(enter('bid-1', bidder, 'lot-south'))
        .thenThrows('BID_ALREADY_SUBMITTED');
    });

    it('refuses a tender bidding has not heard of', () => {
      spec.given([]).when(enter('bid-1', bidder)).thenThrows('TENDER_NOT_OPEN');
    });

    it('refuses a cancelled tender', () => {
      spec.given([competitionOpened, cancelled]).when(enter('bid-1', bidder)).thenThrows('TENDER_NOT_OPEN');
    });

    it('refuses at the deadline even before the competition is closed', () => {
      spec.given([competitionOpened]).when(enter('bid-1', bidder, 'lot-north', DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
    });

    it('accepts a bid a millisecond before the deadline', () => {
      spec
        .given([competitionOpened])
        .when(enter('bid-1', bidder, 'lot-north', JUST_BEFORE_DEADLINE))
        .then([{ type: 'BidEntered', data: { ...entered('bid-1', 'org-youth-trust').data, enteredAt: JUST_BEFORE_DEADLINE } }]);
    });

    it('refuses a closed competition', () => {
      spec.given([competitionOpened, closedWith([])]).when(enter('bid-1', bidder)).thenThrows('TENDER_DEADLINE_PASSED');
    });

    it('refuses a lot the tender does not have', () => {
      spec.given([competitionOpened]).when(enter('bid-1', bidder, 'lot-east')).thenThrows('LOT_NOT_FOUND');
    });

    it('refuses an actor who does not belong to the bidding organisation', () => {
      const command: EnterBid = { ...enter('bid-1', bidder), metadata: at(BEFORE_DEADLINE, rivalBidder) };
      spec.given([competitionOpened]).when(command).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
    });
  });

  describe('when an entry is withdrawn', () => {
    const history = [competitionOpened, entered('bid-1', 'org-youth-trust')];

    it('frees the lot for the organisation', () => {
      spec.given(history).when(withdrawEntry('bid-1', bidder)).then([entryWithdrawn('bid-1', 'org-youth-trust')]);
    });

    it('records nothing when withdrawn again (a retried withdrawal)', () => {
      spec.given([...history, entryWithdrawn('bid-1', 'org-youth-trust')]).when(withdrawEntry('bid-1', bidder)).then([]);
    });

    it('refuses another organisation', () => {
      spec.given(history).when(withdrawEntry('bid-1', rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
    });

    it('refuses a bid that was never entered', () => {
      spec.given(history).when(withdrawEntry('bid-9', bidder)).thenThrows('BID_NOT_FOUND');
    });

    it('refuses after the deadline', () => {
      spec.given(history).when(withdrawEntry('bid-1', bidder, AFTER_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
    });
  });

  describe('when the deadline comes', () => {
    it('closes and lists the live bids of every lot, without the withdrawn ones', () => {
      spec
        .given([
          competitionOpened,
          entered('bid-1', 'org-youth-trust'),
          entered('bid-2', 'org-sports-cic'),
          entered('bid-3', 'org-youth-trust', 'lot-south'),
          entryWithdrawn('bid-2', 'org-sports-cic'),
        ])
        .when(close())
        .then([
          closedWith([
            { bidId: 'bid-1', organisationId: 'org-youth-trust', lotId: 'lot-north' },
            { bidId: 'bid-3', organisationId: 'org-youth-trust', lotId: 'lot-south' },
          ]),
        ]);
    });

    it('records nothing when closed again', () => {
      spec.given([competitionOpened, closedWith([])]).when(close(AFTER_DEADLINE)).then([]);
    });

    it('stays sealed before the deadline', () => {
      spec.given([competitionOpened]).when(close(JUST_BEFORE_DEADLINE)).thenThrows('TENDER_DEADLINE_NOT_REACHED');
    });

    it('is closed by the platform only', () => {
      spec.given([competitionOpened]).when(close(AFTER_DEADLINE, commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });

    it('cannot close a cancelled competition', () => {
      spec.given([competitionOpened, cancelled]).when(close()).thenThrows('TENDER_NOT_OPEN');
    });

    it('cannot close a competition it never heard of', () => {
      spec.given([]).when(close()).thenThrows('TENDER_NOT_OPEN');
    });
  });

  describe('when the tender is cancelled', () => {
    it('is cancelled while open', () => {
      spec.given([competitionOpened]).when(cancel()).then([cancelled]);
    });

    it('is cancelled after closing too', () => {
      spec
        .given([competitionOpened, closedWith([])])
        .when(cancel(platform, AFTER_DEADLINE))
        .then([{ ...cancelled, data: { ...cancelled.data, cancelledAt: AFTER_DEADLINE } }]);
    });

    it('records nothing when the cancellation is delivered again', () => {
      spec.given([competitionOpened, cancelled]).when(cancel()).then([]);
    });

    it('is cancelled by the platform only', () => {
      spec.given([competitionOpened]).when(cancel(commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });

    it('cannot cancel a competition it never heard of', () => {
      spec.given([]).when(cancel()).thenThrows('TENDER_NOT_OPEN');
    });
  });
});
