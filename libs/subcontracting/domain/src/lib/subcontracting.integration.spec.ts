/// <reference types="jest" />
import { toIntegrationEvents } from './subcontracting.integration';

describe('Subcontracting integration events', () => {
  it('publish a created contract', () => {
    const data = {
      contractId: 'contract-1',
      tenderId: 'tender-1',
      lotId: 'lot-north',
      bidId: 'bid-7',
      commissionerOrganisationId: 'org-leeds-council',
      primeOrganisationId: 'org-prime',
      valuePence: 100_00,
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      paymentTermsDays: 30,
      createdAt: '2026-03-05T10:00:00.000Z',
    };
    expect(toIntegrationEvents({ type: 'ContractCreated', data })).toEqual([{ type: 'subcontracting.contract-created.v1', data }]);
  });

  it('publish each subcontractor added, with its tier and who let it', () => {
    const data = {
      contractId: 'contract-1',
      subcontractId: 'sub-2',
      parentSubcontractId: 'sub-1',
      parentOrganisationId: 'org-sub-a',
      subcontractorOrganisationId: 'org-sub-b',
      tier: 2,
      valuePence: 10_00,
      scope: 'Sports sessions',
      area: 'Chapeltown',
      startDate: '2026-04-01',
      endDate: '2026-12-31',
      paymentTermsDays: 14,
      addedAt: '2026-05-01T10:00:00.000Z',
    };
    expect(toIntegrationEvents({ type: 'SubcontractorAdded', data })).toEqual([{ type: 'subcontracting.subcontractor-added.v1', data }]);
    // The parent's permission to subcontract further came later; the published v1 shape is unchanged.
    expect(toIntegrationEvents({ type: 'SubcontractorAdded', data: { ...data, mayLetSubcontracts: true } })).toEqual([
      { type: 'subcontracting.subcontractor-added.v1', data },
    ]);
  });

  it('publish an ended subcontract', () => {
    expect(
      toIntegrationEvents({
        type: 'SubcontractEnded',
        data: { contractId: 'contract-1', subcontractId: 'sub-2', reason: 'Done', releasedValuePence: 10_00, endedAt: '2026-06-01T10:00:00.000Z' },
      }),
    ).toEqual([
      {
        type: 'subcontracting.subcontract-ended.v1',
        data: { contractId: 'contract-1', subcontractId: 'sub-2', reason: 'Done', endedAt: '2026-06-01T10:00:00.000Z' },
      },
    ]);
  });

  it('publish a terminated contract', () => {
    const data = { contractId: 'contract-1', reason: 'Insolvency', terminatedAt: '2026-07-01T10:00:00.000Z' };
    expect(toIntegrationEvents({ type: 'ContractTerminated', data })).toEqual([{ type: 'subcontracting.contract-terminated.v1', data }]);
  });
});
