import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { awardedWithSubcontracts, cancelled, closed, COUNCIL, DEADLINE, HistoryBuilder, PRIME, published, RIVAL, SUB, SUB_SUB, unsuccessful } from '../testing/tender-histories';
import { mergeReleases, type JsonObject } from './ocds-merge';
import { buildOcdsRecordPackage, buildOcdsReleasePackage, OCDS_EXTENSIONS, type OcdsPackageOptions } from './ocds-packages';
import { OCDS_SCHEMA_DIR, OCDS_SCHEMA_FILES } from './ocds-schema-files';
import type { TenderEventSources } from './ocds-sources';
import { ocdsValidators } from '../testing/ocds-validators';

const options = (asOf = '2027-01-01T00:00:00.000Z'): OcdsPackageOptions => ({
  publisher: { ocidPrefix: 'ocds-tndrl1', name: 'Tendril', uri: 'https://tendril.example' },
  baseUri: 'https://tendril.example/open-data',
  asOf,
  organisations: new Map([
    [COUNCIL, { name: 'Northmoor Council', identifiers: [] }],
    [PRIME, { name: 'Moorland Homes', identifiers: [{ scheme: 'GB-COH', id: '01234567' }] }],
    [SUB, { name: 'Brightpath Youth Trust', identifiers: [{ scheme: 'GB-CHC', id: '1100001' }, { scheme: 'GB-COH', id: '07654321' }] }],
  ]),
});

const validators = ocdsValidators();
const histories: [string, () => HistoryBuilder][] = [
  ['published only', () => published()],
  ['closed', () => closed()],
  ['awarded with a contract and subcontracts', () => awardedWithSubcontracts()],
  ['cancelled', () => cancelled()],
  ['unsuccessful', () => unsuccessful()],
];

const releasesOf = (sources: TenderEventSources, asOf?: string) => buildOcdsReleasePackage('t-1', sources, options(asOf))?.releases ?? [];
const compiledOf = (sources: TenderEventSources, asOf?: string) =>
  ((buildOcdsRecordPackage('t-1', sources, options(asOf))?.['records'] as JsonObject[])[0] ?? {})['compiledRelease'] as JsonObject;

