/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { CompetitionFacts } from '../competition/competition.facts';
import {
  AFTER_DEADLINE,
  at,
  BEFORE_DEADLINE,
  bidder,
  bidderColleague,
  bidSubmitted,
  commissioner,
  otherCommissioner,
  DEADLINE,
  platform,
  rivalBidder,
} from '../testing/bidding.spec-fixtures';
import type { AmendBid, AssessBidCompliance, OpenBid, PartnerRegistryFacts, SubmitBid, SubmitBidContent, WithdrawBid } from './bid.commands';
import { bidDecider, bidStreamName } from './bid.decider';
import type { BidAmended, BidOpened, BidWithdrawn } from './bid.events';

const spec = DeciderSpecification.for(bidDecider);

const openCompetition: CompetitionFacts = {
  status: 'open',
  tenderId: 'tender-1',
  commissionerOrganisationId: 'org-leeds-council',
  submissionDeadline: DEADLINE,
  lotIds: ['lot-north', 'lot-south'],
  answerableCriterionIds: ['crit-quality', 'crit-social'],
};

const submit = (
  overrides: Partial<SubmitBidContent & PartnerRegistryFacts> = {},
  competition: CompetitionFacts = openCompetition,
  actor: Actor = bidder,
  now = BEFORE_DEADLINE,
): SubmitBid => ({
  type: 'SubmitBid',
  data: {
    bidId: 'bid-1',
    tenderId: 'tender-1',
    lotId: 'lot-north',
    organisationId: 'org-youth-trust',
    pricePence: 9_950_000,
    qualityAnswers: [{ criterionId: 'crit-quality', answer: 'Trained mentors in every ward' }],
    socialValueCommitments: 'Two apprenticeships for local care leavers',
    subcontractors: [],
    consortium: null,
    registeredPartnerIds: [],
    ...overrides,
    competition,
  },
  metadata: at(now, actor),
});

const amend = (overrides: Partial<AmendBid['data']> = {}, actor: Actor = bidder, now = BEFORE_DEADLINE): AmendBid => ({
  type: 'AmendBid',
  data: {
    bidId: 'bid-1',
    pricePence: 9_500_000,
    qualityAnswers: [
      { criterionId: 'crit-quality', answer: 'Trained mentors in every ward, weekends too' },
      { criterionId: 'crit-social', answer: 'Local hiring' },
    ],
    socialValueCommitments: 'Three apprenticeships',
    subcontractors: [],
    consortium: null,
    registeredPartnerIds: [],
    ...overrides,
  },
  metadata: at(now, actor),
});

const amended: BidAmended = {
  type: 'BidAmended',
  data: {
    bidId: 'bid-1',
    pricePence: 9_500_000,
    qualityAnswers: [
      { criterionId: 'crit-quality', answer: 'Trained mentors in every ward, weekends too' },
      { criterionId: 'crit-social', answer: 'Local hiring' },
    ],
    socialValueCommitments: 'Three apprenticeships',
    subcontractors: [],
    consortium: null,
    amendedAt: BEFORE_DEADLINE,
  },
};

const withdraw = (actor: Actor = bidder, now = BEFORE_DEADLINE): WithdrawBid => ({
  type: 'WithdrawBid',
  data: { bidId: 'bid-1' },
  metadata: at(now, actor),
});

const withdrawn: BidWithdrawn = {
  type: 'BidWithdrawn',
  data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', withdrawnAt: BEFORE_DEADLINE },
};

const openBid = (now = DEADLINE, actor: Actor = platform): OpenBid => ({ type: 'OpenBid', data: { bidId: 'bid-1' }, metadata: at(now, actor) });

const opened: BidOpened = {
  type: 'BidOpened',
  data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', openedAt: DEADLINE },
};

