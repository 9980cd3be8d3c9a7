/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type {
  AddStrandData,
  CommissioningPlanCommand,
  DraftCommissioningPlanData,
  PublishMarketEngagementNoticeData,
  RecordNeedsEvidenceData,
} from './commissioning-plan.commands';
import { commissioningPlanDecider, commissioningPlanStreamName } from './commissioning-plan.decider';
import type {
  CommissioningPlanDrafted,
  CommissioningPlanEvent,
  MarketEngagementNoticePublished,
  MarketInterestRegistered,
  NoMarketEngagementReasonRecorded,
  StrandAdded,
  StrandReleasedForTender,
} from './commissioning-plan.events';

const spec = DeciderSpecification.for(commissioningPlanDecider);

const COUNCIL = 'org-northmoor';
const commissioner: Actor = { userId: 'user-clara', role: 'commissioner', organisationId: COUNCIL };
const otherCouncil: Actor = { userId: 'user-ed', role: 'commissioner', organisationId: 'org-eastbridge' };
const charityProvider: Actor = { userId: 'user-yasmin', role: 'provider', organisationId: 'org-brightpath' };
const landlordPrime: Actor = { userId: 'user-harriet', role: 'prime', organisationId: 'org-moorland' };
const auditor: Actor = { userId: 'user-audrey', role: 'auditor', organisationId: null };

const NOW = '2026-01-15T10:00:00.000Z';
const metadata = (actor: Actor, now = NOW): CommandMetadata => ({ now: new Date(now), actor, correlationId: 'corr-1' });
const as = (command: Omit<CommissioningPlanCommand, 'metadata'>, actor: Actor = commissioner, now = NOW): CommissioningPlanCommand =>
  ({ ...command, metadata: metadata(actor, now) }) as CommissioningPlanCommand;

const outcomes = [
  { measureId: 'LAP', name: 'Learning, achievement and progress', kind: 'learning_achievement_progress', target: '70% report progress' },
  { measureId: 'REACH', name: 'Young people engaged', kind: 'reach', target: '1,200 a year' },
] as const;

const draftData = (overrides: Partial<DraftCommissioningPlanData> = {}): DraftCommissioningPlanData => ({
  planId: 'plan-1',
  organisationId: COUNCIL,
  title: "Young people's services 2026-2029",
  periodStart: '2026-04-01',
  periodEnd: '2029-03-31',
  inHouseBudgetPence: 30_000_000,
  externalBudgetPence: 70_000_000,
  outcomes: [...outcomes],
  ...overrides,
});

const drafted: CommissioningPlanDrafted = { type: 'CommissioningPlanDrafted', data: { ...draftData(), draftedAt: NOW } };

const strandData = (overrides: Partial<AddStrandData> = {}): AddStrandData => ({
  planId: 'plan-1',
  strandId: 'OPEN-NORTH',
  name: 'Open-access youth work',
  area: 'North',
  budgetPence: 40_000_000,
  deliveryModel: 'external',
  optionsAppraisal: { optionsConsidered: ['in-house', 'contract'], conclusion: 'Local charities reach more young people' },
  inHouseRationale: null,
  ...overrides,
});

const strandAdded = (overrides: Partial<AddStrandData> = {}): StrandAdded => ({ type: 'StrandAdded', data: { ...strandData(overrides), addedAt: NOW } });
const inHouseStrand = strandAdded({
  strandId: 'TARGETED',
  name: 'Targeted support',
  area: null,
  budgetPence: 30_000_000,
  deliveryModel: 'in_house',
  inHouseRationale: 'Statutory duties sit with the council’s own team',
});
const mixedStrand = strandAdded({ strandId: 'ARTS', name: 'Arts', area: null, budgetPence: 20_000_000, deliveryModel: 'mixed', inHouseRationale: 'Venues are ours' });

const noticeData = (overrides: Partial<PublishMarketEngagementNoticeData> = {}): PublishMarketEngagementNoticeData => ({
  planId: 'plan-1',
  noticeId: 'notice-1',
  strandIds: ['OPEN-NORTH'],
  summary: 'We intend to commission open-access youth work in the North',
  respondBy: '2026-02-15',
  ...overrides,
});
const noticePublished: MarketEngagementNoticePublished = {
  type: 'MarketEngagementNoticePublished',
  data: { ...noticeData(), organisationId: COUNCIL, publishedAt: NOW },
};
const charityInterested: MarketInterestRegistered = {
  type: 'MarketInterestRegistered',
  data: { planId: 'plan-1', noticeId: 'notice-1', providerOrganisationId: 'org-brightpath', providerKind: 'charity', registeredAt: NOW },
};

