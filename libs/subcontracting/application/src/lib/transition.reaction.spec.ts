/// <reference types="jest" />
import { contractDecider, type ContractDecommissioned, type ContractEvent, type ExistingContract } from '@tendril/subcontracting/domain';
import { movedSubcontractId, movesByTarget } from './transition.reaction';

const sub = (subcontractId: string, organisationId: string, parent: string | null): ContractEvent => ({
  type: 'SubcontractorAdded',
  data: {
    contractId: 'c-1',
    subcontractId,
    parentSubcontractId: parent,
    parentOrganisationId: parent ? 'org-parent' : 'org-prime',
    subcontractorOrganisationId: organisationId,
    tier: parent ? 2 : 1,
    valuePence: 1_000,
    scope: 'Youth club',
    area: 'Ward 1',
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 14,
    addedAt: '2025-10-02T09:00:00.000Z',
    mayLetSubcontracts: parent === null,
  },
});

const contract = [
  {
    type: 'ContractCreated',
    data: {
      contractId: 'c-1',
      tenderId: 't-1',
      lotId: 'lot-1',
      bidId: 'b-1',
      commissionerOrganisationId: 'org-council',
      primeOrganisationId: 'org-prime',
      valuePence: 100_000,
      startDate: '2025-10-01',
      endDate: '2028-09-30',
      paymentTermsDays: 30,
      createdAt: '2025-09-01T09:00:00.000Z',
    },
  } as ContractEvent,
  sub('s-1', 'org-a', null),
  sub('s-2', 'org-b', 's-1'),
  sub('s-3', 'org-c', null),
  sub('s-4', 'org-d', 's-3'),
].reduce(contractDecider.evolve, contractDecider.initialState()) as ExistingContract;

const decision = (transition: ContractDecommissioned['data']['transition']) => ({ caseId: 'case-1', transition }) as ContractDecommissioned['data'];

describe('Grouping a transition plan’s moves by the contract they land under', () => {
  it('keeps work under a parent that moves to the same place, and puts the rest directly under the new prime', () => {
    const moves = movesByTarget(
      contract,
      decision([
        { subcontractId: 's-1', subcontractorOrganisationId: 'org-a', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-p2' },
        { subcontractId: 's-2', subcontractorOrganisationId: 'org-b', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-p2' },
        { subcontractId: 's-3', subcontractorOrganisationId: 'org-c', outcome: 'ends' },
        { subcontractId: 's-4', subcontractorOrganisationId: 'org-d', outcome: 'moves-in-house', toContractId: 'c-in' },
      ]),
    );
    expect([...moves.keys()]).toEqual(['c-2', 'c-in']);
    expect(moves.get('c-2')?.map((m) => [m.fromSubcontractId, m.parentSubcontractId])).toEqual([
      ['s-1', null],
      ['s-2', movedSubcontractId('case-1', 's-1')],
    ]);
    expect(moves.get('c-in')).toEqual([
      expect.objectContaining({ subcontractId: movedSubcontractId('case-1', 's-4'), parentSubcontractId: null, subcontractorOrganisationId: 'org-d', valuePence: 1_000, scope: 'Youth club', area: 'Ward 1' }),
    ]);
  });

  it('gives moved work the same id however often the plan is carried out', () => {
    expect(movedSubcontractId('case-1', 's-1')).toBe(movedSubcontractId('case-1', 's-1'));
    expect(movedSubcontractId('case-2', 's-1')).not.toBe(movedSubcontractId('case-1', 's-1'));
  });
});
