/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import type { VaryContract, VarySubcontract } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractCreated, ContractVaried, SubcontractEnded, SubcontractorAdded, SubcontractVaried } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);
const ELIGIBLE = { registered: true, declarations: [{ kind: 'safeguarding_policy', expiresAt: '2030-01-01T00:00:00.000Z' }] };

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-council' };
const otherCouncil: Actor = { userId: 'user-ed', role: 'commissioner', organisationId: 'org-other-council' };
const prime: Actor = { userId: 'user-pia', role: 'prime', organisationId: 'org-prime' };
const subA: Actor = { userId: 'user-abe', role: 'provider', organisationId: 'org-sub-a' };

const NOW = '2026-06-01T09:00:00.000Z';
const at = (actor: Actor, now = NOW): CommandMetadata => ({ now: new Date(now), actor, correlationId: 'corr-v' });

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
    startDate: '2026-04-01',
    endDate: '2028-03-31',
    paymentTermsDays: 30,
    createdAt: '2026-03-01T09:00:00.000Z',
  },
};

const subcontract = (overrides: Partial<SubcontractorAdded['data']> = {}): SubcontractorAdded => ({
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
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    paymentTermsDays: 14,
    addedAt: '2026-04-02T09:00:00.000Z',
    ...overrides,
  },
});

/** s-1 (org-sub-a, 40k) under the prime; s-2 (org-sub-b, 10k) under s-1; s-3 (org-sub-c, 50k) under the prime. */
const s1 = subcontract();
const s2 = subcontract({
  subcontractId: 's-2',
  parentSubcontractId: 's-1',
  parentOrganisationId: 'org-sub-a',
  subcontractorOrganisationId: 'org-sub-b',
  tier: 2,
  valuePence: 10_000_00,
  endDate: '2026-12-31',
});
const s3 = subcontract({ subcontractId: 's-3', subcontractorOrganisationId: 'org-sub-c', valuePence: 50_000_00 });

const varyContract = (changes: VaryContract['data']['changes'], actor: Actor = commissioner, extra: Partial<VaryContract['data']> = {}, now = NOW): VaryContract => ({
  type: 'VaryContract',
  data: { contractId: 'c-1', variationId: 'v-1', changes, reason: 'Extra funding for summer provision', ...extra },
  metadata: at(actor, now),
});

const varySubcontract = (
  subcontractId: string,
  changes: VarySubcontract['data']['changes'],
  actor: Actor = prime,
  extra: Partial<VarySubcontract['data']> = {},
): VarySubcontract => ({
  type: 'VarySubcontract',
  data: { contractId: 'c-1', subcontractId, variationId: 'v-2', changes, reason: 'More sessions in the holidays', ...extra },
  metadata: at(actor),
});

const contractVaried = (changes: ContractVaried['data']['changes'], previous: ContractVaried['data']['previous']): ContractVaried => ({
  type: 'ContractVaried',
  data: {
    contractId: 'c-1',
    variationId: 'v-1',
    changes,
    previous,
    reason: 'Extra funding for summer provision',
    approvedBy: { userId: 'user-amara', organisationId: 'org-council' },
    variedAt: NOW,
  },
});

const subcontractVaried = (
  subcontractId: string,
  changes: SubcontractVaried['data']['changes'],
  previous: SubcontractVaried['data']['previous'],
  approvedBy = { userId: 'user-pia', organisationId: 'org-prime' },
): SubcontractVaried => ({
  type: 'SubcontractVaried',
  data: { contractId: 'c-1', subcontractId, variationId: 'v-2', changes, previous, reason: 'More sessions in the holidays', approvedBy, variedAt: NOW },
});

const withVariationId = (event: SubcontractVaried, variationId: string): SubcontractVaried => ({ ...event, data: { ...event.data, variationId } });

const ended = (subcontractId: string, releasedValuePence: number): SubcontractEnded => ({
  type: 'SubcontractEnded',
  data: { contractId: 'c-1', subcontractId, reason: 'Closed', releasedValuePence, endedAt: NOW },
});

