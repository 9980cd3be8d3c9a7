/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import { quarterDates } from './contract-performance.decide';
import type { RateContract, SetOutcomeTargets, SubmitReturn } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractCreated, ContractRated, ReturnSubmitted, SubcontractorAdded } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-council' };
const otherCouncil: Actor = { userId: 'user-ed', role: 'commissioner', organisationId: 'org-other' };
const prime: Actor = { userId: 'user-pia', role: 'prime', organisationId: 'org-prime' };
const subA: Actor = { userId: 'user-abe', role: 'provider', organisationId: 'org-sub-a' };

const NOW = '2026-07-15T09:00:00.000Z';
const at = (actor: Actor): CommandMetadata => ({ now: new Date(NOW), actor, correlationId: 'corr-p' });

const created: ContractCreated = {
  type: 'ContractCreated',
  data: {
    contractId: 'c-1',
    tenderId: 't-1',
    lotId: 'lot-1',
    bidId: 'bid-1',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId: 'org-prime',
    valuePence: 100_000_00,
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 30,
    createdAt: '2025-09-01T09:00:00.000Z',
  },
};

const s1: SubcontractorAdded = {
  type: 'SubcontractorAdded',
  data: {
    contractId: 'c-1',
    subcontractId: 's-1',
    parentSubcontractId: null,
    parentOrganisationId: 'org-prime',
    subcontractorOrganisationId: 'org-sub-a',
    tier: 1,
    valuePence: 40_000_00,
    scope: 'Detached youth work',
    area: 'Harehills',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    paymentTermsDays: 14,
    addedAt: '2026-01-02T09:00:00.000Z',
  },
};

const figures = { youngPeopleReached: 120, hoursDelivered: 400, spendPence: 9_000_00, outcomes: { learning: 80, achievement: 40, progress: 25 } };

const submit = (overrides: Partial<SubmitReturn['data']> = {}, actor: Actor = prime): SubmitReturn => ({
  type: 'SubmitReturn',
  data: { contractId: 'c-1', returnId: 'r-1', period: '2026-Q2', subcontractId: null, figures, ...overrides },
  metadata: at(actor),
});

const submitted = (overrides: Partial<ReturnSubmitted['data']> = {}): ReturnSubmitted => ({
  type: 'ReturnSubmitted',
  data: {
    contractId: 'c-1',
    returnId: 'r-1',
    period: '2026-Q2',
    subcontractId: null,
    organisationId: 'org-prime',
    tier: 0,
    ...figures,
    submittedAt: NOW,
    ...overrides,
  },
});

const rate = (overrides: Partial<RateContract['data']> = {}, actor: Actor = commissioner): RateContract => ({
  type: 'RateContract',
  data: {
    contractId: 'c-1',
    period: '2026-Q2',
    rating: 'inadequate',
    rationale: 'Reach at half the target; progress outcomes missing',
    evidenceRefs: ['return:2026-Q2', 'visit-note-14'],
    ...overrides,
  },
  metadata: at(actor),
});

const rated: ContractRated = {
  type: 'ContractRated',
  data: {
    contractId: 'c-1',
    period: '2026-Q2',
    rating: 'inadequate',
    rationale: 'Reach at half the target; progress outcomes missing',
    evidenceRefs: ['return:2026-Q2', 'visit-note-14'],
    ratedAt: NOW,
  },
};