describe('OCDS export of a tender', () => {
  describe.each(histories)('%s', (_name, history) => {
    it('is a release package that validates against the official 1.1.5 schema with zero errors', () => {
      const pkg = buildOcdsReleasePackage('t-1', history().sources, options());
      expect(validators.releasePackageErrors(pkg)).toEqual([]);
    });

    it('is a record package that validates against the official 1.1.5 schema with zero errors', () => {
      const pkg = buildOcdsRecordPackage('t-1', history().sources, options());
      expect(validators.recordPackageErrors(pkg)).toEqual([]);
    });

    it('gives the same release ids on every export', () => {
      expect(releasesOf(history().sources).map((release) => release.id)).toEqual(releasesOf(history().sources).map((release) => release.id));
    });
  });

  it('is refused by the validator when a required field is missing or malformed', () => {
    const pkg = buildOcdsReleasePackage('t-1', published().sources, options());
    const withoutPublisher: Record<string, unknown> = { ...pkg };
    delete withoutPublisher['publisher'];
    expect(validators.releasePackageErrors(withoutPublisher)).toEqual([" must have required property 'publisher'"]);
    const badDate = { ...pkg, releases: pkg?.releases.map((release) => ({ ...release, date: 'yesterday' })) };
    expect(validators.releasePackageErrors(badDate)).toContain('/releases/0/date must match format "date-time"');
  });

  it('has no package for a tender that was never published', () => {
    expect(buildOcdsReleasePackage('t-1', new HistoryBuilder().sources, options())).toBeNull();
    expect(buildOcdsRecordPackage('t-1', new HistoryBuilder().sources, options())).toBeNull();
  });

  it('builds the ocid from the configured prefix and declares the lots and subcontracting extensions', () => {
    const pkg = buildOcdsReleasePackage('t-1', published().sources, options());
    expect(pkg?.['extensions']).toEqual(OCDS_EXTENSIONS);
    expect(new Set(pkg?.releases.map((release) => release.ocid))).toEqual(new Set(['ocds-tndrl1-t-1']));
    expect(pkg?.['uri']).toBe('https://tendril.example/open-data/tenders/t-1/ocds-release-package.json');
  });

  it('publishes planning, the tender notice, its amendment and the published clarification as separate releases', () => {
    expect(releasesOf(published().sources).map((release) => release.tag)).toEqual([['planning'], ['tender'], ['tenderAmendment'], ['tenderUpdate']]);
  });

  it("never publishes the asker of a clarification or a sealed bid's arrival", () => {
    const text = JSON.stringify(buildOcdsReleasePackage('t-1', published().sources, options()));
    expect(text).not.toContain(RIVAL);
    expect(text).not.toContain('b-prime');
  });

  describe('before the deadline', () => {
    it('names no tenderer, even if the bids-opened fact were already recorded', () => {
      const early = closed();
      const text = JSON.stringify(buildOcdsReleasePackage('t-1', early.sources, options('2026-02-28T00:00:00.000Z')));
      expect(text).not.toContain(PRIME);
      expect(text).not.toContain('"tenderer"');
      expect(text).not.toContain('numberOfTenderers');
    });
  });

  describe('after the deadline', () => {
    it('names every organisation that bid, once, with the tenderer role', () => {
      const compiled = compiledOf(closed().sources);
      const tender = compiled['tender'] as JsonObject;
      expect(tender['numberOfTenderers']).toBe(2);
      expect(tender['tenderers']).toEqual([{ id: PRIME, name: 'Moorland Homes' }, { id: RIVAL }]);
      expect((compiled['parties'] as JsonObject[]).find((party) => party['id'] === RIVAL)?.['roles']).toEqual(['tenderer']);
      expect(tender['awardPeriod']).toEqual({ startDate: DEADLINE });
    });
  });

  describe('awarded, with a contract and a supply chain', () => {
    const compiled = compiledOf(awardedWithSubcontracts().sources);

    it('has an active award per lot with its supplier and lot, and a complete tender', () => {
      expect((compiled['tender'] as JsonObject)['status']).toBe('complete');
      expect(compiled['awards']).toEqual([
        expect.objectContaining({ id: 'NORTH/b-prime', status: 'active', value: { amount: 400_000, currency: 'GBP' }, suppliers: [{ id: PRIME, name: 'Moorland Homes' }], relatedLots: ['NORTH'] }),
        expect.objectContaining({ id: 'EAST/b-prime-east', status: 'active', relatedLots: ['EAST'], hasSubcontracting: false }),
      ]);
    });

    it('has the contract with its varied value, its amendments and the decommissioning hand-over milestone', () => {
      const [contract] = compiled['contracts'] as JsonObject[];
      expect(contract).toMatchObject({
        id: 'c-1',
        awardID: 'NORTH/b-prime',
        status: 'active',
        value: { amount: 440_000, currency: 'GBP' },
        period: { startDate: '2026-04-01T00:00:00Z', endDate: '2027-01-31T23:59:59Z' },
      });
      expect((contract?.['amendments'] as JsonObject[]).map((amendment) => amendment['rationale'])).toEqual([
        'Two extra evenings a week',
        'Persistent under-delivery against the reach target',
      ]);
      expect((contract?.['implementation'] as JsonObject)['milestones']).toEqual([
        expect.objectContaining({ id: 'handover-case-1', type: 'delivery', dueDate: '2027-01-31T23:59:59Z', status: 'scheduled' }),
      ]);
    });

    it('shows the supply chain as the subcontracting extension does: live share of the contract value and every subcontract with who let it', () => {
      const [north] = compiled['awards'] as JsonObject[];
      expect(north?.['hasSubcontracting']).toBe(true);
      expect(north?.['subcontracting']).toMatchObject({
        value: { amount: 100_000, currency: 'GBP' },
        minimumPercentage: 0.2273,
        maximumPercentage: 0.2273,
        subcontracts: [
          { id: 's-1', subcontractor: { id: SUB, name: 'Brightpath Youth Trust' }, tenderers: [{ id: PRIME, name: 'Moorland Homes' }] },
          { id: 's-2', subcontractor: { id: SUB_SUB }, tenderers: [{ id: SUB, name: 'Brightpath Youth Trust' }] },
        ],
      });
      expect((north?.['subcontracting'] as JsonObject)['description']).toContain('ended 2026-07-01: Venue closed');
    });

    it('names parties with their roles and register identifiers', () => {
      const parties = compiled['parties'] as JsonObject[];
      expect(parties.find((party) => party['id'] === COUNCIL)).toEqual({ id: COUNCIL, name: 'Northmoor Council', roles: ['buyer', 'procuringEntity'] });
      expect(parties.find((party) => party['id'] === PRIME)?.['roles']).toEqual(['tenderer', 'supplier']);
      expect(parties.find((party) => party['id'] === SUB)).toEqual({
        id: SUB,
        name: 'Brightpath Youth Trust',
        identifier: { scheme: 'GB-CHC', id: '1100001', legalName: 'Brightpath Youth Trust' },
        additionalIdentifiers: [{ scheme: 'GB-COH', id: '07654321' }],
        roles: ['subcontractor'],
      });
    });

    it('tags each fact of the process', () => {
      expect(releasesOf(awardedWithSubcontracts().sources).map((release) => release.tag.join('+'))).toEqual([
        'planning',
        'tender',
        'tenderAmendment',
        'tenderUpdate',
        'tenderUpdate',
        'tenderUpdate',
        'award',
        'award',
        'contract',
        'awardUpdate',
        'awardUpdate',
        'contractAmendment',
        'awardUpdate',
        'contractAmendment+implementation',
      ]);
    });

    it('names documents by their current content hash', () => {
      const [document] = (compiled['tender'] as JsonObject)['documents'] as JsonObject[];
      expect(document).toMatchObject({
        id: 'spec',
        documentType: 'technicalSpecifications',
        url: `ni:///sha-256;${Buffer.from('b'.repeat(64), 'hex').toString('base64url')}`,
        dateModified: '2026-02-02T09:00:00.000Z',
      });
      expect(document?.['description']).toContain('b'.repeat(64));
    });

    it('links every release from the record in date order', () => {
      const record = (buildOcdsRecordPackage('t-1', awardedWithSubcontracts().sources, options())?.['records'] as JsonObject[])[0];
      const linked = record?.['releases'] as JsonObject[];
      expect(linked).toHaveLength(14);
      expect(linked.map((link) => link['date'])).toEqual([...linked.map((link) => String(link['date']))].sort());
      expect(String(linked[0]?.['url'])).toMatch(/^https:\/\/tendril\.example\/open-data\/tenders\/t-1\/ocds-release-package\.json#planning-/);
    });
  });

  it('shows a cancelled tender with its reason and its open lots cancelled', () => {
    const tender = compiledOf(cancelled().sources)['tender'] as JsonObject;
    expect(tender['status']).toBe('cancelled');
    expect((tender['lots'] as JsonObject[]).map((lot) => lot['status'])).toEqual(['cancelled', 'cancelled']);
    expect(tender['amendments']).toContainEqual(expect.objectContaining({ rationale: 'The service is being brought in-house' }));
  });

  it('shows an unsuccessful tender with its reason', () => {
    const tender = compiledOf(unsuccessful().sources)['tender'] as JsonObject;
    expect(tender['status']).toBe('unsuccessful');
    expect(tender['amendments']).toContainEqual(expect.objectContaining({ rationale: 'No compliant bid' }));
  });

  it('skips event types it does not know, so new facts never break the export', () => {
    const history = published().tender('SomethingNew', { whatever: true }, '2026-02-05T09:00:00.000Z');
    expect(releasesOf(history.sources)).toHaveLength(4);
  });
});

describe('The OCDS merge', () => {
  it('merges objects field by field, arrays of identified objects item by item, and removes fields set to null', () => {
    const compiled = mergeReleases([
      { ocid: 'o', id: '1', date: '2026-01-01T00:00:00Z', tag: ['tender'], tender: { id: 't', title: 'A', value: { amount: 1, currency: 'GBP' } }, awards: [{ id: 'a', status: 'pending' }] },
      { ocid: 'o', id: '2', date: '2026-01-02T00:00:00Z', tag: ['award'], tender: { title: 'B', value: null }, awards: [{ id: 'a', status: 'active' }, { id: 'b', status: 'pending' }] },
    ]);
    expect(compiled).toEqual({ ocid: 'o', tender: { id: 't', title: 'B' }, awards: [{ id: 'a', status: 'active' }, { id: 'b', status: 'pending' }] });
  });

  it('replaces arrays of strings and whole-list-merge fields, and applies releases in date order', () => {
    const compiled = mergeReleases([
      { date: '2026-01-02T00:00:00Z', parties: [{ id: 'p', roles: ['supplier'], additionalIdentifiers: [{ scheme: 'X', id: '2' }] }] },
      { date: '2026-01-01T00:00:00Z', parties: [{ id: 'p', roles: ['tenderer', 'buyer'], additionalIdentifiers: [{ scheme: 'X', id: '1' }, { scheme: 'Y', id: '1' }] }] },
    ]);
    expect(compiled).toEqual({ parties: [{ id: 'p', roles: ['supplier'], additionalIdentifiers: [{ scheme: 'X', id: '2' }] }] });
  });
});

describe('The copied OCDS schemas', () => {
  const source = fs.readFileSync(path.join(OCDS_SCHEMA_DIR, 'SOURCE.txt'), 'utf8');
  it.each(OCDS_SCHEMA_FILES)('%s has the SHA-256 SOURCE.txt records for the published 1.1.5 tag', (file) => {
    const digest = createHash('sha256').update(fs.readFileSync(path.join(OCDS_SCHEMA_DIR, file))).digest('hex');
    expect(source).toMatch(new RegExp(`^${digest}  ${file.replace('.', '\\.')}$`, 'm'));
  });
});
