/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import type { MakeInternalAgreement } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { InternalAgreementMade, ReturnSubmitted } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);

const MEASURES = [
  { measureId: 'reach', name: 'Young people engaged', kind: 'reach', target: '1,200 a year' },
  { measureId: 'accredited', name: 'Accredited learning', kind: 'learning_achievement_progress', target: '40% of those engaged' },
];
const FRAMEWORK = { planId: 'plan-1', strandId: 'IN-HOUSE', commissionerOrganisationId: 'org-council', deliveryModel: 'in_house', measures: MEASURES };

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-council' };
const prime: Actor = { userId: 'user-pia', role: 'prime', organisationId: 'org-prime' };
const inHouse: Actor = { userId: 'user-ina', role: 'provider', organisationId: 'org-in-house' };
const NOW = '2026-07-15T09:00:00.000Z';
const at = (actor: Actor): CommandMetadata => ({ now: new Date(NOW), actor, correlationId: 'corr-i' });

const make = (overrides: Partial<MakeInternalAgreement['data']> = {}, actor: Actor = commissioner): MakeInternalAgreement => ({
  type: 'MakeInternalAgreement',
  data: {
    contractId: 'c-in',
    strandId: 'IN-HOUSE',
    inHouseOrganisationId: 'org-in-house',
    valuePence: 20_000_000,
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 30,
    outcomeFramework: FRAMEWORK,
    ...overrides,
  },
  metadata: at(actor),
});

const made: InternalAgreementMade = {
  type: 'InternalAgreementMade',
  data: {
    contractId: 'c-in',
    strandId: 'IN-HOUSE',
    commissionerOrganisationId: 'org-council',
    inHouseOrganisationId: 'org-in-house',
    valuePence: 20_000_000,
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 30,
    madeAt: NOW,
    planId: 'plan-1',
    outcomeMeasures: MEASURES,
  },
};

describe('Internal agreement for an in-house strand', () => {
  it('is made by the council’s commissioner for its in-house team', () => {
    spec.given([]).when(make()).then([made]);
  });

  it.each<[string, MakeInternalAgreement, string]>([
    ['for a strand in no plan', make({ outcomeFramework: null }), 'STRAND_NOT_IN_A_PLAN'],
    ['for another council’s strand', make({ outcomeFramework: { ...FRAMEWORK, commissionerOrganisationId: 'org-other' } }), 'STRAND_OF_ANOTHER_COUNCIL'],
    ['for a strand the plan puts out to providers', make({ outcomeFramework: { ...FRAMEWORK, deliveryModel: 'external' } }), 'STRAND_NOT_DELIVERED_IN_HOUSE'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([]).when(command).thenThrows(code);
  });

  it('measures the in-house team like a prime: it submits its own returns against the strand’s outcome measures', () => {
    const returned: ReturnSubmitted = {
      type: 'ReturnSubmitted',
      data: {
        contractId: 'c-in',
        returnId: 'r-1',
        period: '2026-Q2',
        subcontractId: null,
        organisationId: 'org-in-house',
        tier: 0,
        youngPeopleReached: 10,
        hoursDelivered: 30,
        spendPence: 100_000,
        outcomes: { learning: 5, achievement: 2, progress: 1 },
        submittedAt: NOW,
        measures: [
          { measureId: 'reach', kind: 'reach', value: 10 },
          { measureId: 'accredited', kind: 'learning_achievement_progress', value: 4 },
        ],
      },
    };
    const { organisationId: _o, tier: _t, submittedAt: _s, youngPeopleReached, hoursDelivered, spendPence, outcomes, measures: _m, ...rest } = returned.data;
    const submit = (measures: { measureId: string; value: number }[]) => ({
      type: 'SubmitReturn' as const,
      data: { ...rest, figures: { youngPeopleReached, hoursDelivered, spendPence, outcomes }, measures },
      metadata: at(inHouse),
    });
    const figures = [
      { measureId: 'accredited', value: 4 },
      { measureId: 'reach', value: 10 },
    ];
    spec.given([made]).when(submit(figures)).then([returned]);
    spec.given([made]).when(submit(figures.slice(1))).thenThrows('RETURN_MEASURE_MISSING', { measureIds: ['accredited'] });
    spec.given([made]).when(submit([...figures, { measureId: 'wellbeing', value: 1 }])).thenThrows('RETURN_MEASURE_NOT_ON_CONTRACT', { measureIds: ['wellbeing'] });
    spec.given([made]).when(submit([...figures, { measureId: 'reach', value: 9 }])).thenThrows('RETURN_MEASURE_REPEATED');
    spec.given([made]).when(submit([{ measureId: 'accredited', value: 11 }, figures[1] as { measureId: string; value: number }])).thenThrows('RETURN_OUTCOMES_EXCEED_REACH');
  });

  it.each<[string, MakeInternalAgreement, string]>([
    ['by a prime', make({}, prime), 'ONLY_COMMISSIONERS_MAKE_INTERNAL_AGREEMENTS'],
    ['with the council itself as the team', make({ inHouseOrganisationId: 'org-council' }), 'IN_HOUSE_TEAM_MUST_BE_ITS_OWN_ORGANISATION'],
    ['without a strand', make({ strandId: ' ' }), 'STRAND_REQUIRED'],
    ['worth nothing', make({ valuePence: 0 }), 'CONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
    ['ending before it starts', make({ endDate: '2025-01-01' }), 'CONTRACT_END_MUST_BE_AFTER_START'],
    ['with 45-day payment terms', make({ paymentTermsDays: 45 }), 'PAYMENT_TERMS_EXCEED_30_DAYS'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([]).when(command).thenThrows(code);
  });

  it('is refused for an id already used', () => {
    spec.given([made]).when(make()).thenThrows('CONTRACT_ALREADY_EXISTS');
  });

  it('is not published: no tender follows an in-house strand', () => {
    expect(toIntegrationEvents(made)).toEqual([]);
  });
});