describe('Contract variation', () => {
  describe('by the commissioning council', () => {
    it('records the new value, the old one, the reason and the approver', () => {
      spec
        .given([created])
        .when(varyContract({ valuePence: 120_000_00 }))
        .then([contractVaried({ valuePence: 120_000_00 }, { valuePence: 100_000_00 })]);
    });

    it('records a new term and scope together, leaving unchanged terms out', () => {
      spec
        .given([created])
        .when(varyContract({ valuePence: 100_000_00, endDate: '2029-03-31', scope: ' Youth work and mentoring ' }))
        .then([contractVaried({ endDate: '2029-03-31', scope: 'Youth work and mentoring' }, { endDate: '2028-03-31' })]);
    });

    it('may lower the value to exactly what is already subcontracted', () => {
      spec
        .given([created, s1, s3])
        .when(varyContract({ valuePence: 90_000_00 }))
        .then([contractVaried({ valuePence: 90_000_00 }, { valuePence: 100_000_00 })]);
    });

    it('gives the prime the new value to subcontract against', () => {
      const s4 = subcontract({ subcontractId: 's-4', subcontractorOrganisationId: 'org-sub-d', valuePence: 30_000_00, addedAt: NOW });
      const { tier: _tier, parentOrganisationId: _parent, addedAt: _addedAt, ...command } = s4.data;
      spec
        .given([created, s1, s3, contractVaried({ valuePence: 120_000_00 }, { valuePence: 100_000_00 })])
        .when({ type: 'AddSubcontractor', data: { ...command, subcontractorEligibility: ELIGIBLE }, metadata: at(prime) })
        .then([{ ...s4, data: { ...s4.data, mayLetSubcontracts: false } }]);
    });

    it.each<[string, VaryContract, string]>([
      ['by another council', varyContract({ valuePence: 1 }, otherCouncil), 'NOT_THE_CONTRACT_COMMISSIONER'],
      ['by the prime', varyContract({ valuePence: 1 }, prime), 'NOT_THE_CONTRACT_COMMISSIONER'],
      ['without a reason', varyContract({ valuePence: 120_000_00 }, commissioner, { reason: '  ' }), 'VARIATION_REASON_REQUIRED'],
      ['that changes nothing', varyContract({ valuePence: 100_000_00, endDate: '2028-03-31' }), 'VARIATION_CHANGES_NOTHING'],
      ['with no terms at all', varyContract({}), 'VARIATION_CHANGES_NOTHING'],
      ['to a value of nothing', varyContract({ valuePence: 0 }), 'CONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['to an end that is not a date', varyContract({ endDate: 'next year' }), 'CONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['to end before it starts', varyContract({ endDate: '2026-04-01' }), 'CONTRACT_END_MUST_BE_AFTER_START'],
      ['to a blank scope', varyContract({ scope: ' ' }), 'CONTRACT_SCOPE_REQUIRED'],
      ['after the contract has ended', varyContract({ valuePence: 1 }, commissioner, {}, '2028-04-01T00:00:00.000Z'), 'CONTRACT_NOT_ACTIVE'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created]).when(command).thenThrows(code);
    });

    it('is refused below what the prime has already subcontracted', () => {
      spec
        .given([created, s1, s3])
        .when(varyContract({ valuePence: 89_999_99 }))
        .thenThrows('VALUE_BELOW_SUBCONTRACTED', { subcontractedPence: 90_000_00, requestedValuePence: 89_999_99 });
    });

    it('counts only live subcontracts against a lower value', () => {
      spec
        .given([created, s1, s3, ended('s-3', 50_000_00)])
        .when(varyContract({ valuePence: 40_000_00 }))
        .then([contractVaried({ valuePence: 40_000_00 }, { valuePence: 100_000_00 })]);
    });

    it('is refused a term shorter than a subcontract under it', () => {
      spec.given([created, s1]).when(varyContract({ endDate: '2027-03-30' })).thenThrows('TERM_ENDS_BEFORE_SUBCONTRACTS', { subcontractIds: ['s-1'] });
    });

    it('is refused once the contract is terminated', () => {
      spec
        .given([created, { type: 'ContractTerminated', data: { contractId: 'c-1', reason: 'Insolvent', terminatedAt: NOW } }])
        .when(varyContract({ valuePence: 1 }))
        .thenThrows('CONTRACT_NOT_ACTIVE');
    });

    it('is refused when the variation is already recorded', () => {
      spec
        .given([created, contractVaried({ valuePence: 120_000_00 }, { valuePence: 100_000_00 })])
        .when(varyContract({ valuePence: 130_000_00 }))
        .thenThrows('VARIATION_ALREADY_RECORDED');
    });

    it('is refused for a contract that does not exist', () => {
      spec.given([]).when(varyContract({ valuePence: 1 })).thenThrows('CONTRACT_NOT_FOUND');
    });
  });
});

