/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { AddSubcontractor, CreateContract, EndSubcontract, TerminateContract } from './contract.commands';
import { contractDecider, contractStreamName, createContractDecider } from './contract.decider';
import type { ContractCreated, ContractTerminated, SubcontractEnded, SubcontractorAdded } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);
const ELIGIBLE = { registered: true, declarations: [{ kind: 'safeguarding_policy', expiresAt: '2030-01-01T00:00:00.000Z' }] };

const platform: Actor = { userId: 'platform', role: 'system', organisationId: null };
const prime: Actor = { userId: 'user-pia', role: 'prime', organisationId: 'org-prime' };
const subA: Actor = { userId: 'user-abe', role: 'provider', organisationId: 'org-sub-a' };
const subB: Actor = { userId: 'user-bea', role: 'provider', organisationId: 'org-sub-b' };
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };

const NOW = '2026-05-01T10:00:00.000Z';
const at = (actor: Actor, now = NOW): CommandMetadata => ({ now: new Date(now), actor, correlationId: 'corr-1' });

const create = (overrides: Partial<CreateContract['data']> = {}, actor: Actor = platform): CreateContract => ({
  type: 'CreateContract',
  data: {
    contractId: 'contract-1',
    tenderId: 'tender-1',
    lotId: 'lot-north',
    bidId: 'bid-7',
    commissionerOrganisationId: 'org-leeds-council',
    primeOrganisationId: 'org-prime',
    valuePence: 100_000_00,
    startDate: '2026-04-01',
    endDate: '2028-03-31',
    paymentTermsDays: 30,
    ...overrides,
  },
  metadata: at(actor, '2026-03-05T10:00:00.000Z'),
});

const created: ContractCreated = {
  type: 'ContractCreated',
  data: { ...create().data, createdAt: '2026-03-05T10:00:00.000Z', planId: null, strandId: null, outcomeMeasures: [] },
};

const add = (overrides: Partial<AddSubcontractor['data']> = {}, actor: Actor = prime, now = NOW): AddSubcontractor => ({
  type: 'AddSubcontractor',
  data: {
    contractId: 'contract-1',
    subcontractId: 'sub-1',
    parentSubcontractId: null,
    subcontractorOrganisationId: 'org-sub-a',
    valuePence: 40_000_00,
    scope: 'Detached youth work',
    area: 'Harehills',
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    paymentTermsDays: 14,
    mayLetSubcontracts: true,
    subcontractorEligibility: ELIGIBLE,
    ...overrides,
  },
  metadata: at(actor, now),
});

const added = (overrides: Partial<SubcontractorAdded['data']> = {}): SubcontractorAdded => ({
  type: 'SubcontractorAdded',
  data: {
    contractId: 'contract-1',
    subcontractId: 'sub-1',
    parentSubcontractId: null,
    parentOrganisationId: 'org-prime',
    subcontractorOrganisationId: 'org-sub-a',
    tier: 1,
    valuePence: 40_000_00,
    scope: 'Detached youth work',
    area: 'Harehills',
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    paymentTermsDays: 14,
    addedAt: NOW,
    mayLetSubcontracts: true,
    ...overrides,
  },
});

/** sub-1 (org-sub-a, 40k) under the prime, and sub-2 (org-sub-b, 10k) under sub-1. */
const tierOne = added();
const tierTwo = added({
  subcontractId: 'sub-2',
  parentSubcontractId: 'sub-1',
  parentOrganisationId: 'org-sub-a',
  subcontractorOrganisationId: 'org-sub-b',
  tier: 2,
  valuePence: 10_000_00,
});

const end = (subcontractId: string, actor: Actor, reason = 'Service moved in-house'): EndSubcontract => ({
  type: 'EndSubcontract',
  data: { contractId: 'contract-1', subcontractId, reason },
  metadata: at(actor),
});

const ended = (subcontractId: string, releasedValuePence: number): SubcontractEnded => ({
  type: 'SubcontractEnded',
  data: { contractId: 'contract-1', subcontractId, reason: 'Service moved in-house', releasedValuePence, endedAt: NOW },
});

