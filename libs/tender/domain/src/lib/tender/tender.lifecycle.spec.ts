/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { AwardLotData, CommissionedStrand, TenderCommand, TenderDraftContent } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type {
  AwardChallenged,
  AwardProposed,
  AwardWithdrawn,
  ChallengeResolved,
  EvaluationStarted,
  LotAwarded,
  LotEvaluated,
  TenderCancelled,
  TenderClosed,
  TenderDrafted,
  TenderEvent,
  TenderPublished,
} from './tender.events';
import { toIntegrationEvents } from './tender.integration';

const spec = DeciderSpecification.for(tenderDecider);
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const otherCouncil: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
const system: Actor = { userId: 'system:tender', role: 'system', organisationId: null };
const losingBidder: Actor = { userId: 'user-dev', role: 'provider', organisationId: 'org-arts-collective' };
const winner: Actor = { userId: 'user-eve', role: 'prime', organisationId: 'org-youth-trust' };
const bystander: Actor = { userId: 'user-fay', role: 'provider', organisationId: 'org-not-bidding' };

const DRAFTED_AT = '2026-01-20T09:00:00.000Z';
const PUBLISHED_AT = '2026-02-01T09:00:00.000Z';
const DEADLINE = '2026-03-01T12:00:00.000Z';
const PROPOSED_AT = '2026-03-02T09:30:00.000Z';
const STANDSTILL_ENDS = '2026-03-13T00:00:00.000Z';
const DURING_STANDSTILL = '2026-03-10T10:00:00.000Z';
const AFTER_STANDSTILL = '2026-03-13T00:00:01.000Z';

const as = (command: Omit<TenderCommand, 'metadata'>, actor: Actor = commissioner, now = PROPOSED_AT): TenderCommand =>
  ({ ...command, metadata: { now: new Date(now), actor, correlationId: 'corr-1' } }) as TenderCommand;

const strand: CommissionedStrand = {
  planId: 'plan-1',
  strandId: 'OPEN-ACCESS',
  area: null,
  planOrganisationId: 'org-leeds-council',
  deliveryModel: 'external',
  releasedForTender: true,
  planStrands: [
    { strandId: 'OPEN-ACCESS', deliveryModel: 'external', releasedForTender: true },
    { strandId: 'TARGETED', deliveryModel: 'mixed', releasedForTender: true },
    { strandId: 'DETACHED', deliveryModel: 'in_house', releasedForTender: false },
  ],
};

const content = (overrides: Partial<TenderDraftContent> = {}): TenderDraftContent => ({
  title: 'Open-access youth work',
  description: 'Evening youth clubs',
  category: 'youth-work',
  lots: [
    { lotId: 'NORTH', title: 'North', estimatedValuePence: 12_000_000, area: 'North' },
    { lotId: 'SOUTH', title: 'South', estimatedValuePence: 8_000_000, strandId: 'TARGETED', area: 'South' },
  ],
  criteria: [
    { criterionId: 'Q', name: 'Quality', kind: 'quality', weightPercent: 60 },
    { criterionId: 'P', name: 'Price', kind: 'price', weightPercent: 40 },
  ],
  submissionDeadline: DEADLINE,
  clarificationDeadline: null,
  lightTouchRegime: true,
  suitableForVcse: true,
  reservedParticipation: false,
  documents: [],
  ...overrides,
});

const drafted: TenderDrafted = {
  type: 'TenderDrafted',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    ...content(),
    planId: 'plan-1',
    strandId: 'OPEN-ACCESS',
    area: null,
    retenderOfTenderId: null,
    reason: null,
    draftedAt: DRAFTED_AT,
  },
};

const draft = (overrides: Partial<TenderDraftContent> = {}, actor: Actor = commissioner) =>
  as({ type: 'DraftTender', data: { tenderId: 'tender-1', organisationId: 'org-leeds-council', content: content(overrides), commissionedStrand: strand } }, actor, DRAFTED_AT);
const publishDraft = (commissionedStrand: CommissionedStrand | null = strand, actor: Actor = commissioner, now = PUBLISHED_AT) =>
  as({ type: 'PublishTenderDraft', data: { tenderId: 'tender-1', commissionedStrand } }, actor, now);