describe('A quarter', () => {
  it('runs from the first day of its first month to the last day of its third', () => {
    expect(quarterDates('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterDates('2024-Q4')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });

  it('is written YYYY-Qn', () => {
    expect(quarterDates('2026-Q5')).toBeNull();
    expect(quarterDates('Q1 2026')).toBeNull();
  });
});

describe('Quarterly return', () => {
  it('records the prime’s own delivery at tier 0', () => {
    spec.given([created]).when(submit()).then([submitted()]);
  });

  it('records a subcontractor’s delivery against its subcontract and tier', () => {
    spec
      .given([created, s1])
      .when(submit({ subcontractId: 's-1' }, subA))
      .then([submitted({ subcontractId: 's-1', organisationId: 'org-sub-a', tier: 1 })]);
  });

  it('accepts the quarter in progress', () => {
    spec.given([created]).when(submit({ period: '2026-Q3' })).then([submitted({ period: '2026-Q3' })]);
  });

  it('accepts a return from each organisation for the same quarter', () => {
    spec
      .given([created, s1, submitted()])
      .when(submit({ subcontractId: 's-1', returnId: 'r-2' }, subA))
      .then([submitted({ subcontractId: 's-1', returnId: 'r-2', organisationId: 'org-sub-a', tier: 1 })]);
  });

  it.each<[string, SubmitReturn, string]>([
    ['from the prime for its subcontractor', submit({ subcontractId: 's-1' }, prime), 'NOT_YOUR_DELIVERY'],
    ['from a subcontractor for the prime', submit({}, subA), 'NOT_YOUR_DELIVERY'],
    ['from the commissioner', submit({}, commissioner), 'NOT_YOUR_DELIVERY'],
    ['for a subcontract that does not exist', submit({ subcontractId: 's-9' }), 'SUBCONTRACT_NOT_FOUND'],
    ['for a period that is not a quarter', submit({ period: '2026-06' }), 'RETURN_PERIOD_INVALID'],
    ['for a quarter that has not started', submit({ period: '2026-Q4' }), 'RETURN_PERIOD_NOT_STARTED'],
    ['for a quarter before the contract', submit({ period: '2025-Q3' }), 'RETURN_PERIOD_OUTSIDE_TERM'],
    ['for a quarter before the subcontract', submit({ period: '2025-Q4', subcontractId: 's-1' }, subA), 'RETURN_PERIOD_OUTSIDE_TERM'],
    ['with negative spend', submit({ figures: { ...figures, spendPence: -1 } }), 'RETURN_FIGURES_MUST_BE_WHOLE_NUMBERS'],
    ['with part hours', submit({ figures: { ...figures, hoursDelivered: 2.5 } }), 'RETURN_FIGURES_MUST_BE_WHOLE_NUMBERS'],
    ['with more progress outcomes than young people reached', submit({ figures: { ...figures, outcomes: { ...figures.outcomes, progress: 121 } } }), 'RETURN_OUTCOMES_EXCEED_REACH'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([created, s1]).when(command).thenThrows(code);
  });

  it('is refused a second time for the same organisation and quarter', () => {
    spec.given([created, submitted()]).when(submit({ returnId: 'r-2' })).thenThrows('RETURN_ALREADY_SUBMITTED');
  });

  it('is refused for a contract that does not exist', () => {
    spec.given([]).when(submit()).thenThrows('CONTRACT_NOT_FOUND');
  });

  it('stays inside the context: nothing is published', () => {
    expect(toIntegrationEvents(submitted())).toEqual([]);
  });
});

describe('Contract rating', () => {
  it('records the commissioner’s rating with its rationale and evidence', () => {
    spec.given([created, submitted()]).when(rate()).then([rated]);
  });

  it.each<[string, RateContract, string]>([
    ['by another council', rate({}, otherCouncil), 'NOT_THE_CONTRACT_COMMISSIONER'],
    ['by the prime', rate({}, prime), 'NOT_THE_CONTRACT_COMMISSIONER'],
    ['with a grade that does not exist', rate({ rating: 'outstanding' as never }), 'RATING_INVALID'],
    ['without a rationale', rate({ rationale: ' ' }), 'RATING_RATIONALE_REQUIRED'],
    ['without evidence', rate({ evidenceRefs: [] }), 'RATING_EVIDENCE_REQUIRED'],
    ['with only blank evidence', rate({ evidenceRefs: [' '] }), 'RATING_EVIDENCE_REQUIRED'],
    ['for a quarter that has not started', rate({ period: '2026-Q4' }), 'RATING_PERIOD_INVALID'],
    ['for a quarter before the contract', rate({ period: '2025-Q2' }), 'RATING_PERIOD_INVALID'],
    ['for something that is not a quarter', rate({ period: 'summer' }), 'RATING_PERIOD_INVALID'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([created]).when(command).thenThrows(code);
  });

  it('is refused twice for the same quarter', () => {
    spec.given([created, rated]).when(rate({ rating: 'good' })).thenThrows('RATING_ALREADY_GIVEN');
  });

  it('may be given for each quarter', () => {
    spec
      .given([created, rated])
      .when(rate({ period: '2026-Q1' }))
      .then([{ ...rated, data: { ...rated.data, period: '2026-Q1' } }]);
  });
});

describe('Outcome targets', () => {
  const targets: SetOutcomeTargets['data']['targets'] = [
    { measure: 'young_people_reached', quarterlyTarget: 200 },
    { measure: 'progress', quarterlyTarget: 40 },
  ];
  const set = (overrides: Partial<SetOutcomeTargets['data']> = {}, actor: Actor = commissioner): SetOutcomeTargets => ({
    type: 'SetOutcomeTargets',
    data: { contractId: 'c-1', frameworkRef: 'plan-7/strand-north', targets, ...overrides },
    metadata: at(actor),
  });

  it('records the measures and quarterly targets with the outcomes framework they come from', () => {
    spec
      .given([created])
      .when(set())
      .then([{ type: 'OutcomeTargetsSet', data: { contractId: 'c-1', frameworkRef: 'plan-7/strand-north', targets, setAt: NOW } }]);
  });

  it.each<[string, SetOutcomeTargets, string]>([
    ['by the prime', set({}, prime), 'NOT_THE_CONTRACT_COMMISSIONER'],
    ['by another council', set({}, otherCouncil), 'NOT_THE_CONTRACT_COMMISSIONER'],
    ['without the framework they come from', set({ frameworkRef: ' ' }), 'OUTCOME_FRAMEWORK_REFERENCE_REQUIRED'],
    ['with no targets', set({ targets: [] }), 'OUTCOME_TARGETS_REQUIRED'],
    ['for a measure that does not exist', set({ targets: [{ measure: 'happiness' as never, quarterlyTarget: 1 }] }), 'OUTCOME_MEASURE_UNKNOWN'],
    ['with a measure twice', set({ targets: [...targets, { measure: 'progress', quarterlyTarget: 1 }] }), 'OUTCOME_MEASURE_REPEATED'],
    ['with a negative target', set({ targets: [{ measure: 'learning', quarterlyTarget: -1 }] }), 'OUTCOME_TARGET_MUST_BE_WHOLE'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([created]).when(command).thenThrows(code);
  });

  it('is refused once the contract is terminated', () => {
    spec
      .given([created, { type: 'ContractTerminated', data: { contractId: 'c-1', reason: 'x', terminatedAt: NOW } }])
      .when(set())
      .thenThrows('CONTRACT_NOT_ACTIVE');
  });
});