describe('Bid', () => {
  it('lives in its own stream named after its id', () => {
    expect(bidStreamName('bid-1')).toBe('bid-bid-1');
  });

  describe('when submitted', () => {
    it('records the sealed content and the tender facts it is judged by', () => {
      spec.given([]).when(submit()).then([bidSubmitted]);
    });

    it('may be submitted by any provider of the organisation', () => {
      spec
        .given([])
        .when(submit({}, openCompetition, bidderColleague))
        .then([bidSubmitted]);
    });

    it.each<[string, SubmitBid, string]>([
      ['for a tender bidding has not heard of', submit({}, { status: 'unknown', tenderId: 'tender-1' }), 'TENDER_NOT_OPEN'],
      ['for a cancelled tender', submit({}, { ...openCompetition, status: 'cancelled' }), 'TENDER_NOT_OPEN'],
      ['for a closed tender', submit({}, { ...openCompetition, status: 'closed' }, bidder, AFTER_DEADLINE), 'TENDER_DEADLINE_PASSED'],
      ['at the deadline', submit({}, openCompetition, bidder, DEADLINE), 'TENDER_DEADLINE_PASSED'],
      ['for a lot the tender does not have', submit({ lotId: 'lot-east' }), 'LOT_NOT_FOUND'],
      ['on behalf of another organisation', submit({}, openCompetition, rivalBidder), 'NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION'],
      ['by a commissioner', submit({}, openCompetition, commissioner), 'NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION'],
      ['at no price', submit({ pricePence: 0 }), 'BID_PRICE_MUST_BE_POSITIVE_PENCE'],
      ['at a negative price', submit({ pricePence: -5 }), 'BID_PRICE_MUST_BE_POSITIVE_PENCE'],
      ['at a price in fractions of a penny', submit({ pricePence: 99.5 }), 'BID_PRICE_MUST_BE_POSITIVE_PENCE'],
      [
        'answering a criterion the tender does not have',
        submit({ qualityAnswers: [{ criterionId: 'crit-vibes', answer: 'Good' }] }),
        'ANSWER_FOR_UNKNOWN_CRITERION',
      ],
      [
        'answering the price criterion in words',
        submit({ qualityAnswers: [{ criterionId: 'crit-price', answer: 'Cheap' }] }),
        'ANSWER_FOR_UNKNOWN_CRITERION',
      ],
      [
        'answering a criterion twice',
        submit({
          qualityAnswers: [
            { criterionId: 'crit-quality', answer: 'One' },
            { criterionId: 'crit-quality', answer: 'Two' },
          ],
        }),
        'DUPLICATE_ANSWER_FOR_CRITERION',
      ],
    ])('is refused %s', (_case, command, code) => {
      spec.given([]).when(command).thenThrows(code);
    });

    it('cannot be submitted twice', () => {
      spec.given([bidSubmitted]).when(submit()).thenThrows('BID_ALREADY_SUBMITTED');
    });
  });

  describe('checked for compliance', () => {
    const assess = (compliant: boolean, reason: string, actor: Actor = commissioner): AssessBidCompliance => ({
      type: 'AssessBidCompliance',
      data: { bidId: 'bid-1', compliant, reason },
      metadata: at(AFTER_DEADLINE, actor),
    });
    const assessed = (compliant: boolean, reason: string) => ({
      type: 'BidComplianceAssessed' as const,
      data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', compliant, reason, assessedAt: AFTER_DEADLINE },
    });

    it('is found compliant or non-compliant with a reason by the tender’s commissioner once opened', () => {
      spec.given([bidSubmitted, opened]).when(assess(true, '')).then([assessed(true, '')]);
      spec.given([bidSubmitted, opened]).when(assess(false, ' No safeguarding policy attached ')).then([assessed(false, 'No safeguarding policy attached')]);
      expect(spec.given([bidSubmitted, opened, assessed(false, 'Late documents')]).fold()).toMatchObject({ status: 'non_compliant' });
    });

    it('needs a reason to be found non-compliant', () => {
      spec.given([bidSubmitted, opened]).when(assess(false, ' ')).thenThrows('NON_COMPLIANCE_REASON_REQUIRED');
    });

    it('is checked only once, only after opening, and only by the tender’s commissioners', () => {
      spec.given([bidSubmitted, opened, assessed(true, '')]).when(assess(false, 'Changed my mind')).thenThrows('BID_COMPLIANCE_ALREADY_ASSESSED');
      spec.given([bidSubmitted]).when(assess(true, '')).thenThrows('BID_NOT_OPENED');
      spec.given([bidSubmitted, opened]).when(assess(true, '', otherCommissioner)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
    });

    it('is not reopened by a repeated opening', () => {
      spec.given([bidSubmitted, opened, assessed(true, '')]).when({ type: 'OpenBid', data: { bidId: 'bid-1' }, metadata: at(AFTER_DEADLINE, platform) }).then([]);
    });
  });

  describe('after evaluation', () => {
    const shortlist = { type: 'MarkBidShortlisted' as const, data: { bidId: 'bid-1' }, metadata: at(AFTER_DEADLINE, platform) };
    const outcome = (successful: boolean) => ({ type: 'RecordBidOutcome' as const, data: { bidId: 'bid-1', successful }, metadata: at(AFTER_DEADLINE, platform) });
    const shortlisted = { type: 'BidShortlisted' as const, data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', shortlistedAt: AFTER_DEADLINE } };
    const won = { type: 'BidOutcomeRecorded' as const, data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', successful: true, decidedAt: AFTER_DEADLINE } };

    it('is shortlisted once opened, and only once', () => {
      spec.given([bidSubmitted, opened]).when(shortlist).then([shortlisted]);
      spec.given([bidSubmitted, opened, shortlisted]).when(shortlist).then([]);
    });

    it('is successful or unsuccessful when its lot is awarded, once', () => {
      spec.given([bidSubmitted, opened, shortlisted]).when(outcome(true)).then([won]);
      spec.given([bidSubmitted, opened]).when(outcome(false)).then([{ ...won, data: { ...won.data, successful: false } }]);
      spec.given([bidSubmitted, opened, shortlisted, won]).when(outcome(true)).then([]);
      expect(spec.given([bidSubmitted, opened, shortlisted, won]).fold()).toMatchObject({ status: 'successful' });
    });

    it('is marked by the platform only', () => {
      spec.given([bidSubmitted, opened]).when({ ...shortlist, metadata: at(AFTER_DEADLINE, commissioner) }).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });
  });

  describe('naming partners', () => {
    const consortium = { leadOrganisationId: 'org-youth-trust', members: [{ organisationId: 'org-youth-trust', sharePercent: 60 }, { organisationId: 'org-sports-cic', sharePercent: 40 }] };
    const subcontractors = [{ organisationId: 'org-arts-group', sharePercent: 10, scope: 'Arts sessions' }];

    it('records a consortium and proposed subcontractors with their shares', () => {
      spec
        .given([])
        .when(submit({ consortium, subcontractors, registeredPartnerIds: ['org-sports-cic', 'org-arts-group'] }))
        .then([{ type: 'BidSubmitted', data: { ...bidSubmitted.data, consortium, subcontractors } }]);
    });

    it('refuses partners the registry does not know', () => {
      spec.given([]).when(submit({ consortium, registeredPartnerIds: [] })).thenThrows('CONSORTIUM_MEMBER_NOT_REGISTERED');
    });

    it('checks the partners again when the bid is amended', () => {
      spec.given([bidSubmitted]).when(amend({ subcontractors, registeredPartnerIds: [] })).thenThrows('PROPOSED_SUBCONTRACTOR_NOT_REGISTERED');
      spec
        .given([bidSubmitted])
        .when(amend({ subcontractors, registeredPartnerIds: ['org-arts-group'] }))
        .then([{ type: 'BidAmended', data: { ...amended.data, subcontractors } }]);
    });

    it('reads a bid recorded before partners existed as having none', () => {
      const { subcontractors: _s, consortium: _c, ...legacy } = bidSubmitted.data;
      expect(spec.given([{ type: 'BidSubmitted', data: legacy }]).fold()).toMatchObject({ subcontractors: [], consortium: null });
    });
  });

  describe('before the deadline', () => {
    it('can be amended by its organisation, replacing its content', () => {
      spec.given([bidSubmitted]).when(amend()).then([amended]);
    });

    it('holds the amended content', () => {
      expect(spec.given([bidSubmitted, amended]).fold()).toMatchObject({
        status: 'submitted',
        pricePence: 9_500_000,
        socialValueCommitments: 'Three apprenticeships',
        amendedAt: BEFORE_DEADLINE,
      });
    });

    it('cannot be amended by another organisation', () => {
      spec.given([bidSubmitted]).when(amend({}, rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
    });

    it('cannot be amended to a price of nothing', () => {
      spec.given([bidSubmitted]).when(amend({ pricePence: 0 })).thenThrows('BID_PRICE_MUST_BE_POSITIVE_PENCE');
    });

    it('cannot be amended to answer an unknown criterion', () => {
      spec
        .given([bidSubmitted])
        .when(amend({ qualityAnswers: [{ criterionId: 'crit-x', answer: '?' }] }))
        .thenThrows('ANSWER_FOR_UNKNOWN_CRITERION');
    });

    it('can be withdrawn by its organisation', () => {
      spec.given([bidSubmitted]).when(withdraw()).then([withdrawn]);
    });

    it('cannot be withdrawn by another organisation', () => {
      spec.given([bidSubmitted]).when(withdraw(rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
    });

    it('cannot be opened', () => {
      spec.given([bidSubmitted]).when(openBid('2026-03-01T11:59:59.000Z')).thenThrows('TENDER_DEADLINE_NOT_REACHED');
    });
  });

  describe('once withdrawn', () => {
    it('cannot be withdrawn again', () => {
      spec.given([bidSubmitted, withdrawn]).when(withdraw()).thenThrows('BID_WITHDRAWN');
    });

    it('cannot be amended', () => {
      spec.given([bidSubmitted, withdrawn]).when(amend()).thenThrows('BID_WITHDRAWN');
    });

    it('is never opened', () => {
      spec.given([bidSubmitted, withdrawn]).when(openBid(AFTER_DEADLINE)).thenThrows('BID_WITHDRAWN');
    });
  });

  describe('after the deadline', () => {
    it('cannot be amended', () => {
      spec.given([bidSubmitted]).when(amend({}, bidder, DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
    });

    it('cannot be withdrawn', () => {
      spec.given([bidSubmitted]).when(withdraw(bidder, AFTER_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
    });

    it('is opened by the platform at the deadline', () => {
      spec.given([bidSubmitted]).when(openBid()).then([opened]);
    });

    it('records nothing when opened again', () => {
      spec.given([bidSubmitted, opened]).when(openBid(AFTER_DEADLINE)).then([]);
    });

    it('is not opened by a commissioner', () => {
      spec.given([bidSubmitted]).when(openBid(AFTER_DEADLINE, commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });
  });

  describe('that was never submitted', () => {
    it.each<[string, AmendBid | WithdrawBid | OpenBid]>([
      ['cannot be amended', amend()],
      ['cannot be withdrawn', withdraw()],
      ['cannot be opened', openBid()],
    ])('%s', (_case, command) => {
      spec.given([]).when(command).thenThrows('BID_NOT_FOUND');
    });
  });
});