const { submissionDeadline: _unused, clarificationDeadline: _alsoUnused, ...publishedContent } = content();
const published: TenderPublished = {
  type: 'TenderPublished',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    ...publishedContent,
    submissionDeadline: DEADLINE,
    clarificationDeadline: DEADLINE,
    planId: 'plan-1',
    strandId: 'OPEN-ACCESS',
    area: null,
    publishedAt: PUBLISHED_AT,
  },
};
const closed: TenderClosed = { type: 'TenderClosed', data: { tenderId: 'tender-1', closedAt: DEADLINE } };
const opened: EvaluationStarted = {
  type: 'EvaluationStarted',
  data: {
    tenderId: 'tender-1',
    bids: [
      { bidId: 'bid-7', lotId: 'NORTH', organisationId: 'org-youth-trust' },
      { bidId: 'bid-8', lotId: 'NORTH', organisationId: 'org-arts-collective' },
      { bidId: 'bid-9', lotId: 'SOUTH', organisationId: 'org-arts-collective' },
    ],
    openedAt: DEADLINE,
  },
};
const evaluated = (winnerBidId = 'bid-7', winnerOrganisationId = 'org-youth-trust'): LotEvaluated => ({
  type: 'LotEvaluated',
  data: { tenderId: 'tender-1', lotId: 'NORTH', winnerBidId, winnerOrganisationId, evidenceRefs: ['moderation:bid-7:Q'], completedAt: '2026-03-02T09:00:00.000Z' },
});
const awardInput: AwardLotData = {
  tenderId: 'tender-1',
  lotId: 'NORTH',
  bidId: 'bid-7',
  valuePence: 11_500_000,
  rationale: 'Ranked first after moderation',
  evidenceRefs: ['award-report'],
  contractStartDate: '2026-04-01',
  contractEndDate: '2028-03-31',
  paymentTermsDays: 30,
  standstill: { kind: 'working_days', days: 8 },
};
const propose = (overrides: Partial<AwardLotData> = {}, now = PROPOSED_AT) => as({ type: 'ProposeAward', data: { ...awardInput, ...overrides } }, commissioner, now);
const proposed: AwardProposed = {
  type: 'AwardProposed',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    lotId: 'NORTH',
    bidId: 'bid-7',
    supplierOrganisationId: 'org-youth-trust',
    valuePence: 11_500_000,
    rationale: 'Ranked first after moderation',
    evidenceRefs: ['award-report', 'moderation:bid-7:Q'],
    contractStartDate: '2026-04-01',
    contractEndDate: '2028-03-31',
    paymentTermsDays: 30,
    standstillPeriod: '8 working days',
    proposedAt: PROPOSED_AT,
    standstillEndsAt: STANDSTILL_ENDS,
  },
};
const challenge = (actor: Actor = losingBidder, now = DURING_STANDSTILL, grounds = 'Our social value answer was not scored') =>
  as({ type: 'ChallengeAward', data: { tenderId: 'tender-1', lotId: 'NORTH', challengeId: 'challenge-1', grounds } }, actor, now);
const challenged: AwardChallenged = {
  type: 'AwardChallenged',
  data: {
    tenderId: 'tender-1',
    lotId: 'NORTH',
    challengeId: 'challenge-1',
    challengerOrganisationId: 'org-arts-collective',
    grounds: 'Our social value answer was not scored',
    challengedAt: DURING_STANDSTILL,
  },
};
const resolve = (outcome: 'upheld' | 'dismissed', reasoning = 'The moderation record shows it was scored', actor: Actor = commissioner, now = DURING_STANDSTILL) =>
  as({ type: 'ResolveChallenge', data: { tenderId: 'tender-1', challengeId: 'challenge-1', outcome, reasoning } }, actor, now);
