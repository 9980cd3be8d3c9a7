/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { AwardLotData, CancelTender, CloseTender, ProposeAward, PublishTender, PublishTenderData } from './tender.commands';
import { tenderDecider, tenderStreamName } from './tender.decider';
import type { AwardProposed, EvaluationStarted, LotAwarded, TenderCancelled, TenderClosed, TenderPublished } from './tender.events';

const spec = DeciderSpecification.for(tenderDecider);

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const otherCouncil: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
const provider: Actor = { userId: 'user-cleo', role: 'provider', organisationId: 'org-leeds-council' };
const scheduler: Actor = { userId: 'scheduler', role: 'system', organisationId: null };

const DEADLINE = '2026-03-01T12:00:00.000Z';
const BEFORE_DEADLINE = '2026-02-01T09:00:00.000Z';
const AT_DEADLINE = DEADLINE;
const AFTER_DEADLINE = '2026-03-02T09:30:00.000Z';

const metadata = (now: string, actor: Actor = commissioner): CommandMetadata => ({ now: new Date(now), actor, correlationId: 'corr-1' });

const publishData = (overrides: Partial<PublishTenderData> = {}): PublishTenderData => ({
  tenderId: 'tender-1',
  organisationId: 'org-leeds-council',
  title: 'Youth mentoring in Harehills',
  description: 'One-to-one mentoring for 11-18 year olds',
  category: 'youth-services',
  lots: [
    { lotId: 'lot-north', title: 'North', estimatedValuePence: 12_000_000 },
    { lotId: 'lot-south', title: 'South', estimatedValuePence: 8_000_000 },
  ],
  criteria: [
    { criterionId: 'crit-quality', name: 'Quality of delivery', kind: 'quality', weightPercent: 50 },
    { criterionId: 'crit-price', name: 'Price', kind: 'price', weightPercent: 30 },
    { criterionId: 'crit-youth', name: 'Youth panel', kind: 'youth_panel', weightPercent: 20 },
  ],
  submissionDeadline: DEADLINE,
  clarificationDeadline: null,
  lightTouchRegime: true,
  suitableForVcse: true,
  reservedParticipation: false,
  commissionedStrand: null,
  documents: [],
  ...overrides,
});

const { commissionedStrand: _notRecorded, ...recordedPublishData } = publishData();

const publish = (overrides: Partial<PublishTenderData> = {}, actor: Actor = commissioner, now = BEFORE_DEADLINE): PublishTender => ({
  type: 'PublishTender',
  data: publishData(overrides),
  metadata: metadata(now, actor),
});

const tenderPublished: TenderPublished = {
  type: 'TenderPublished',
  data: { ...recordedPublishData, clarificationDeadline: DEADLINE, planId: null, strandId: null, area: null, documents: [], publishedAt: BEFORE_DEADLINE },
};

const close = (now = AT_DEADLINE, actor: Actor = scheduler): CloseTender => ({
  type: 'CloseTender',
  data: { tenderId: 'tender-1' },
  metadata: metadata(now, actor),
});

const tenderClosed: TenderClosed = { type: 'TenderClosed', data: { tenderId: 'tender-1', closedAt: AT_DEADLINE } };

const awardData = (overrides: Partial<AwardLotData> = {}): AwardLotData => ({
  tenderId: 'tender-1',
  lotId: 'lot-north',
  bidId: 'bid-7',
  valuePence: 11_500_000,
  rationale: 'Highest combined score; strong youth panel feedback',
  evidenceRefs: ['doc-moderation-minutes'],
  contractStartDate: '2026-04-01',
  contractEndDate: '2028-03-31',
  paymentTermsDays: 14,
  standstill: { kind: 'working_days', days: 8 },
  ...overrides,
});

const bidsOpened: EvaluationStarted = {
  type: 'EvaluationStarted',
  data: {
    tenderId: 'tender-1',
    bids: [
      { bidId: 'bid-7', lotId: 'lot-north', organisationId: 'org-youth-trust' },
      { bidId: 'bid-8', lotId: 'lot-north', organisationId: 'org-arts-collective' },
      { bidId: 'bid-9', lotId: 'lot-south', organisationId: 'org-arts-collective' },
    ],
    openedAt: AT_DEADLINE,
  },
};

const award = (overrides: Partial<AwardLotData> = {}, actor: Actor = commissioner): ProposeAward => ({
  type: 'ProposeAward',
  data: awardData(overrides),
  metadata: metadata(AFTER_DEADLINE, actor),
});

const lotAwarded = (lotId = 'lot-north', overrides: Partial<LotAwarded['data']> = {}): LotAwarded => ({
  type: 'LotAwarded',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    lotId,
    bidId: 'bid-7',
    supplierOrganisationId: 'org-youth-trust',
    valuePence: 11_500_000,
    rationale: 'Highest combined score; strong youth panel feedback',
    evidenceRefs: ['doc-moderation-minutes'],
    contractStartDate: '2026-04-01',
    contractEndDate: '2028-03-31',
    paymentTermsDays: 14,
    awardedAt: AFTER_DEADLINE,
    ...overrides,
  },
});

