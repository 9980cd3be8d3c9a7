import request from 'supertest';
import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { type AwardedTender, runAwardedTenderStory, signInStorySessions, type StorySessions } from './support/awarded-tender-story';
import { runDemoSeed } from './support/demo-seed';
import { ocdsValidators } from './support/ocds-validation';
import { eventually, Session, startTestPlatform, type TestPlatform } from './support/platform';

// Open data and trail downloads are read from the event log, not from read models, so one read-model
// database is enough here (the rebuild story runs on both).

const TENDERS = `query($after: String) { tenders(first: 50, after: $after) { nodes { id title } hasNextPage endCursor } }`;
const RELEASES = `query($tenderId: ID!) { ocdsReleasePackage(tenderId: $tenderId) }`;
const RECORD = `query($tenderId: ID!) { ocdsRecordPackage(tenderId: $tenderId) }`;

type Json = Record<string, unknown>;
type Release = Json & { tag: string[]; tender?: Json; awards?: Json[]; contracts?: Json[]; parties?: Json[] };

const validators = ocdsValidators();

/** Parses a CSV document as RFC 4180 describes it: quoted fields may hold commas, quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
};

describe('Open data and trail downloads through the gateway', () => {
  let platform: TestPlatform;
  let sessions: StorySessions;
  let auditor: Session;
  let otherCouncil: Session;
  let anonymous: Session;
  let story: AwardedTender;
  const sealedViews: { releases: Json; csv: string } = { releases: {}, csv: '' };

  const download = (path: string, token?: string | null) => {
    const call = request(platform.baseUrl).get(path);
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    expect(await runDemoSeed(platform.baseUrl)).toContain('Demo data:');
    sessions = await signInStorySessions(platform.baseUrl);
    auditor = await Session.signIn(platform.baseUrl, 'audrey.auditor');
    otherCouncil = await Session.signIn(platform.baseUrl, 'ed.commissioner');
    anonymous = new Session(platform.baseUrl, null);
    story = await runAwardedTenderStory(sessions, async (tenderId) => {
      sealedViews.releases = (await download(`/open-data/tenders/${tenderId}/ocds-release-package.json`).expect(200)).body as Json;
      sealedViews.csv = (await download(`/audit/tenders/${tenderId}/trail.csv`, auditor.token).expect(200)).text;
    });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('exports every tender on the platform, the demo data included, as release and record packages that validate with zero errors', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { tenders: { nodes: { id: string }[]; hasNextPage: boolean; endCursor: string | null } } = await sessions.commissioner.data(TENDERS, { after });
      ids.push(...page.tenders.nodes.map((node) => node.id));
      if (!page.tenders.hasNextPage) break;
      after = page.tenders.endCursor;
    }
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(ids).toContain(story.tenderId);
    for (const tenderId of ids) {
      const releases = await download(`/open-data/tenders/${tenderId}/ocds-release-package.json`).expect(200);
      expect(releases.headers['content-type']).toMatch(/^application\/json/);
      expect(releases.headers['content-disposition']).toBe(`attachment; filename="ocds-release-package-${tenderId}.json"`);
      expect({ tenderId, errors: validators.releasePackageErrors(releases.body) }).toEqual({ tenderId, errors: [] });
      const record = await download(`/open-data/tenders/${tenderId}/ocds-record-package.json`).expect(200);
      expect({ tenderId, errors: validators.recordPackageErrors(record.body) }).toEqual({ tenderId, errors: [] });
      // The same packages through GraphQL, without signing in.
      const viaGraphql = await anonymous.data<{ ocdsReleasePackage: Json; ocdsRecordPackage: Json }>(`query($tenderId: ID!) { ocdsReleasePackage(tenderId: $tenderId) ocdsRecordPackage(tenderId: $tenderId) }`, { tenderId });
      expect(validators.releasePackageErrors(viaGraphql.ocdsReleasePackage)).toEqual([]);
      expect((viaGraphql.ocdsReleasePackage['releases'] as Release[]).map((release) => release['id'])).toEqual(
        ((releases.body as Json)['releases'] as Release[]).map((release) => release['id']),
      );
    }
  });

  it('named no tenderer before the deadline, neither in the open data nor in the trail', () => {
    expect(validators.releasePackageErrors(sealedViews.releases)).toEqual([]);
    const sealedText = JSON.stringify(sealedViews.releases);
    expect(sealedText).not.toContain(DEMO_ORGANISATIONS.moorlandHomes.id);
    expect(sealedText).not.toContain(DEMO_ORGANISATIONS.kindredWorks.id);
    expect(sealedText).not.toContain('numberOfTenderers');
    expect(sealedViews.csv).not.toContain(DEMO_ORGANISATIONS.moorlandHomes.id);
    expect(sealedViews.csv).not.toContain('bidding.');
    expect(parseCsv(sealedViews.csv).slice(1).map((row) => row[2])).toEqual(['TenderPublished', 'ClarificationAsked', 'ClarificationAnswered']);
  });

  it('publishes tenderers, the award, the contract and its subcontract once they happened', async () => {
    const record = await eventually(
      async () => (await download(`/open-data/tenders/${story.tenderId}/ocds-record-package.json`).expect(200)).body as Json,
      (body) => JSON.stringify(body).includes('"contractAmendment"'),
    );
    const compiled = ((record['records'] as Json[])[0] as Json)['compiledRelease'] as Release;
    expect(compiled['ocid']).toBe(`ocds-tndrl1-${story.tenderId}`);
    expect(compiled.tender).toMatchObject({
      status: 'complete',
      numberOfTenderers: 2,
      tenderers: expect.arrayContaining([
        { id: DEMO_ORGANISATIONS.moorlandHomes.id, name: 'Moorland Homes' },
        { id: DEMO_ORGANISATIONS.kindredWorks.id, name: 'Kindred Works CIC' },
      ]),
    });
    expect(compiled.awards).toEqual([
      expect.objectContaining({
        id: `NORTH/${story.primeBidId}`,
        status: 'active',
        value: { amount: 385_000, currency: 'GBP' },
        suppliers: [{ id: DEMO_ORGANISATIONS.moorlandHomes.id, name: 'Moorland Homes' }],
        hasSubcontracting: true,
        subcontracting: expect.objectContaining({
          subcontracts: [
            expect.objectContaining({
              subcontractor: { id: DEMO_ORGANISATIONS.brightpathYouthTrust.id, name: 'Brightpath Youth Trust' },
              tenderers: [{ id: DEMO_ORGANISATIONS.moorlandHomes.id, name: 'Moorland Homes' }],
            }),
          ],
        }),
      }),
    ]);
    expect(compiled.contracts).toEqual([
      expect.objectContaining({
        id: story.contractId,
        awardID: `NORTH/${story.primeBidId}`,
        status: 'active',
        value: { amount: 400_000, currency: 'GBP' },
        amendments: [expect.objectContaining({ rationale: 'A fifth evening a week from the second year' })],
      }),
    ]);
    expect(compiled.tender?.['hasEnquiries']).toBe(true);
    const buyer = compiled.parties?.find((party) => party['id'] === DEMO_ORGANISATIONS.northmoorCouncil.id);
    expect(buyer).toMatchObject({ name: 'Northmoor Council', roles: ['buyer', 'procuringEntity'] });
    const prime = compiled.parties?.find((party) => party['id'] === DEMO_ORGANISATIONS.moorlandHomes.id);
    expect(prime).toMatchObject({ identifier: { scheme: 'GB-COH', id: '01234567' }, roles: ['tenderer', 'supplier'] });
    const charity = compiled.parties?.find((party) => party['id'] === DEMO_ORGANISATIONS.brightpathYouthTrust.id);
    expect(charity).toMatchObject({ identifier: { scheme: 'GB-CHC', id: '1123456' }, roles: ['subcontractor'] });
    expect(validators.recordPackageErrors(record)).toEqual([]);
  });

  it('refuses an unknown tender with 404 and a code', async () => {
    const response = await download('/open-data/tenders/no-such-tender/ocds-release-package.json').expect(404);
    expect(response.body).toMatchObject({ code: 'TENDER_NOT_FOUND' });
    expect(await anonymous.errorCodes(RELEASES, { tenderId: 'no-such-tender' })).toEqual(['TENDER_NOT_FOUND']);
    expect(await anonymous.errorCodes(RECORD, { tenderId: 'no-such-tender' })).toEqual(['TENDER_NOT_FOUND']);
    await download(`/open-data/tenders/${story.tenderId}/secrets.json`).expect(404);
  });

  it('lets an auditor download the tender trail as CSV: a header and one row per recorded fact', async () => {
    const response = await eventually(
      () => download(`/audit/tenders/${story.tenderId}/trail.csv`, auditor.token),
      (r) => r.text.includes('subcontracting.contract-varied.v1'),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="tender-${story.tenderId}-trail-\\d{8}T\\d{6}Z\\.csv"$`));
    const rows = parseCsv(response.text);
    expect(rows[0]).toEqual(['position', 'occurred_at', 'event_type', 'actor_user_id', 'actor_role', 'actor_organisation_id', 'reason', 'evidence_refs', 'summary', 'stream', 'correlation_id']);
    const body = rows.slice(1);
    expect(body.map((row) => row[2])).toEqual([
      'TenderPublished',
      'ClarificationAsked',
      'ClarificationAnswered',
      'TenderClosed',
      'bidding.bids-opened.v1',
      'EvaluationStarted',
      'AwardProposed',
      'LotAwarded',
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.contract-varied.v1',
    ]);
    expect(body.find((row) => row[2] === 'subcontracting.contract-varied.v1')?.[6]).toBe('A fifth evening a week from the second year');
    expect(body.every((row) => row.length === 11)).toBe(true);
    const positions = body.map((row) => Number(row[0]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The commissioner proposes the award; the scheduler makes it final when the standstill ends.
    const proposal = body.find((row) => row[2] === 'AwardProposed');
    expect(proposal?.slice(3, 8)).toEqual(['b0000000-0000-4000-8000-000000000001', 'commissioner', DEMO_ORGANISATIONS.northmoorCouncil.id, 'Highest combined quality and price score', 'evaluation-summary-north']);
    const award = body.find((row) => row[2] === 'LotAwarded');
    expect(award?.slice(4, 8)).toEqual(['system', '', 'Highest combined quality and price score', 'evaluation-summary-north']);
    expect(award?.[8]).toContain(`Awarded lot NORTH to organisation ${DEMO_ORGANISATIONS.moorlandHomes.id}`);

    // The auditor's downloads are recorded in the access log like any other read.
    const { auditAccessLog } = await auditor.data<{ auditAccessLog: { nodes: { field: string; role: string; service: string }[] } }>(
      `query($entityId: ID) { auditAccessLog(entityId: $entityId, field: "download:tender-trail.csv") { nodes { field role service } } }`,
      { entityId: story.tenderId },
    );
    expect(auditAccessLog.nodes.length).toBeGreaterThanOrEqual(2);
    expect(auditAccessLog.nodes.every((node) => node.role === 'auditor' && node.service === 'tender-service')).toBe(true);
  });

  it("lets the council's own commissioner download the contract trail, from the award on", async () => {
    const response = await download(`/audit/contracts/${story.contractId}/trail.csv`, sessions.commissioner.token).expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="contract-.+-trail-\d{8}T\d{6}Z\.csv"$/);
    expect(parseCsv(response.text).slice(1).map((row) => row[2])).toEqual([
      'LotAwarded',
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.contract-varied.v1',
    ]);
  });

  it('refuses trails to anyone else, with a status and a code', async () => {
    expect((await download(`/audit/tenders/${story.tenderId}/trail.csv`).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await download(`/audit/tenders/${story.tenderId}/trail.csv`, sessions.prime.token).expect(403)).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await download(`/audit/tenders/${story.tenderId}/trail.csv`, otherCouncil.token).expect(403)).body).toMatchObject({ code: 'NOT_ALLOWED_TO_READ_TENDER_HISTORY' });
    expect((await download(`/audit/contracts/${story.contractId}/trail.csv`, otherCouncil.token).expect(403)).body).toMatchObject({ code: 'NOT_ALLOWED_TO_READ_CONTRACT_HISTORY' });
    expect((await download('/audit/contracts/no-such-contract/trail.csv', auditor.token).expect(404)).body).toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    expect((await download('/audit/tenders/no-such-tender/trail.csv', auditor.token).expect(404)).body).toMatchObject({ code: 'TENDER_NOT_FOUND' });
  });
});