const dismissed: ChallengeResolved = {
  type: 'ChallengeResolved',
  data: { tenderId: 'tender-1', lotId: 'NORTH', challengeId: 'challenge-1', outcome: 'dismissed', reasoning: 'The moderation record shows it was scored', resolvedAt: DURING_STANDSTILL },
};
const finalise = (now = AFTER_STANDSTILL, actor: Actor = system) => as({ type: 'FinaliseAward', data: { tenderId: 'tender-1', lotId: 'NORTH' } }, actor, now);
const awarded: LotAwarded = {
  type: 'LotAwarded',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    lotId: 'NORTH',
    bidId: 'bid-7',
    supplierOrganisationId: 'org-youth-trust',
    valuePence: 11_500_000,
    rationale: 'Ranked first after moderation',
    evidenceRefs: ['award-report', 'moderation:bid-7:Q'],
    contractStartDate: '2026-04-01',
    contractEndDate: '2028-03-31',
    paymentTermsDays: 30,
    awardedAt: AFTER_STANDSTILL,
    planId: 'plan-1',
    strandId: 'OPEN-ACCESS',
  },
};
const inStandstill: TenderEvent[] = [published, closed, opened, evaluated(), proposed];
const statusAfter = (events: readonly TenderEvent[]) => spec.given(events).fold().status;

describe('A tender drafted before it is published', () => {
  it('is recorded as an editable draft with its plan strand, lots covering strands and areas', () => {
    spec.given([]).when(draft()).then([drafted]);
    expect(statusAfter([drafted])).toBe('draft');
  });

  it('may be half-written: weights that do not yet add up and no deadline', () => {
    const [event] = tenderDecider.decide(
      draft({ submissionDeadline: null, criteria: [{ criterionId: 'Q', name: 'Quality', kind: 'quality', weightPercent: 30 }] }),
      tenderDecider.initialState(),
    ) as [TenderDrafted];
    expect(event.data).toMatchObject({ submissionDeadline: null, criteria: [{ weightPercent: 30 }] });
  });

  it('is revised by its commissioners, replacing what it says', () => {
    const revise = as({ type: 'ReviseTenderDraft', data: { tenderId: 'tender-1', content: content({ title: 'Youth clubs' }), commissionedStrand: strand } }, commissioner, DRAFTED_AT);
    const [event] = tenderDecider.decide(revise, spec.given([drafted]).fold());
    expect(event).toMatchObject({ type: 'TenderDraftRevised', data: { title: 'Youth clubs', planId: 'plan-1' } });
  });

  it('is published from what the draft says, under every rule of publication', () => {
    spec.given([drafted]).when(publishDraft()).then([published]);
    expect(statusAfter([drafted, published])).toBe('open');
  });

  it.each<[string, TenderCommand, string]>([
    ['by another council', draft({}, otherCouncil), 'NOT_A_COMMISSIONER_OF_THE_ORGANISATION'],
    ['with a lot naming a strand the plan does not have', draft({ lots: [{ lotId: 'X', title: 'X', estimatedValuePence: 1, strandId: 'ARTS' }] }), 'LOT_STRAND_NOT_IN_PLAN'],
    ['with a lot naming an in-house strand', draft({ lots: [{ lotId: 'X', title: 'X', estimatedValuePence: 1, strandId: 'DETACHED' }] }), 'LOT_STRAND_DELIVERED_IN_HOUSE'],
    ['with two lots of the same id', draft({ lots: [{ lotId: 'X', title: 'X', estimatedValuePence: 1 }, { lotId: 'X', title: 'Y', estimatedValuePence: 1 }] }), 'DUPLICATE_LOT_ID'],
    ['with a deadline that is not an instant', draft({ submissionDeadline: 'next Friday' }), 'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT'],
  ])('cannot be drafted %s', (_case, command, code) => {
    spec.given([]).when(command).thenThrows(code);
  });

  it('cannot name a strand on a lot when the tender belongs to no plan', () => {
    const command = as(
      { type: 'DraftTender', data: { tenderId: 'tender-1', organisationId: 'org-leeds-council', content: content(), commissionedStrand: null } },
      commissioner,
      DRAFTED_AT,
    );
    spec.given([]).when(command).thenThrows('LOT_STRAND_NEEDS_A_PLAN', { lotId: 'SOUTH' });
  });

  it.each<[string, TenderEvent[], TenderCommand, string]>([
    ['with weights that do not sum to 100', [{ ...drafted, data: { ...drafted.data, criteria: [{ criterionId: 'Q', name: 'Q', kind: 'quality', weightPercent: 90 }] } }], publishDraft(), 'CRITERIA_WEIGHTS_MUST_SUM_TO_100'],
    ['without a deadline', [{ ...drafted, data: { ...drafted.data, submissionDeadline: null } }], publishDraft(), 'SUBMISSION_DEADLINE_REQUIRED'],
    ['once its deadline has passed', [drafted], publishDraft(strand, commissioner, '2026-03-02T00:00:00.000Z'), 'SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE'],
    ['before the plan releases its strand', [drafted], publishDraft({ ...strand, releasedForTender: false }), 'STRAND_NOT_RELEASED_FOR_TENDER'],
    ['by another council', [drafted], publishDraft(strand, otherCouncil), 'NOT_A_COMMISSIONER_OF_THE_ORGANISATION'],
    ['twice', [drafted, published], publishDraft(), 'TENDER_NOT_A_DRAFT'],
    ['once cancelled', [drafted, { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'Not needed', cancelledAt: DRAFTED_AT } }], publishDraft(), 'TENDER_CANCELLED'],
  ])('cannot be published %s', (_case, history, command, code) => {
    spec.given(history).when(command).thenThrows(code);
  });

  it('takes no bids, questions or amendments while a draft', () => {
    spec
      .given([drafted])
      .when(as({ type: 'AskClarification', data: { tenderId: 'tender-1', questionId: 'q-1', question: 'When?' } }, losingBidder, DRAFTED_AT))
      .thenThrows('TENDER_IS_A_DRAFT');
  });

  it('may be cancelled with a reason and is then gone from the competition', () => {
    const cancel = as({ type: 'CancelTender', data: { tenderId: 'tender-1', reason: 'Funding moved to next year' } }, commissioner, DRAFTED_AT);
    spec.given([drafted]).when(cancel).then([{ type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'Funding moved to next year', cancelledAt: DRAFTED_AT } }]);
    expect(statusAfter([drafted, { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'x', cancelledAt: DRAFTED_AT } }])).toBe('cancelled');
  });

  it('publishes nothing to other contexts until it is published', () => {
    expect(toIntegrationEvents(drafted)).toEqual([]);
  });
});

