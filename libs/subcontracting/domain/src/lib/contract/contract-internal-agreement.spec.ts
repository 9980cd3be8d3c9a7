/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import type { MakeInternalAgreement } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { InternalAgreementMade, ReturnSubmitted } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);

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
  },
};

describe('Internal agreement for an in-house strand', () => {
  it('is made by the council’s commissioner for its in-house team', () => {
    spec.given([]).when(make()).then([made]);
  });

  it('measures the in-house team like a prime: it submits its own returns', () => {
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
      },
    };
    const { organisationId: _o, tier: _t, submittedAt: _s, youngPeopleReached, hoursDelivered, spendPence, outcomes, ...rest } = returned.data;
    spec
      .given([made])
      .when({ type: 'SubmitReturn', data: { ...rest, figures: { youngPeopleReached, hoursDelivered, spendPence, outcomes } }, metadata: at(inHouse) })
      .then([returned]);
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