// Monday 2 March 2026 + 8 working days: the standstill ends at midnight at the end of Thursday 12 March.
const awardProposed = (overrides: Partial<AwardProposed['data']> = {}): AwardProposed => ({
  type: 'AwardProposed',
  data: {
    tenderId: 'tender-1',
    organisationId: 'org-leeds-council',
    lotId: 'lot-north',
    bidId: 'bid-7',
    supplierOrganisationId: 'org-youth-trust',
    valuePence: 11_500_000,
    rationale: 'Highest combined score; strong youth panel feedback',
    evidenceRefs: ['doc-moderation-minutes'],
    contractStartDate: '2026-04-01',
    contractEndDate: '2028-03-31',
    paymentTermsDays: 14,
    standstillPeriod: '8 working days',
    proposedAt: AFTER_DEADLINE,
    standstillEndsAt: '2026-03-13T00:00:00.000Z',
    ...overrides,
  },
});

const cancel = (reason = 'Budget withdrawn by cabinet', actor: Actor = commissioner, now = BEFORE_DEADLINE): CancelTender => ({
  type: 'CancelTender',
  data: { tenderId: 'tender-1', reason },
  metadata: metadata(now, actor),
});

const tenderCancelled: TenderCancelled = {
  type: 'TenderCancelled',
  data: { tenderId: 'tender-1', reason: 'Budget withdrawn by cabinet', cancelledAt: BEFORE_DEADLINE },
};