describe('A re-tender after a decommissioning', () => {
  const retender = (actor: Actor = system) =>
    as(
      {
        type: 'DraftRetender',
        data: {
          tenderId: 'tender-2',
          previousTenderId: 'tender-1',
          lotId: 'NORTH',
          valuePence: 11_000_000,
          reason: 'Persistent under-delivery on reach',
          previous: {
            organisationId: 'org-leeds-council',
            title: 'Open-access youth work',
            description: 'Evening youth clubs',
            category: 'youth-work',
            lot: { lotId: 'NORTH', title: 'North', estimatedValuePence: 12_000_000, area: 'North' },
            criteria: content().criteria,
            planId: 'plan-1',
            strandId: 'OPEN-ACCESS',
            area: null,
            lightTouchRegime: true,
            suitableForVcse: true,
            reservedParticipation: false,
            documents: [],
          },
        },
      },
      actor,
      '2027-06-01T09:00:00.000Z',
    );

  it('is drafted by the system, linked to the old tender, for the decommissioned lot at the contract value', () => {
    const [event] = tenderDecider.decide(retender(), tenderDecider.initialState()) as [TenderDrafted];
    expect(event.data).toMatchObject({
      tenderId: 'tender-2',
      organisationId: 'org-leeds-council',
      title: 'Re-tender: Open-access youth work',
      lots: [{ lotId: 'NORTH', estimatedValuePence: 11_000_000, area: 'North' }],
      submissionDeadline: null,
      planId: 'plan-1',
      strandId: 'OPEN-ACCESS',
      retenderOfTenderId: 'tender-1',
      reason: 'Persistent under-delivery on reach',
    });
  });

  it('is drafted once, however often the decommissioning is delivered', () => {
    const [event] = tenderDecider.decide(retender(), tenderDecider.initialState()) as [TenderDrafted];
    spec.given([event]).when(retender()).then([]);
  });

  it('keeps its link when the commissioner publishes it', () => {
    const [event] = tenderDecider.decide(retender(), tenderDecider.initialState()) as [TenderDrafted];
    const [publishedRetender] = tenderDecider.decide(
      as({ type: 'PublishTenderDraft', data: { tenderId: 'tender-2', commissionedStrand: strand } }, commissioner, '2027-06-02T09:00:00.000Z'),
      spec.given([{ ...event, data: { ...event.data, submissionDeadline: '2027-07-01T12:00:00.000Z' } }]).fold(),
    ) as [TenderPublished];
    expect(publishedRetender.data.retenderOfTenderId).toBe('tender-1');
    expect(toIntegrationEvents(publishedRetender)[0]?.data).toMatchObject({ retenderOfTenderId: 'tender-1', planId: 'plan-1', strandId: 'OPEN-ACCESS' });
  });

  it('cannot be drafted by a person', () => {
    spec.given([]).when(retender(commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DRAFT_RETENDERS');
  });
});

describe('Evaluation, entered by the bidding context’s facts', () => {
  const openBids = (actor: Actor = system) => as({ type: 'RecordBidsOpened', data: { tenderId: 'tender-1', bids: opened.data.bids, openedAt: DEADLINE } }, actor, DEADLINE);
  const evaluate = (actor: Actor = system) =>
    as(
      {
        type: 'RecordLotEvaluation',
        data: { tenderId: 'tender-1', lotId: 'NORTH', winnerBidId: 'bid-7', winnerOrganisationId: 'org-youth-trust', evidenceRefs: ['moderation:bid-7:Q'], completedAt: '2026-03-02T09:00:00.000Z' },
      },
      actor,
      '2026-03-02T09:00:00.000Z',
    );

  it('starts when the bids are opened at the close', () => {
    spec.given([published, closed]).when(openBids()).then([opened]);
    expect(statusAfter([published, closed])).toBe('closed');
    expect(statusAfter([published, closed, opened])).toBe('under_evaluation');
  });

  it('records the opening once', () => {
    spec.given([published, closed, opened]).when(openBids()).then([]);
  });

  it('cannot start while bids are sealed, or by request', () => {
    spec.given([published]).when(openBids()).thenThrows('TENDER_NOT_CLOSED');
    spec.given([published, closed]).when(openBids(commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_RECORD_BIDDING_FACTS');
  });

  it('puts a lot in its final stage when its evaluation is completed; the tender follows when every lot is', () => {
    spec.given([published, closed, opened]).when(evaluate()).then([evaluated()]);
    expect(statusAfter([published, closed, opened, evaluated()])).toBe('under_evaluation');
    const south: LotEvaluated = { ...evaluated('bid-9', 'org-arts-collective'), data: { ...evaluated('bid-9', 'org-arts-collective').data, lotId: 'SOUTH' } };
    expect(statusAfter([published, closed, opened, evaluated(), south])).toBe('final_stage');
  });

  it('refuses an evaluation before the bids are opened, by request, or for a lot in standstill', () => {
    spec.given([published, closed]).when(evaluate()).thenThrows('TENDER_NOT_UNDER_EVALUATION');
    spec.given([published, closed, opened]).when(evaluate(commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_RECORD_BIDDING_FACTS');
    spec.given(inStandstill).when(evaluate()).thenThrows('LOT_NOT_UNDER_EVALUATION');
  });

  it('holds the award to the evaluation winner', () => {
    spec.given([published, closed, opened, evaluated()]).when(propose()).then([proposed]);
    spec
      .given([published, closed, opened, evaluated()])
      .when(propose({ bidId: 'bid-8' }))
      .thenThrows('AWARD_MUST_GO_TO_THE_EVALUATION_WINNER', { lotId: 'NORTH', winnerBidId: 'bid-7' });
  });

  it('lets an award rest on the opened bid and the rationale when no evaluation was published for the lot', () => {
    const [event] = tenderDecider.decide(propose({ bidId: 'bid-8' }), spec.given([published, closed, opened]).fold()) as [AwardProposed];
    expect(event.data).toMatchObject({ bidId: 'bid-8', supplierOrganisationId: 'org-arts-collective', evidenceRefs: ['award-report'] });
  });
});

describe('Standstill after a proposed award', () => {
  it('ends after 8 working days by default, at midnight UK time, recorded in the proposal', () => {
    expect(proposed.data.standstillEndsAt).toBe(STANDSTILL_ENDS);
    expect(statusAfter(inStandstill)).toBe('under_evaluation'); // SOUTH is still being evaluated
    expect(spec.given(inStandstill).fold()).toMatchObject({ lots: [{ lotId: 'NORTH', stage: 'standstill' }, { lotId: 'SOUTH', stage: 'under_evaluation' }] });
  });

  it('may be configured in seconds for tests and demonstrations', () => {
    const [event] = tenderDecider.decide(
      propose({ standstill: { kind: 'seconds', seconds: 5 } }),
      spec.given([published, closed, opened, evaluated()]).fold(),
    ) as [AwardProposed];
    expect(event.data).toMatchObject({ standstillPeriod: '5 seconds', standstillEndsAt: '2026-03-02T09:30:05.000Z' });
  });

  it('tells the bidding context of the proposal, so bidders can read their debrief', () => {
    expect(toIntegrationEvents(proposed)).toEqual([
      {
        type: 'tender.award-proposed.v1',
        data: {
          tenderId: 'tender-1',
          organisationId: 'org-leeds-council',
          lotId: 'NORTH',
          bidId: 'bid-7',
          supplierOrganisationId: 'org-youth-trust',
          valuePence: 11_500_000,
          proposedAt: PROPOSED_AT,
          standstillEndsAt: STANDSTILL_ENDS,
        },
      },
    ]);
  });

  it('makes the award final when it ends, with the plan and strand of the lot', () => {
    spec.given(inStandstill).when(finalise()).then([awarded]);
    const south = { ...awarded, data: { ...awarded.data, lotId: 'SOUTH' } };
    const [published_] = toIntegrationEvents(south);
    expect(published_).toMatchObject({ type: 'tender.lot-awarded.v1', data: { planId: 'plan-1', strandId: 'OPEN-ACCESS' } });
  });

  it('awards a lot naming its own strand under that strand', () => {
    const south = { ...proposed, data: { ...proposed.data, lotId: 'SOUTH', bidId: 'bid-9', supplierOrganisationId: 'org-arts-collective', evidenceRefs: ['award-report'] } };
    const [event] = tenderDecider.decide(
      as({ type: 'FinaliseAward', data: { tenderId: 'tender-1', lotId: 'SOUTH' } }, system, AFTER_STANDSTILL),
      spec.given([published, closed, opened, south]).fold(),
    ) as [LotAwarded];
    expect(event.data).toMatchObject({ lotId: 'SOUTH', planId: 'plan-1', strandId: 'TARGETED' });
  });

  it('records nothing when the scheduler finalises an award twice', () => {
    spec.given([...inStandstill, awarded]).when(finalise()).then([]);
  });

  it.each<[string, TenderEvent[], TenderCommand, string]>([
    ['before the standstill ends', inStandstill, finalise(DURING_STANDSTILL), 'STANDSTILL_NOT_ENDED'],
    ['by a person', inStandstill, finalise(AFTER_STANDSTILL, commissioner), 'ONLY_THE_SYSTEM_MAY_FINALISE_AWARDS'],
    ['with no proposed award', [published, closed, opened], finalise(), 'NO_AWARD_PROPOSED'],
    ['while a challenge is open', [...inStandstill, challenged], finalise(), 'AWARD_SUSPENDED_BY_CHALLENGE'],
    ['after the tender was cancelled', [...inStandstill, { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'x', cancelledAt: DURING_STANDSTILL } } as TenderCancelled], finalise(), 'TENDER_CANCELLED'],
  ])('cannot be made final %s', (_case, history, command, code) => {
    spec.given(history).when(command).thenThrows(code);
  });
});

describe('A challenge during standstill', () => {
  it('is made by a bidder on the lot, with grounds, and suspends the award', () => {
    spec.given(inStandstill).when(challenge()).then([challenged]);
    expect(spec.given([...inStandstill, challenged]).fold()).toMatchObject({ lots: [{ lotId: 'NORTH', stage: 'challenged' }, { lotId: 'SOUTH' }] });
  });

  it.each<[string, TenderEvent[], TenderCommand, string]>([
    ['outside standstill (before any proposal)', [published, closed, opened, evaluated()], challenge(), 'CHALLENGE_OUTSIDE_STANDSTILL'],
    ['after the standstill has ended', inStandstill, challenge(losingBidder, AFTER_STANDSTILL), 'CHALLENGE_OUTSIDE_STANDSTILL'],
    ['after the award is final', [...inStandstill, awarded], challenge(), 'CHALLENGE_OUTSIDE_STANDSTILL'],
    ['by an organisation that did not bid for the lot', inStandstill, challenge(bystander), 'ONLY_BIDDERS_ON_THE_LOT_MAY_CHALLENGE'],
    ['by a commissioner', inStandstill, challenge(commissioner), 'ONLY_BIDDERS_ON_THE_LOT_MAY_CHALLENGE'],
    ['by the proposed winner', inStandstill, challenge(winner), 'CANNOT_CHALLENGE_YOUR_OWN_AWARD'],
    ['without grounds', inStandstill, challenge(losingBidder, DURING_STANDSTILL, '  '), 'CHALLENGE_GROUNDS_REQUIRED'],
    ['twice under the same id', [...inStandstill, challenged], challenge(), 'DUPLICATE_CHALLENGE_ID'],
  ])('is refused %s', (_case, history, command, code) => {
    spec.given(history).when(command).thenThrows(code);
  });

  it('dismissed: the standstill carries on and the award becomes final when it ends', () => {
    spec.given([...inStandstill, challenged]).when(resolve('dismissed')).then([dismissed]);
    const afterDismissal = [...inStandstill, challenged, dismissed];
    expect(spec.given(afterDismissal).fold()).toMatchObject({ lots: [{ lotId: 'NORTH', stage: 'standstill' }, { lotId: 'SOUTH' }] });
    spec.given(afterDismissal).when(finalise()).then([awarded]);
    expect(toIntegrationEvents(dismissed)).toEqual([]);
  });

  it('upheld: the award is withdrawn, the lot goes back to evaluation, and a new evaluation is accepted', () => {
    const withdrawn: AwardWithdrawn = {
      type: 'AwardWithdrawn',
      data: { tenderId: 'tender-1', lotId: 'NORTH', bidId: 'bid-7', reason: 'The social value answer was never scored', withdrawnAt: DURING_STANDSTILL },
    };
    spec
      .given([...inStandstill, challenged])
      .when(resolve('upheld', 'The social value answer was never scored'))
      .then([{ ...dismissed, data: { ...dismissed.data, outcome: 'upheld', reasoning: 'The social value answer was never scored' } }, withdrawn]);
    const upheld: ChallengeResolved = { ...dismissed, data: { ...dismissed.data, outcome: 'upheld' } };
    const after = [...inStandstill, challenged, upheld, withdrawn];
    expect(spec.given(after).fold()).toMatchObject({ lots: [{ lotId: 'NORTH', stage: 'under_evaluation', proposal: null, evaluation: null }, { lotId: 'SOUTH' }] });
    expect(toIntegrationEvents(withdrawn)).toEqual([{ type: 'tender.award-withdrawn.v1', data: withdrawn.data }]);
    spec.given(after).when(finalise()).thenThrows('NO_AWARD_PROPOSED');
    spec.given(after).when(challenge(losingBidder, DURING_STANDSTILL)).thenThrows('CHALLENGE_OUTSIDE_STANDSTILL');
    // The re-run evaluation ranks the challenger first; the award now follows it.
    const reevaluated = evaluated('bid-8', 'org-arts-collective');
    const reevaluate = as(
      { type: 'RecordLotEvaluation', data: { tenderId: 'tender-1', lotId: 'NORTH', winnerBidId: 'bid-8', winnerOrganisationId: 'org-arts-collective', evidenceRefs: ['moderation:bid-7:Q'], completedAt: '2026-03-02T09:00:00.000Z' } },
      system,
      DURING_STANDSTILL,
    );
    spec.given(after).when(reevaluate).then([reevaluated]);
    const [reproposed] = tenderDecider.decide(propose({ bidId: 'bid-8' }, DURING_STANDSTILL), spec.given([...after, reevaluated]).fold()) as [AwardProposed];
    expect(reproposed.data).toMatchObject({ bidId: 'bid-8', supplierOrganisationId: 'org-arts-collective' });
  });

  it.each<[string, TenderEvent[], TenderCommand, string]>([
    ['by another council', [...inStandstill, challenged], resolve('dismissed', 'x', otherCouncil), 'NOT_THE_TENDER_COMMISSIONER'],
    ['without reasoning', [...inStandstill, challenged], resolve('dismissed', ' '), 'CHALLENGE_REASONING_REQUIRED'],
    ['when there is no such challenge', inStandstill, resolve('dismissed'), 'CHALLENGE_NOT_FOUND'],
    ['twice', [...inStandstill, challenged, dismissed], resolve('upheld'), 'CHALLENGE_ALREADY_RESOLVED'],
  ])('cannot be resolved %s', (_case, history, command, code) => {
    spec.given(history).when(command).thenThrows(code);
  });
});

describe('An amendment that extends the deadline', () => {
  const amend = (submissionDeadline: string | null, clarificationDeadline: string | null = null, now = '2026-02-10T09:00:00.000Z') =>
    as({ type: 'AmendTenderDocument', data: { tenderId: 'tender-1', documentId: null, contentHash: null, summary: 'More time for consortium bids', submissionDeadline, clarificationDeadline } }, commissioner, now);

  it('moves the submission deadline later and tells every provider', () => {
    const [event] = tenderDecider.decide(amend('2026-03-15T12:00:00+00:00'), spec.given([published]).fold());
    expect(event).toEqual({
      type: 'TenderDeadlineExtended',
      data: {
        tenderId: 'tender-1',
        previousSubmissionDeadline: DEADLINE,
        submissionDeadline: '2026-03-15T12:00:00.000Z',
        previousClarificationDeadline: DEADLINE,
        clarificationDeadline: DEADLINE,
        reason: 'More time for consortium bids',
        extendedAt: '2026-02-10T09:00:00.000Z',
      },
    });
    expect(toIntegrationEvents(event as TenderEvent)[0]).toMatchObject({ type: 'tender.deadline-extended.v1', data: { submissionDeadline: '2026-03-15T12:00:00.000Z' } });
  });

  it('is honoured by time: the tender no longer closes at the old deadline', () => {
    const [event] = tenderDecider.decide(amend('2026-03-15T12:00:00Z', '2026-03-10T12:00:00Z'), spec.given([published]).fold()) as [TenderEvent];
    const close = as({ type: 'CloseTender', data: { tenderId: 'tender-1' } }, system, DEADLINE);
    spec.given([published, event]).when(close).thenThrows('TENDER_DEADLINE_NOT_REACHED');
    const ask = as({ type: 'AskClarification', data: { tenderId: 'tender-1', questionId: 'q-1', question: 'Can we subcontract?' } }, losingBidder, '2026-03-05T09:00:00.000Z');
    expect(tenderDecider.decide(ask, spec.given([published, event]).fold())).toHaveLength(1);
  });

  it.each<[string, TenderCommand, string]>([
    ['earlier than before', amend('2026-02-20T12:00:00Z'), 'DEADLINE_MAY_ONLY_MOVE_LATER'],
    ['with questions closing after bids', amend('2026-03-15T12:00:00Z', '2026-03-20T12:00:00Z'), 'CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE'],
    ['changing nothing', amend(DEADLINE), 'AMENDMENT_CHANGES_NOTHING'],
    ['after the deadline', amend('2026-03-15T12:00:00Z', null, '2026-03-01T12:00:01.000Z'), 'TENDER_DEADLINE_PASSED'],
    ['with a deadline that is not an instant', amend('soon'), 'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([published]).when(command).thenThrows(code);
  });
});