const evidenceData = (overrides: Partial<RecordNeedsEvidenceData> = {}): RecordNeedsEvidenceData => ({
  planId: 'plan-1',
  evidenceId: 'ev-1',
  conductedOn: '2025-11-20',
  method: 'focus_group',
  participants: 14,
  findings: 'Young people want safe spaces open later on Fridays',
  ...overrides,
});

const given = (...events: CommissioningPlanEvent[]) => spec.given(events);

describe('Commissioning plan', () => {
  it('lives in its own stream named after its id', () => {
    expect(commissioningPlanStreamName('plan-1')).toBe('commissioningplan-plan-1');
  });

  describe('when drafted', () => {
    it('records the period, the resource and the outcomes framework', () => {
      given().when(as({ type: 'DraftCommissioningPlan', data: draftData() })).then([drafted]);
    });

    it('is drafted only by a commissioner of its council', () => {
      given().when(as({ type: 'DraftCommissioningPlan', data: draftData() }, otherCouncil)).thenThrows('NOT_A_COMMISSIONER_OF_THE_ORGANISATION');
      given().when(as({ type: 'DraftCommissioningPlan', data: draftData() }, charityProvider)).thenThrows('NOT_A_COMMISSIONER_OF_THE_ORGANISATION');
    });

    it('cannot be drafted twice', () => {
      given(drafted).when(as({ type: 'DraftCommissioningPlan', data: draftData() })).thenThrows('PLAN_ALREADY_DRAFTED');
    });

    it.each<[string, Partial<DraftCommissioningPlanData>]>([
      ['PLAN_TITLE_REQUIRED', { title: '  ' }],
      ['PLAN_PERIOD_MUST_BE_ISO_DATES', { periodEnd: '2029-02-30' }],
      ['PLAN_PERIOD_END_MUST_BE_AFTER_START', { periodEnd: '2026-04-01' }],
      ['PLAN_BUDGET_MUST_BE_WHOLE_PENCE', { inHouseBudgetPence: 10.5 }],
      ['PLAN_BUDGET_MUST_NOT_BE_NIL', { inHouseBudgetPence: 0, externalBudgetPence: 0 }],
      ['DUPLICATE_OUTCOME_MEASURE_ID', { outcomes: [...outcomes, { ...outcomes[0], kind: 'other' }] }],
      ['UNKNOWN_OUTCOME_MEASURE_KIND', { outcomes: [...outcomes, { measureId: 'X', name: 'X', kind: 'vibes' as never, target: 'lots' }] }],
      ['OUTCOME_MEASURE_NAME_AND_TARGET_REQUIRED', { outcomes: [...outcomes, { measureId: 'X', name: 'Wellbeing', kind: 'other', target: ' ' }] }],
    ])('is refused with %s for bad input', (code, overrides) => {
      given().when(as({ type: 'DraftCommissioningPlan', data: draftData(overrides) })).thenThrows(code);
    });

    it("always measures young people's learning, achievement and progress, and reach", () => {
      given()
        .when(as({ type: 'DraftCommissioningPlan', data: draftData({ outcomes: [outcomes[1]] }) }))
        .thenThrows('OUTCOMES_MUST_INCLUDE_LEARNING_AND_REACH', { missingKinds: ['learning_achievement_progress'] });
      given()
        .when(as({ type: 'DraftCommissioningPlan', data: draftData({ outcomes: [outcomes[0]] }) }))
        .thenThrows('OUTCOMES_MUST_INCLUDE_LEARNING_AND_REACH', { missingKinds: ['reach'] });
    });
  });

  describe('outcomes framework', () => {
    const wellbeing = { measureId: 'WELL', name: 'Wellbeing', kind: 'other', target: '+5 on SWEMWBS' } as const;

    it('takes further measures from the plan’s commissioners', () => {
      given(drafted)
        .when(as({ type: 'AddOutcomeMeasure', data: { planId: 'plan-1', measure: wellbeing } }))
        .then([{ type: 'OutcomeMeasureAdded', data: { planId: 'plan-1', measure: wellbeing, addedAt: NOW } }]);
    });

    it('refuses a measure id already used and a measure from another council', () => {
      given(drafted).when(as({ type: 'AddOutcomeMeasure', data: { planId: 'plan-1', measure: { ...wellbeing, measureId: 'REACH' } } })).thenThrows('DUPLICATE_OUTCOME_MEASURE_ID');
      given(drafted).when(as({ type: 'AddOutcomeMeasure', data: { planId: 'plan-1', measure: wellbeing } }, otherCouncil)).thenThrows('NOT_THE_PLAN_COMMISSIONER');
    });

    it('cannot be changed on a plan that does not exist', () => {
      given().when(as({ type: 'AddOutcomeMeasure', data: { planId: 'plan-1', measure: wellbeing } })).thenThrows('PLAN_NOT_FOUND');
    });
  });

  describe('strands', () => {
    it('records an external strand with the options appraisal behind its delivery model', () => {
      given(drafted).when(as({ type: 'AddStrand', data: strandData() })).then([strandAdded()]);
    });

    it('records an in-house strand with the rationale for direct delivery', () => {
      given(drafted).when(as({ type: 'AddStrand', data: inHouseStrand.data })).then([inHouseStrand]);
    });

    it('needs an in-house rationale for in-house and mixed delivery', () => {
      given(drafted).when(as({ type: 'AddStrand', data: strandData({ deliveryModel: 'in_house' }) })).thenThrows('IN_HOUSE_RATIONALE_REQUIRED');
      given(drafted).when(as({ type: 'AddStrand', data: strandData({ deliveryModel: 'mixed', inHouseRationale: ' ' }) })).thenThrows('IN_HOUSE_RATIONALE_REQUIRED');
    });

    it('drops an in-house rationale given for a wholly external strand', () => {
      given(drafted)
        .when(as({ type: 'AddStrand', data: strandData({ inHouseRationale: 'not needed' }) }))
        .then([strandAdded()]);
    });

    it.each<[string, Partial<AddStrandData>]>([
      ['STRAND_NAME_REQUIRED', { name: '' }],
      ['STRAND_BUDGET_MUST_BE_WHOLE_PENCE', { budgetPence: 0 }],
      ['UNKNOWN_DELIVERY_MODEL', { deliveryModel: 'outsourced' as never }],
      ['OPTIONS_APPRAISAL_MUST_WEIGH_AT_LEAST_TWO_OPTIONS', { optionsAppraisal: { optionsConsidered: ['contract', ' contract '], conclusion: 'Only one way' } }],
      ['OPTIONS_APPRAISAL_CONCLUSION_REQUIRED', { optionsAppraisal: { optionsConsidered: ['in-house', 'contract'], conclusion: '' } }],
    ])('is refused with %s for bad input', (code, overrides) => {
      given(drafted).when(as({ type: 'AddStrand', data: strandData(overrides) })).thenThrows(code);
    });

    it('cannot reuse a strand id', () => {
      given(drafted, strandAdded()).when(as({ type: 'AddStrand', data: strandData({ budgetPence: 1 }) })).thenThrows('DUPLICATE_STRAND_ID');
    });

    it('cannot spend more than the plan’s total resource', () => {
      given(drafted, strandAdded(), inHouseStrand)
        .when(as({ type: 'AddStrand', data: strandData({ strandId: 'ARTS', budgetPence: 30_000_001 }) }))
        .thenThrows('STRAND_BUDGETS_EXCEED_PLAN_TOTAL', { totalBudgetPence: 100_000_000, alreadyAllocatedPence: 70_000_000, requestedPence: 30_000_001 });
    });

    it('are added only by the plan’s commissioners', () => {
      given(drafted).when(as({ type: 'AddStrand', data: strandData() }, otherCouncil)).thenThrows('NOT_THE_PLAN_COMMISSIONER');
      given(drafted).when(as({ type: 'AddStrand', data: strandData() }, auditor)).thenThrows('NOT_THE_PLAN_COMMISSIONER');
    });
  });

  describe('needs evidence', () => {
    it('records a consultation by date, method, participant count and findings', () => {
      given(drafted)
        .when(as({ type: 'RecordNeedsEvidence', data: evidenceData() }))
        .then([{ type: 'NeedsEvidenceRecorded', data: { ...evidenceData(), recordedAt: NOW } }]);
    });

    it.each([
      ['an email address', 'Quote from jo.bloggs@example.com about late buses'],
      ['a phone number', 'Call back Jo on 07700 900123'],
      ['a full postcode', 'Most came from LS9 7AB'],
      ['a date of birth', 'Participant DOB 12/03/2010'],
    ])('refuses findings that contain %s', (_kind, findings) => {
      given(drafted).when(as({ type: 'RecordNeedsEvidence', data: evidenceData({ findings }) })).thenThrows('NEEDS_EVIDENCE_CONTAINS_PERSONAL_DATA');
    });

    it.each<[string, Partial<RecordNeedsEvidenceData>]>([
      ['CONSULTATION_DATE_MUST_BE_A_PAST_ISO_DATE', { conductedOn: '2026-01-16' }],
      ['CONSULTATION_DATE_MUST_BE_A_PAST_ISO_DATE', { conductedOn: 'last week' }],
      ['CONSULTATION_PARTICIPANTS_MUST_BE_A_POSITIVE_COUNT', { participants: 0 }],
      ['CONSULTATION_FINDINGS_REQUIRED', { findings: '' }],
      ['UNKNOWN_CONSULTATION_METHOD', { method: 'gossip' as never }],
    ])('is refused with %s for bad input', (code, overrides) => {
      given(drafted).when(as({ type: 'RecordNeedsEvidence', data: evidenceData(overrides) })).thenThrows(code);
    });

    it('cannot record the same evidence twice', () => {
      given(drafted, { type: 'NeedsEvidenceRecorded', data: { ...evidenceData(), recordedAt: NOW } })
        .when(as({ type: 'RecordNeedsEvidence', data: evidenceData() }))
        .thenThrows('DUPLICATE_EVIDENCE_ID');
    });
  });

  describe('market engagement', () => {
    it('publishes a preliminary notice for strands that may go to market', () => {
      given(drafted, strandAdded()).when(as({ type: 'PublishMarketEngagementNotice', data: noticeData() })).then([noticePublished]);
    });

    it('does not take an in-house strand to market', () => {
      given(drafted, inHouseStrand)
        .when(as({ type: 'PublishMarketEngagementNotice', data: noticeData({ strandIds: ['TARGETED'] }) }))
        .thenThrows('STRAND_DELIVERED_IN_HOUSE');
    });

    it.each<[string, Partial<PublishMarketEngagementNoticeData>]>([
      ['NOTICE_MUST_COVER_AT_LEAST_ONE_STRAND', { strandIds: [] }],
      ['STRAND_NOT_FOUND', { strandIds: ['NOPE'] }],
      ['NOTICE_SUMMARY_REQUIRED', { summary: ' ' }],
      ['NOTICE_RESPONSE_DATE_MUST_BE_A_FUTURE_ISO_DATE', { respondBy: '2026-01-14' }],
    ])('is refused with %s for bad input', (code, overrides) => {
      given(drafted, strandAdded()).when(as({ type: 'PublishMarketEngagementNotice', data: noticeData(overrides) })).thenThrows(code);
    });

    it('cannot publish the same notice twice', () => {
      given(drafted, strandAdded(), noticePublished).when(as({ type: 'PublishMarketEngagementNotice', data: noticeData() })).thenThrows('DUPLICATE_NOTICE_ID');
    });

    describe('interest', () => {
      const register = (actor: Actor, providerKind = 'charity' as const, now = NOW) =>
        as(
          {
            type: 'RegisterMarketInterest',
            data: { planId: 'plan-1', noticeId: 'notice-1', providerOrganisationId: actor.organisationId ?? 'none', providerKind },
          },
          actor,
          now,
        );

      it('is registered by a provider for its own organisation, with the kind from the registry', () => {
        given(drafted, strandAdded(), noticePublished).when(register(charityProvider)).then([charityInterested]);
      });

      it('is registered once per organisation', () => {
        given(drafted, strandAdded(), noticePublished, charityInterested).when(register(charityProvider)).then([]);
      });

      it('is refused from commissioners and for another organisation', () => {
        given(drafted, strandAdded(), noticePublished).when(register(commissioner)).thenThrows('ONLY_PROVIDERS_MAY_REGISTER_INTEREST');
        given(drafted, strandAdded(), noticePublished)
          .when(as({ type: 'RegisterMarketInterest', data: { ...charityInterested.data, providerOrganisationId: 'org-moorland' } }, charityProvider))
          .thenThrows('ONLY_PROVIDERS_MAY_REGISTER_INTEREST');
      });

      it('is refused after the response date and for an unknown notice', () => {
        given(drafted, strandAdded(), noticePublished).when(register(charityProvider, 'charity', '2026-02-16T00:00:00.000Z')).thenThrows('MARKET_ENGAGEMENT_CLOSED');
        given(drafted, strandAdded()).when(register(charityProvider)).thenThrows('NOTICE_NOT_FOUND');
      });

      it('is refused for an unknown kind of provider', () => {
        given(drafted, strandAdded(), noticePublished).when(register(landlordPrime, 'bank' as never)).thenThrows('UNKNOWN_PROVIDER_KIND');
      });
    });

    it('records a reason for no engagement on a strand that goes to market', () => {
      const reason = 'Only one specialist provider exists in the region';
      given(drafted, mixedStrand)
        .when(as({ type: 'RecordNoMarketEngagementReason', data: { planId: 'plan-1', strandId: 'ARTS', reason } }))
        .then([{ type: 'NoMarketEngagementReasonRecorded', data: { planId: 'plan-1', strandId: 'ARTS', reason, recordedAt: NOW } }]);
      given(drafted, mixedStrand)
        .when(as({ type: 'RecordNoMarketEngagementReason', data: { planId: 'plan-1', strandId: 'ARTS', reason: '' } }))
        .thenThrows('NO_ENGAGEMENT_REASON_REQUIRED');
      given(drafted, inHouseStrand)
        .when(as({ type: 'RecordNoMarketEngagementReason', data: { planId: 'plan-1', strandId: 'TARGETED', reason } }))
        .thenThrows('STRAND_DELIVERED_IN_HOUSE');
    });
  });

  describe('releasing a strand for tender', () => {
    const release = (strandId: string, actor: Actor = commissioner) => as({ type: 'ReleaseStrandForTender', data: { planId: 'plan-1', strandId } }, actor);
    const reasonRecorded: NoMarketEngagementReasonRecorded = {
      type: 'NoMarketEngagementReasonRecorded',
      data: { planId: 'plan-1', strandId: 'ARTS', reason: 'Only one specialist provider exists', recordedAt: NOW },
    };
    const released: StrandReleasedForTender = {
      type: 'StrandReleasedForTender',
      data: {
        planId: 'plan-1',
        strandId: 'OPEN-NORTH',
        deliveryModel: 'external',
        engagementNoticeIds: ['notice-1'],
        providerKindsEngaged: ['charity', 'social_landlord'],
        reasonForNoEngagement: null,
        releasedAt: NOW,
      },
    };
    const landlordInterested: MarketInterestRegistered = {
      type: 'MarketInterestRegistered',
      data: { ...charityInterested.data, providerOrganisationId: 'org-moorland', providerKind: 'social_landlord' },
    };

    it('records the kinds of provider engaged when providers answered the notice', () => {
      given(drafted, strandAdded(), noticePublished, charityInterested, landlordInterested).when(release('OPEN-NORTH')).then([released]);
    });

    it('is refused for an external strand with no engagement and no reason for none', () => {
      given(drafted, strandAdded()).when(release('OPEN-NORTH')).thenThrows('STRAND_NEEDS_MARKET_ENGAGEMENT', { strandId: 'OPEN-NORTH' });
    });

    it('is refused when a notice went out but no provider answered', () => {
      given(drafted, strandAdded(), noticePublished).when(release('OPEN-NORTH')).thenThrows('STRAND_NEEDS_MARKET_ENGAGEMENT');
    });

    it('rests on the recorded reason when there was no engagement', () => {
      given(drafted, mixedStrand, reasonRecorded)
        .when(release('ARTS'))
        .then([
          {
            type: 'StrandReleasedForTender',
            data: {
              planId: 'plan-1',
              strandId: 'ARTS',
              deliveryModel: 'mixed',
              engagementNoticeIds: [],
              providerKindsEngaged: [],
              reasonForNoEngagement: 'Only one specialist provider exists',
              releasedAt: NOW,
            },
          },
        ]);
    });

    it('is refused for an in-house strand, an unknown strand, twice, or by another council', () => {
      given(drafted, inHouseStrand).when(release('TARGETED')).thenThrows('STRAND_DELIVERED_IN_HOUSE');
      given(drafted).when(release('NOPE')).thenThrows('STRAND_NOT_FOUND');
      given(drafted, strandAdded(), noticePublished, charityInterested, released).when(release('OPEN-NORTH')).thenThrows('STRAND_ALREADY_RELEASED_FOR_TENDER');
      given(drafted, strandAdded(), noticePublished, charityInterested).when(release('OPEN-NORTH', otherCouncil)).thenThrows('NOT_THE_PLAN_COMMISSIONER');
    });
  });
});