const terminate = (actor: Actor = commissioner, reason = 'Provider insolvent'): TerminateContract => ({
  type: 'TerminateContract',
  data: { contractId: 'contract-1', reason },
  metadata: at(actor),
});

const terminated: ContractTerminated = {
  type: 'ContractTerminated',
  data: { contractId: 'contract-1', reason: 'Provider insolvent', terminatedAt: NOW },
};

describe('Contract', () => {
  it('lives in its own stream, supply chain included', () => {
    expect(contractStreamName('contract-1')).toBe('contract-contract-1');
  });

  describe('when created from an award', () => {
    it('records the prime, value, period and payment terms', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('records nothing when the same award creates it again', () => {
      spec.given([created]).when(create()).then([]);
    });

    it('records the strand’s outcome measures with their targets, from the plan’s outcomes framework', () => {
      const measures = [{ measureId: 'reach', name: 'Young people engaged', kind: 'reach', target: '600 a year' }];
      spec
        .given([])
        .when(create({ strandId: 'OPEN-NORTH', outcomeFramework: { planId: 'plan-1', strandId: 'OPEN-NORTH', commissionerOrganisationId: 'org-leeds-council', deliveryModel: 'external', measures } }))
        .then([{ ...created, data: { ...created.data, planId: 'plan-1', strandId: 'OPEN-NORTH', outcomeMeasures: measures } }]);
    });

    it('refuses an id already used for another award', () => {
      spec.given([created]).when(create({ lotId: 'lot-south' })).thenThrows('CONTRACT_ALREADY_EXISTS');
    });

    it.each<[string, CreateContract, string]>([
      ['by a commissioner', create({}, commissioner), 'ONLY_THE_SYSTEM_MAY_CREATE_CONTRACTS'],
      ['worth nothing', create({ valuePence: 0 }), 'CONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['with a date that is not a date', create({ startDate: 'April' }), 'CONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['ending before it starts', create({ endDate: '2026-01-01' }), 'CONTRACT_END_MUST_BE_AFTER_START'],
      ['with 45-day payment terms', create({ paymentTermsDays: 45 }), 'PAYMENT_TERMS_EXCEED_30_DAYS'],
      ['with payment terms in part days', create({ paymentTermsDays: 7.5 }), 'PAYMENT_TERMS_MUST_BE_WHOLE_DAYS'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([]).when(command).thenThrows(code);
    });
  });

  describe('when the prime adds a subcontractor', () => {
    it('records a tier-1 subcontract let by the prime', () => {
      spec.given([created]).when(add()).then([tierOne]);
    });

    describe('the subcontractor’s due diligence', () => {
      const declared = (kind: string, expiresAt: string) => ({ kind, expiresAt });
      it.each<[string, AddSubcontractor['data']['subcontractorEligibility'], string, Record<string, unknown>]>([
        ['not in the provider registry', { registered: false, declarations: [] }, 'SUBCONTRACTOR_NOT_REGISTERED', { organisationId: 'org-sub-a' }],
        ['with no safeguarding declaration', { registered: true, declarations: [declared('insurance', '2030-01-01T00:00:00.000Z')] }, 'SUBCONTRACTOR_SAFEGUARDING_MISSING', { organisationId: 'org-sub-a', renew: 'safeguarding_policy' }],
        [
          'whose safeguarding declaration expired',
          { registered: true, declarations: [declared('safeguarding_policy', '2026-04-30T23:59:59.000Z')] },
          'SUBCONTRACTOR_SAFEGUARDING_EXPIRED',
          { organisationId: 'org-sub-a', renew: 'safeguarding_policy', expiredAt: '2026-04-30T23:59:59.000Z' },
        ],
        [
          'whose safeguarding expires at this very instant',
          { registered: true, declarations: [declared('safeguarding_policy', NOW)] },
          'SUBCONTRACTOR_SAFEGUARDING_EXPIRED',
          { organisationId: 'org-sub-a', renew: 'safeguarding_policy', expiredAt: NOW },
        ],
        [
          'with a lapsed insurance declaration',
          { registered: true, declarations: [declared('safeguarding_policy', '2030-01-01T00:00:00.000Z'), declared('insurance', '2026-01-01T00:00:00.000Z')] },
          'SUBCONTRACTOR_DUE_DILIGENCE_EXPIRED',
          { organisationId: 'org-sub-a', renew: 'insurance', expiredAt: '2026-01-01T00:00:00.000Z' },
        ],
      ])('is refused for a provider %s', (_case, subcontractorEligibility, code, details) => {
        spec.given([created]).when(add({ subcontractorEligibility })).thenThrows(code, details);
      });

      it('says what to renew in words a person understands', () => {
        const expired = { registered: true, declarations: [declared('safeguarding_policy', '2026-04-30T23:59:59.000Z')] };
        expect(() => contractDecider.decide(add({ subcontractorEligibility: expired }), contractDecider.evolve(contractDecider.initialState(), created))).toThrow(
          /safeguarding policy declaration expired on 2026-04-30: it must renew it/,
        );
      });

      it('applies to a subcontractor letting work further down too', () => {
        spec
          .given([created, tierOne])
          .when(add({ subcontractId: 'sub-2', parentSubcontractId: 'sub-1', subcontractorOrganisationId: 'org-sub-b', valuePence: 10_000_00, subcontractorEligibility: { registered: false, declarations: [] } }, subA))
          .thenThrows('SUBCONTRACTOR_NOT_REGISTERED');
      });
    });

    it('accepts subcontracts that use up exactly the contract value', () => {
      spec
        .given([created, tierOne])
        .when(add({ subcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 60_000_00 }))
        .then([added({ subcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 60_000_00 })]);
    });

    it('refuses subcontracts worth more than the contract', () => {
      spec
        .given([created, tierOne])
        .when(add({ subcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 60_000_01 }))
        .thenThrows('SUBCONTRACT_VALUE_EXCEEDS_PARENT', {
          parentValuePence: 100_000_00,
          alreadySubcontractedPence: 40_000_00,
          availablePence: 60_000_00,
        });
    });

    it('gets the value of an ended subcontract back', () => {
      spec
        .given([created, tierOne, ended('sub-1', 40_000_00)])
        .when(add({ subcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 100_000_00 }))
        .then([added({ subcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 100_000_00 })]);
    });

    it('does not let the subcontractor subcontract further unless the prime says so', () => {
      const { mayLetSubcontracts: _flag, ...withoutPermission } = add().data;
      spec
        .given([created])
        .when({ ...add(), data: withoutPermission })
        .then([added({ mayLetSubcontracts: false })]);
    });

    it('accepts payment terms of exactly 30 days', () => {
      spec
        .given([created])
        .when(add({ paymentTermsDays: 30 }))
        .then([added({ paymentTermsDays: 30 })]);
    });

    it('may add on the contract’s last day', () => {
      spec
        .given([created])
        .when(add({ startDate: '2027-04-01', endDate: '2028-03-31' }, prime, '2028-03-31T16:00:00.000Z'))
        .then([added({ startDate: '2027-04-01', endDate: '2028-03-31', addedAt: '2028-03-31T16:00:00.000Z' })]);
    });

    it.each<[string, AddSubcontractor, string]>([
      ['to itself', add({ subcontractorOrganisationId: 'org-prime' }), 'CANNOT_SUBCONTRACT_TO_SELF'],
      ['when the actor is not the prime', add({}, subB), 'NOT_THE_PARENT_ORGANISATION'],
      ['by the commissioner', add({}, commissioner), 'NOT_THE_PARENT_ORGANISATION'],
      ['worth nothing', add({ valuePence: 0 }), 'SUBCONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['worth fractions of a penny', add({ valuePence: 10.5 }), 'SUBCONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['with 31-day payment terms', add({ paymentTermsDays: 31 }), 'PAYMENT_TERMS_EXCEED_30_DAYS'],
      ['with negative payment terms', add({ paymentTermsDays: -1 }), 'PAYMENT_TERMS_MUST_BE_WHOLE_DAYS'],
      ['without a scope', add({ scope: ' ' }), 'SUBCONTRACT_SCOPE_REQUIRED'],
      ['with a date that is not a date', add({ endDate: '31/03/2027' }), 'SUBCONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['ending before it starts', add({ endDate: '2026-03-31' }), 'SUBCONTRACT_END_MUST_BE_AFTER_START'],
      ['starting before the contract', add({ startDate: '2026-03-01' }), 'SUBCONTRACT_PERIOD_OUTSIDE_PARENT'],
      ['ending after the contract', add({ endDate: '2028-04-01' }), 'SUBCONTRACT_PERIOD_OUTSIDE_PARENT'],
      ['under a subcontract that does not exist', add({ parentSubcontractId: 'sub-9' }), 'SUBCONTRACT_NOT_FOUND'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created]).when(command).thenThrows(code);
    });

    it('refuses a subcontract id already in use', () => {
      spec.given([created, tierOne]).when(add({ subcontractorOrganisationId: 'org-sub-c' })).thenThrows('SUBCONTRACT_ALREADY_EXISTS');
    });

    it('refuses a contract that does not exist', () => {
      spec.given([]).when(add()).thenThrows('CONTRACT_NOT_FOUND');
    });

    it('refuses a terminated contract', () => {
      spec.given([created, terminated]).when(add()).thenThrows('CONTRACT_NOT_ACTIVE');
    });

    it('refuses a contract past its end date', () => {
      spec.given([created]).when(add({}, prime, '2028-04-01T00:00:00.000Z')).thenThrows('CONTRACT_NOT_ACTIVE');
    });
  });

  describe('when a subcontractor subcontracts further', () => {
    const tierTwoCommand = (overrides: Partial<AddSubcontractor['data']> = {}, actor: Actor = subA) =>
      add(
        {
          subcontractId: 'sub-2',
          parentSubcontractId: 'sub-1',
          subcontractorOrganisationId: 'org-sub-b',
          valuePence: 10_000_00,
          ...overrides,
        },
        actor,
      );

    it('records a tier-2 subcontract let by the tier-1 subcontractor', () => {
      spec.given([created, tierOne]).when(tierTwoCommand()).then([tierTwo]);
    });

    it('refuses the prime letting work inside its subcontractor’s share', () => {
      spec.given([created, tierOne]).when(tierTwoCommand({}, prime)).thenThrows('NOT_THE_PARENT_ORGANISATION');
    });

    it('refuses subcontracts worth more than the parent subcontract', () => {
      spec.given([created, tierOne]).when(tierTwoCommand({ valuePence: 40_000_01 })).thenThrows('SUBCONTRACT_VALUE_EXCEEDS_PARENT');
    });

    it('refuses a period outside the parent subcontract', () => {
      spec.given([created, tierOne]).when(tierTwoCommand({ endDate: '2027-06-30' })).thenThrows('SUBCONTRACT_PERIOD_OUTSIDE_PARENT');
    });

    it('is refused when the parent did not allow subcontracting further', () => {
      spec
        .given([created, added({ mayLetSubcontracts: false })])
        .when(tierTwoCommand())
        .thenThrows('PARENT_DOES_NOT_ALLOW_SUBCONTRACTING', { subcontractId: 'sub-1' });
    });

    it('is allowed under subcontracts recorded before parents could decide', () => {
      const { mayLetSubcontracts: _flag, ...legacy } = tierOne.data;
      spec.given([created, { type: 'SubcontractorAdded', data: legacy }]).when(tierTwoCommand()).then([tierTwo]);
    });

    it('refuses letting work back up to the prime', () => {
      spec.given([created, tierOne]).when(tierTwoCommand({ subcontractorOrganisationId: 'org-prime' })).thenThrows('SUBCONTRACT_CYCLE');
    });

    it('refuses letting work back up to any organisation above', () => {
      const tierThree = add(
        { subcontractId: 'sub-3', parentSubcontractId: 'sub-2', subcontractorOrganisationId: 'org-sub-a', valuePence: 1_000_00 },
        subB,
      );
      spec.given([created, tierOne, tierTwo]).when(tierThree).thenThrows('SUBCONTRACT_CYCLE');
    });

    it('refuses work under an ended subcontract', () => {
      spec.given([created, tierOne, ended('sub-1', 40_000_00)]).when(tierTwoCommand()).thenThrows('SUBCONTRACT_NOT_ACTIVE');
    });

    describe('with the default depth of three tiers', () => {
      const tierThree = added({
        subcontractId: 'sub-3',
        parentSubcontractId: 'sub-2',
        parentOrganisationId: 'org-sub-b',
        subcontractorOrganisationId: 'org-sub-c',
        tier: 3,
        valuePence: 1_000_00,
      });
      const subC: Actor = { userId: 'user-cy', role: 'provider', organisationId: 'org-sub-c' };

      it('accepts a third tier', () => {
        spec
          .given([created, tierOne, tierTwo])
          .when(add({ subcontractId: 'sub-3', parentSubcontractId: 'sub-2', subcontractorOrganisationId: 'org-sub-c', valuePence: 1_000_00 }, subB))
          .then([tierThree]);
      });

      it('refuses a fourth', () => {
        spec
          .given([created, tierOne, tierTwo, tierThree])
          .when(add({ subcontractId: 'sub-4', parentSubcontractId: 'sub-3', subcontractorOrganisationId: 'org-sub-d', valuePence: 100 }, subC))
          .thenThrows('SUBCONTRACT_DEPTH_EXCEEDED', { tier: 4, maxSubcontractDepth: 3 });
      });
    });

    it('refuses a tier beyond a configured maximum', () => {
      DeciderSpecification.for(createContractDecider({ maxSubcontractDepth: 1 }))
        .given([created, tierOne])
        .when(tierTwoCommand())
        .thenThrows('SUBCONTRACT_DEPTH_EXCEEDED', { tier: 2, maxSubcontractDepth: 1 });
    });

    it('cannot be configured with no tiers at all', () => {
      expect(() => createContractDecider({ maxSubcontractDepth: 0 })).toThrow(/maxSubcontractDepth/);
    });
  });

  describe('when a subcontract ends', () => {
    it('is ended by the organisation that let it, giving its value back', () => {
      spec.given([created, tierOne, tierTwo]).when(end('sub-2', subA)).then([ended('sub-2', 10_000_00)]);
    });

    it('may be ended by the prime anywhere in its supply chain', () => {
      spec.given([created, tierOne, tierTwo]).when(end('sub-2', prime)).then([ended('sub-2', 10_000_00)]);
    });

    it('cannot be ended by the subcontractor itself', () => {
      spec.given([created, tierOne, tierTwo]).when(end('sub-2', subB)).thenThrows('NOT_THE_PARENT_ORGANISATION');
    });

    it('cannot be ended while it has live subcontracts', () => {
      spec.given([created, tierOne, tierTwo]).when(end('sub-1', prime)).thenThrows('SUBCONTRACT_HAS_ACTIVE_SUBCONTRACTS', { subcontractIds: ['sub-2'] });
    });

    it('needs a reason', () => {
      spec.given([created, tierOne]).when(end('sub-1', prime, '')).thenThrows('END_REASON_REQUIRED');
    });

    it('cannot be ended twice', () => {
      spec.given([created, tierOne, ended('sub-1', 40_000_00)]).when(end('sub-1', prime)).thenThrows('SUBCONTRACT_NOT_ACTIVE');
    });

    it('cannot end a subcontract that does not exist', () => {
      spec.given([created]).when(end('sub-9', prime)).thenThrows('SUBCONTRACT_NOT_FOUND');
    });

    it('cannot be ended under a terminated contract', () => {
      spec.given([created, tierOne, terminated]).when(end('sub-1', prime)).thenThrows('CONTRACT_NOT_ACTIVE');
    });
  });

  describe('when terminated', () => {
    it('is terminated by its commissioner with a reason', () => {
      spec.given([created]).when(terminate()).then([terminated]);
    });

    it('cannot be terminated by the prime', () => {
      spec.given([created]).when(terminate(prime)).thenThrows('NOT_THE_CONTRACT_COMMISSIONER');
    });

    it('needs a reason', () => {
      spec.given([created]).when(terminate(commissioner, ' ')).thenThrows('TERMINATION_REASON_REQUIRED');
    });

    it('cannot be terminated twice', () => {
      spec.given([created, terminated]).when(terminate()).thenThrows('CONTRACT_ALREADY_TERMINATED');
    });
  });
});
