import { awardedWithSubcontracts, CONTRACT_ID, DEADLINE, published, RIVAL } from '../testing/tender-histories';
import { contractTrail, tenderTrail, TRAIL_CSV_HEADER, trailCsv } from './trail';

describe('Tender trail', () => {
  it('lists every fact of the tender, its bidding after the deadline and its contracts, in log order', () => {
    const trail = tenderTrail(awardedWithSubcontracts().sources);
    expect(trail.map((entry) => entry.eventType)).toEqual([
      'TenderPublished',
      'TenderDocumentAmended',
      'ClarificationAsked',
      'ClarificationAnswered',
      'TenderClosed',
      'bidding.bids-opened.v1',
      'LotAwarded',
      'LotAwarded',
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.contract-varied.v1',
      'subcontracting.subcontract-ended.v1',
      'subcontracting.strand-decommissioned.v1',
    ]);
    expect(trail.map((entry) => entry.position)).toEqual([...trail.map((entry) => entry.position)].sort((a, b) => a - b));
  });

  it('carries who acted, why and on what evidence', () => {
    const decommissioning = tenderTrail(awardedWithSubcontracts().sources).at(-1);
    expect(decommissioning).toMatchObject({
      actorUserId: 'u-clara',
      actorRole: 'commissioner',
      actorOrganisationId: 'org-council',
      reason: 'Persistent under-delivery against the reach target',
      evidenceRefs: ['review:2026-q3'],
      occurredAt: '2026-11-01T09:00:00.000Z',
    });
  });

  it('keeps bids sealed before the deadline: no bid arrival and no bidder', () => {
    const trail = tenderTrail(published().sources);
    expect(trail.every((entry) => !entry.streamName.startsWith('integration-bidding-'))).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('b-prime');
    expect(trail.every((entry) => entry.occurredAt < DEADLINE)).toBe(true);
  });
});

describe('Contract trail', () => {
  it('starts with the award the contract came from and follows the contract and its supply chain only', () => {
    const trail = contractTrail(CONTRACT_ID, awardedWithSubcontracts().sources);
    expect(trail.map((entry) => entry.eventType)).toEqual([
      'LotAwarded',
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.contract-varied.v1',
      'subcontracting.subcontract-ended.v1',
      'subcontracting.strand-decommissioned.v1',
    ]);
    expect(trail[0]?.summary).toContain('Awarded lot NORTH');
  });

  it('is empty for a contract that does not exist', () => {
    expect(contractTrail('c-unknown', awardedWithSubcontracts().sources)).toEqual([]);
  });
});

describe('Trail as CSV', () => {
  it('has the header row and one row per fact, with quoted free text and evidence joined', () => {
    const csv = trailCsv(tenderTrail(awardedWithSubcontracts().sources));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(TRAIL_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 14 + 1);
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain(`,Organisation ${RIVAL} asked clarification q-1: Can we bid for both lots?,`);
    expect(lines[7]).toMatch(/^90,2026-03-10T09:00:00.000Z,LotAwarded,u-clara,commissioner,org-council,Highest ranked bid for NORTH,evaluation:lot,"Awarded lot NORTH to organisation org-prime \(bid b-prime, £400000.00, 2026-04-01 to 2028-03-31\)",tender-t-1,corr-90$/);
  });
});