describe('Tender', () => {
  it('lives in its own stream named after its id', () => {
    expect(tenderStreamName('tender-1')).toBe('tender-tender-1');
  });

  describe('when published', () => {
    it('is recorded with its lots, criteria and flags', () => {
      spec.given([]).when(publish()).then([tenderPublished]);
    });

    it('records the deadline as a UTC instant whatever offset it was given in', () => {
      spec
        .given([])
        .when(publish({ submissionDeadline: '2026-03-01T13:00:00+01:00' }))
        .then([tenderPublished]);
    });

    it('may have a lot whose value is not estimated yet', () => {
      const lots = [{ lotId: 'lot-only', title: 'Citywide', estimatedValuePence: 0 }];
      spec.given([]).when(publish({ lots })).then([{ ...tenderPublished, data: { ...tenderPublished.data, lots } }]);
    });

    it('is open for bids', () => {
      expect(spec.given([tenderPublished]).fold()).toMatchObject({ status: 'open', submissionDeadline: DEADLINE });
    });

    it.each<[string, PublishTender, string]>([
      ['by a provider', publish({}, provider), 'NOT_A_COMMISSIONER_OF_THE_ORGANISATION'],
      ['by a commissioner of another council', publish({}, otherCouncil), 'NOT_A_COMMISSIONER_OF_THE_ORGANISATION'],
      ['without a title', publish({ title: '   ' }), 'TENDER_TITLE_REQUIRED'],
      ['without lots', publish({ lots: [] }), 'TENDER_NEEDS_AT_LEAST_ONE_LOT'],
      [
        'with two lots sharing an id',
        publish({ lots: [{ lotId: 'lot-a', title: 'A', estimatedValuePence: 1 }, { lotId: 'lot-a', title: 'B', estimatedValuePence: 1 }] }),
        'DUPLICATE_LOT_ID',
      ],
      ['with an untitled lot', publish({ lots: [{ lotId: 'lot-a', title: '', estimatedValuePence: 1 }] }), 'LOT_TITLE_REQUIRED'],
      [
        'with a lot estimate in fractions of a penny',
        publish({ lots: [{ lotId: 'lot-a', title: 'A', estimatedValuePence: 10.5 }] }),
        'LOT_ESTIMATE_MUST_BE_WHOLE_PENCE',
      ],
      [
        'with a negative lot estimate',
        publish({ lots: [{ lotId: 'lot-a', title: 'A', estimatedValuePence: -100 }] }),
        'LOT_ESTIMATE_MUST_BE_WHOLE_PENCE',
      ],
      ['without criteria', publish({ criteria: [] }), 'TENDER_NEEDS_AT_LEAST_ONE_CRITERION'],
      [
        'with two criteria sharing an id',
        publish({
          criteria: [
            { criterionId: 'crit', name: 'Quality', kind: 'quality', weightPercent: 50 },
            { criterionId: 'crit', name: 'Price', kind: 'price', weightPercent: 50 },
          ],
        }),
        'DUPLICATE_CRITERION_ID',
      ],
      [
        'with a criterion of an unknown kind',
        publish({ criteria: [{ criterionId: 'crit', name: 'Vibes', kind: 'vibes' as never, weightPercent: 100 }] }),
        'UNKNOWN_CRITERION_KIND',
      ],
      [
        'with a fractional weight',
        publish({
          criteria: [
            { criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 50.5 },
            { criterionId: 'crit-p', name: 'Price', kind: 'price', weightPercent: 49.5 },
          ],
        }),
        'CRITERION_WEIGHT_MUST_BE_WHOLE_PERCENT',
      ],
      [
        'with a zero weight',
        publish({
          criteria: [
            { criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 100 },
            { criterionId: 'crit-p', name: 'Price', kind: 'price', weightPercent: 0 },
          ],
        }),
        'CRITERION_WEIGHT_MUST_BE_WHOLE_PERCENT',
      ],
      [
        'with weights summing to less than 100',
        publish({
          criteria: [
            { criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 60 },
            { criterionId: 'crit-p', name: 'Price', kind: 'price', weightPercent: 30 },
          ],
        }),
        'CRITERIA_WEIGHTS_MUST_SUM_TO_100',
      ],
      [
        'with weights summing to more than 100',
        publish({
          criteria: [
            { criterionId: 'crit-q', name: 'Quality', kind: 'quality', weightPercent: 70 },
            { criterionId: 'crit-p', name: 'Price', kind: 'price', weightPercent: 40 },
          ],
        }),
        'CRITERIA_WEIGHTS_MUST_SUM_TO_100',
      ],
      ['with a deadline that is not an instant', publish({ submissionDeadline: '2026-03-01' }), 'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT'],
      ['with a deadline in words', publish({ submissionDeadline: 'next Friday' }), 'SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT'],
      ['with a deadline in the past', publish({}, commissioner, AFTER_DEADLINE), 'SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE'],
      ['with a deadline of right now', publish({}, commissioner, DEADLINE), 'SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([]).when(command).thenThrows(code);
    });

    it('cannot be published twice', () => {
      spec.given([tenderPublished]).when(publish()).thenThrows('TENDER_ALREADY_PUBLISHED');
    });
  });

  describe('when the deadline comes', () => {
    it('is closed by the scheduler at the deadline', () => {
      spec.given([tenderPublished]).when(close(AT_DEADLINE)).then([tenderClosed]);
    });

    it('records nothing more when the scheduler closes it again', () => {
      spec.given([tenderPublished, tenderClosed]).when(close(AFTER_DEADLINE)).then([]);
    });

    it('cannot be closed before its deadline', () => {
      spec.given([tenderPublished]).when(close('2026-03-01T11:59:59.999Z')).thenThrows('TENDER_DEADLINE_NOT_REACHED');
    });

    it('cannot be closed by a commissioner', () => {
      spec.given([tenderPublished]).when(close(AFTER_DEADLINE, commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_CLOSE_TENDERS');
    });

    it('cannot be closed once cancelled', () => {
      spec.given([tenderPublished, tenderCancelled]).when(close(AFTER_DEADLINE)).thenThrows('TENDER_CANCELLED');
    });

    it('cannot be closed if it was never published', () => {
      spec.given([]).when(close()).thenThrows('TENDER_NOT_FOUND');
    });
  });

  describe('when an award is proposed', () => {
    const evaluating = [tenderPublished, tenderClosed, bidsOpened];

    it('records the proposal with its rationale, evidence, contract terms and the end of standstill', () => {
      spec.given(evaluating).when(award()).then([awardProposed()]);
    });

    it('takes the supplier from the opened bid, never from the request', () => {
      spec.given(evaluating).when(award({ bidId: 'bid-8' })).then([awardProposed({ bidId: 'bid-8', supplierOrganisationId: 'org-arts-collective' })]);
    });

    it('trims the rationale it records', () => {
      spec.given(evaluating).when(award({ rationale: '  Best value for young people  ' })).then([awardProposed({ rationale: 'Best value for young people' })]);
    });

    it('accepts payment terms of exactly 30 days', () => {
      spec.given(evaluating).when(award({ paymentTermsDays: 30 })).then([awardProposed({ paymentTermsDays: 30 })]);
    });

    it('puts the tender in standstill once no lot is less advanced', () => {
      const state = spec.given([...evaluating, awardProposed(), awardProposed({ lotId: 'lot-south', bidId: 'bid-9' })]).fold();
      expect(state.status).toBe('standstill');
    });

    it('leaves the tender under evaluation while another lot is', () => {
      expect(spec.given([...evaluating, awardProposed()]).fold().status).toBe('under_evaluation');
    });

    it('is fully awarded once every lot is (awards recorded before standstill existed replay as before)', () => {
      const state = spec.given([tenderPublished, tenderClosed, lotAwarded('lot-north'), lotAwarded('lot-south')]).fold();
      expect(state.status).toBe('awarded');
    });

    it('stays closed while some lots are unawarded', () => {
      const state = spec.given([tenderPublished, tenderClosed, lotAwarded('lot-north')]).fold();
      expect(state.status).toBe('closed');
    });

    it.each<[string, ProposeAward, string]>([
      ['to a lot the tender does not have', award({ lotId: 'lot-east' }), 'LOT_NOT_FOUND'],
      ['by a commissioner of another council', award({}, otherCouncil), 'NOT_THE_TENDER_COMMISSIONER'],
      ['by a provider of the same organisation', award({}, provider), 'NOT_THE_TENDER_COMMISSIONER'],
      ['without a rationale', award({ rationale: '  ' }), 'AWARD_RATIONALE_REQUIRED'],
      ['to a bid that was not opened', award({ bidId: 'bid-404' }), 'BID_NOT_FOUND'],
      ['to a bid for another lot', award({ bidId: 'bid-9' }), 'BID_IS_FOR_ANOTHER_LOT'],
      ['worth nothing', award({ valuePence: 0 }), 'AWARD_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['worth fractions of a penny', award({ valuePence: 100.25 }), 'AWARD_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['with a contract start that is not a date', award({ contractStartDate: '1 April 2026' }), 'CONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['with a contract end that does not exist', award({ contractEndDate: '2027-02-30' }), 'CONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['with a contract ending before it starts', award({ contractEndDate: '2026-03-31' }), 'CONTRACT_END_MUST_BE_AFTER_START'],
      ['with payment terms of 31 days', award({ paymentTermsDays: 31 }), 'PAYMENT_TERMS_EXCEED_30_DAYS'],
      ['with payment terms in part days', award({ paymentTermsDays: 14.5 }), 'PAYMENT_TERMS_MUST_BE_WHOLE_DAYS'],
      ['with a standstill of no working days', award({ standstill: { kind: 'working_days', days: 0 } }), 'STANDSTILL_PERIOD_INVALID'],
    ])('is refused %s', (_case, command, code) => {
      spec.given(evaluating).when(command).thenThrows(code);
    });

    it('cannot be proposed before the tender closes', () => {
      spec.given([tenderPublished]).when(award()).thenThrows('TENDER_NOT_CLOSED');
    });

    it('cannot be proposed before the bids are opened', () => {
      spec.given([tenderPublished, tenderClosed]).when(award()).thenThrows('TENDER_NOT_UNDER_EVALUATION');
    });

    it('cannot be proposed twice', () => {
      spec.given([...evaluating, awardProposed()]).when(award({ bidId: 'bid-8' })).thenThrows('AWARD_ALREADY_PROPOSED');
    });

    it('cannot be proposed for a lot already awarded', () => {
      spec.given([...evaluating, lotAwarded()]).when(award({ bidId: 'bid-8' })).thenThrows('LOT_ALREADY_AWARDED');
    });

    it('cannot be proposed once the tender is cancelled', () => {
      spec.given([...evaluating, tenderCancelled]).when(award()).thenThrows('TENDER_CANCELLED');
    });

    it('cannot be proposed on a tender that was never published', () => {
      spec.given([]).when(award()).thenThrows('TENDER_NOT_FOUND');
    });
  });

  describe('when cancelled', () => {
    it('is cancelled with its reason while open', () => {
      spec.given([tenderPublished]).when(cancel()).then([tenderCancelled]);
    });

    it('may be cancelled after closing, before any award', () => {
      spec
        .given([tenderPublished, tenderClosed])
        .when(cancel('No compliant bids', commissioner, AFTER_DEADLINE))
        .then([{ type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'No compliant bids', cancelledAt: AFTER_DEADLINE } }]);
    });

    it('needs a reason', () => {
      spec.given([tenderPublished]).when(cancel(' ')).thenThrows('CANCELLATION_REASON_REQUIRED');
    });

    it('cannot be cancelled once a lot is awarded', () => {
      spec
        .given([tenderPublished, tenderClosed, lotAwarded()])
        .when(cancel('Changed our mind', commissioner, AFTER_DEADLINE))
        .thenThrows('TENDER_ALREADY_AWARDED', { awardedLotIds: ['lot-north'] });
    });

    it('cannot be cancelled twice', () => {
      spec.given([tenderPublished, tenderCancelled]).when(cancel()).thenThrows('TENDER_ALREADY_CANCELLED');
    });

    it('cannot be cancelled by another council', () => {
      spec.given([tenderPublished]).when(cancel('Not ours', otherCouncil)).thenThrows('NOT_THE_TENDER_COMMISSIONER');
    });

    it('cannot be cancelled if it was never published', () => {
      spec.given([]).when(cancel()).thenThrows('TENDER_NOT_FOUND');
    });
  });
});