describe('Subcontract variation', () => {
  describe('by the organisation that let it', () => {
    it('records the prime raising a tier-1 value within the contract', () => {
      spec
        .given([created, s1, s3])
        .when(varySubcontract('s-1', { valuePence: 50_000_00 }))
        .then([subcontractVaried('s-1', { valuePence: 50_000_00 }, { valuePence: 40_000_00 })]);
    });

    it('records a tier-1 subcontractor varying its own subcontractor’s area and scope', () => {
      spec
        .given([created, s1, s2])
        .when(varySubcontract('s-2', { area: 'Chapeltown', scope: 'Mentoring' }, subA))
        .then([
          subcontractVaried('s-2', { scope: 'Mentoring', area: 'Chapeltown' }, { scope: 'Detached youth work', area: 'Harehills' }, {
            userId: 'user-abe',
            organisationId: 'org-sub-a',
          }),
        ]);
    });

    it('records a longer term up to the parent’s end', () => {
      spec
        .given([created, s1])
        .when(varySubcontract('s-1', { endDate: '2028-03-31' }))
        .then([subcontractVaried('s-1', { endDate: '2028-03-31' }, { endDate: '2027-03-31' })]);
    });

    it('frees value for the parent when lowered', () => {
      spec
        .given([created, s1, s3, subcontractVaried('s-1', { valuePence: 30_000_00 }, { valuePence: 40_000_00 })])
        .when(varySubcontract('s-3', { valuePence: 70_000_00 }, prime, { variationId: 'v-3' }))
        .then([withVariationId(subcontractVaried('s-3', { valuePence: 70_000_00 }, { valuePence: 50_000_00 }), 'v-3')]);
    });

    it('is refused when its siblings and the new value exceed the parent', () => {
      spec
        .given([created, s1, s3])
        .when(varySubcontract('s-1', { valuePence: 50_000_01 }))
        .thenThrows('SUBCONTRACT_VALUE_EXCEEDS_PARENT', { parentValuePence: 100_000_00, alreadySubcontractedPence: 50_000_00, availablePence: 50_000_00 });
    });

    it('is refused below what it has subcontracted further', () => {
      spec
        .given([created, s1, s2])
        .when(varySubcontract('s-1', { valuePence: 9_999_99 }))
        .thenThrows('VALUE_BELOW_SUBCONTRACTED', { subcontractedPence: 10_000_00, requestedValuePence: 9_999_99 });
    });

    it('is refused a term past its parent’s', () => {
      spec.given([created, s1, s2]).when(varySubcontract('s-2', { endDate: '2027-04-01' }, subA)).thenThrows('SUBCONTRACT_PERIOD_OUTSIDE_PARENT');
    });

    it('is refused a term shorter than a subcontract under it', () => {
      spec.given([created, s1, s2]).when(varySubcontract('s-1', { endDate: '2026-12-30' })).thenThrows('TERM_ENDS_BEFORE_SUBCONTRACTS', { subcontractIds: ['s-2'] });
    });

    it.each<[string, VarySubcontract, string]>([
      ['by the prime inside its subcontractor’s share', varySubcontract('s-2', { valuePence: 5_000_00 }, prime), 'NOT_THE_PARENT_ORGANISATION'],
      ['by the subcontractor itself', varySubcontract('s-1', { valuePence: 45_000_00 }, subA), 'NOT_THE_PARENT_ORGANISATION'],
      ['by the commissioner', varySubcontract('s-1', { valuePence: 45_000_00 }, commissioner), 'NOT_THE_PARENT_ORGANISATION'],
      ['without a reason', varySubcontract('s-1', { valuePence: 45_000_00 }, prime, { reason: '' }), 'VARIATION_REASON_REQUIRED'],
      ['that changes nothing', varySubcontract('s-1', { valuePence: 40_000_00, area: 'Harehills' }), 'VARIATION_CHANGES_NOTHING'],
      ['to a value in fractions of a penny', varySubcontract('s-1', { valuePence: 1.5 }), 'SUBCONTRACT_VALUE_MUST_BE_POSITIVE_PENCE'],
      ['to a blank area', varySubcontract('s-1', { area: ' ' }), 'SUBCONTRACT_AREA_REQUIRED'],
      ['to a blank scope', varySubcontract('s-1', { scope: '' }), 'SUBCONTRACT_SCOPE_REQUIRED'],
      ['to end before it starts', varySubcontract('s-1', { endDate: '2026-03-31' }), 'SUBCONTRACT_END_MUST_BE_AFTER_START'],
      ['to an end that is not a date', varySubcontract('s-1', { endDate: '2027-02-30' }), 'SUBCONTRACT_DATES_MUST_BE_ISO_DATES'],
      ['for a subcontract that does not exist', varySubcontract('s-9', { valuePence: 1 }), 'SUBCONTRACT_NOT_FOUND'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created, s1, s2]).when(command).thenThrows(code);
    });

    it('is refused once the subcontract has ended', () => {
      spec.given([created, s1, ended('s-1', 40_000_00)]).when(varySubcontract('s-1', { valuePence: 1 })).thenThrows('SUBCONTRACT_NOT_ACTIVE');
    });
  });

  it('is published with what changed, what it was and who approved it', () => {
    const event = subcontractVaried('s-1', { valuePence: 50_000_00 }, { valuePence: 40_000_00 });
    expect(toIntegrationEvents(event)).toEqual([{ type: 'subcontracting.subcontract-varied.v1', data: event.data }]);
  });
});
