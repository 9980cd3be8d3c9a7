import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { runRebuildCommand, snapshotReadModels } from './support/read-model-snapshot';
import { registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) {
  publishTender(input: $input, idempotencyKey: $key) { id status organisationId submissionDeadline lots { lotId } }
}`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) {
  submitBid(input: $input, idempotencyKey: $key) { id status organisationId pricePence }
}`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id organisationId pricePence status } }`;
const BID = `query($id: ID!) { bid(id: $id) { id organisationId pricePence } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { id status closedAt lots { lotId award { bidId supplierOrganisationId valuePence rationale } } } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) {
  awardLot(input: $input, idempotencyKey: $key) {
    id status lots { lotId stage proposedAward { bidId supplierOrganisationId standstillEndsAt } award { bidId supplierOrganisationId valuePence } }
  }
}`;
const CONTRACTS = `query($tenderId: ID) { contracts(tenderId: $tenderId) { id primeOrganisationId valuePence subcontracts { id subcontractorOrganisationId valuePence tier } } }`;
const ADD_SUBCONTRACTOR = `mutation($input: AddSubcontractorInput!, $key: String!) {
  addSubcontractor(input: $input, idempotencyKey: $key) { id subcontracts { id subcontractorOrganisationId valuePence paymentTermsDays } }
}`;
const HISTORY = `query($tenderId: ID!) { tenderHistory(tenderId: $tenderId) { position eventType occurredAt summary actor { userId role organisationId } } }`;

type Bid = { id: string; organisationId: string; pricePence: number; status: string };
type HistoryEntry = { position: number; eventType: string; occurredAt: string; summary: string; actor: { userId: string; role: string; organisationId: string | null } };

const POSTGRES_URL = process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';

const readModelSetups: [string, () => Record<string, string>][] = [
  ['read models on SQLite (the embedded default)', () => ({})],
  [
    'read models on PostgreSQL (production)',
    () => ({ READ_MODEL_DB: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA_PREFIX: `e2e_${process.pid}_${Date.now() % 100_000}_` }),
  ],
];

describe.each(readModelSetups)('Walking skeleton through the gateway, %s', (_name, environment) => {
  let platform: TestPlatform;
  let commissioner: Session;
  let otherCouncil: Session;
  let prime: Session;
  let otherProvider: Session;
  let subcontractor: Session;
  let auditor: Session;
  let admin: Session;
  let panel: Session;

  beforeAll(async () => {
    platform = await startTestPlatform(environment());
    const signIn = (username: string) => Session.signIn(platform.baseUrl, username);
    commissioner = await signIn('clara.commissioner');
    otherCouncil = await signIn('ed.commissioner');
    prime = await signIn('harriet.prime');
    otherProvider = await signIn('sam.provider');
    subcontractor = await signIn('yasmin.provider');
    auditor = await signIn('audrey.auditor');
    admin = await signIn('alex.admin');
    panel = await signIn('panel.kestrel');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('publishes, seals, closes by time, awards, creates the contract, builds the chain and shows auditors the trail', async () => {
    // The prime-to-be registers its organisation and declares its safeguarding policy, which bidding requires.
    const toRenew = await registerEligibleProvider(prime, {
      name: 'Moorland Homes',
      kind: 'registered_social_landlord',
      serviceAreas: ['North locality'],
      yourDisplayName: 'Harriet Mensah',
    });
    expect(toRenew).toEqual([]);
    // So does the charity the prime will subcontract to: a prime may only let work to registered providers with current due diligence.
    expect(await registerEligibleProvider(subcontractor, { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true })).toEqual([]);

    const deadline = new Date(Date.now() + 8_000);
    const tenderInput = {
      title: 'Open-access youth work, North locality',
      description: 'Evening youth work with a focus on learning and progress',
      category: 'youth-work',
      lots: [{ lotId: 'NORTH', title: 'North locality', estimatedValuePence: 40_000_000 }],
      criteria: [
        { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
        { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 40 },
      ],
      submissionDeadline: deadline.toISOString(),
      suitableForVcse: true,
    };

    // A commissioner publishes a tender.
    const { publishTender: tender } = await commissioner.data<{ publishTender: { id: string; status: string; organisationId: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: tenderInput,
    });
    expect(tender).toMatchObject({ status: 'open', organisationId: DEMO_ORGANISATIONS.northmoorCouncil.id });

    // Only commissioners publish, and only signed-in users get anywhere.
    expect(await prime.errorCodes(PUBLISH, { key: newKey('publish'), input: tenderInput })).toEqual(['FORBIDDEN']);
    expect(await new Session(platform.baseUrl, null).errorCodes(TENDER, { id: tender.id })).toEqual(['UNAUTHENTICATED']);

    // A provider (the prime-to-be) submits a bid.
    const { submitBid: bid } = await prime.data<{ submitBid: Bid }>(SUBMIT, {
      key: newKey('bid'),
      input: {
        tenderId: tender.id,
        lotId: 'NORTH',
        pricePence: 38_500_000,
        qualityAnswers: [{ criterionId: 'Q1', answer: 'Detached and centre-based youth work four evenings a week' }],
        socialValueCommitments: 'Apprenticeships for local young people',
      },
    });
    expect(bid).toMatchObject({ status: 'submitted', organisationId: DEMO_ORGANISATIONS.moorlandHomes.id, pricePence: 38_500_000 });

    // Sealed: before the deadline nobody but the bidder's own members can read it, or learn that it exists.
    expect((await prime.data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => b.id)).toEqual([bid.id]);
    for (const outsider of [commissioner, otherCouncil, auditor, admin, otherProvider, subcontractor, panel]) {
      expect((await outsider.data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids).toEqual([]);
      expect((await outsider.data<{ bid: Bid | null }>(BID, { id: bid.id })).bid).toBeNull();
    }
    const sealedHistory = (await auditor.data<{ tenderHistory: HistoryEntry[] }>(HISTORY, { tenderId: tender.id })).tenderHistory;
    expect(JSON.stringify(sealedHistory)).not.toContain(DEMO_ORGANISATIONS.moorlandHomes.id);

    // No award before the deadline.
    const awardInput = {
      tenderId: tender.id,
      lotId: 'NORTH',
      bidId: bid.id,
      valuePence: 38_500_000,
      rationale: 'Highest combined quality and price score; strongest offer on learning and progress',
      evidenceRefs: ['evaluation-summary-north'],
      contractStartDate: '2027-04-01',
      contractEndDate: '2030-03-31',
      paymentTermsDays: 30,
    };
    expect(await commissioner.errorCodes(AWARD, { key: newKey('award'), input: awardInput })).toEqual(['TENDER_NOT_CLOSED']);

    // At the deadline the tender closes by itself, bids unseal for the commissioner, and their opening puts it under evaluation.
    const closed = await eventually(
      () => commissioner.data<{ tender: { status: string; closedAt: string | null } }>(TENDER, { id: tender.id }),
      ({ tender: t }) => t.status === 'under_evaluation',
      30_000,
    );
    expect(new Date(closed.tender.closedAt ?? 0).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    const opened = await eventually(
      () => commissioner.data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 1 && bids[0]?.status === 'opened',
    );
    expect(opened.bids[0]).toMatchObject({ id: bid.id, organisationId: DEMO_ORGANISATIONS.moorlandHomes.id, pricePence: 38_500_000 });
    expect((await otherCouncil.data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids).toEqual([]);
    expect((await otherProvider.data<{ bid: Bid | null }>(BID, { id: bid.id })).bid).toBeNull();

    // Late bids are refused.
    expect(
      await otherProvider.errorCodes(SUBMIT, {
        key: newKey('late'),
        input: { tenderId: tender.id, lotId: 'NORTH', pricePence: 1_000, qualityAnswers: [], socialValueCommitments: '' },
      }),
    ).toEqual(['TENDER_DEADLINE_PASSED']);

    // After the deadline the commissioner proposes the award; a retry with the same key changes nothing.
    type Proposal = { status: string; lots: { stage: string; proposedAward: { bidId: string; supplierOrganisationId: string } | null }[] };
    const awardKey = newKey('award');
    const { awardLot } = await commissioner.data<{ awardLot: Proposal }>(AWARD, { key: awardKey, input: awardInput });
    expect(awardLot.lots[0]?.proposedAward).toMatchObject({ bidId: bid.id, supplierOrganisationId: DEMO_ORGANISATIONS.moorlandHomes.id });
    const retried = await commissioner.data<{ awardLot: Proposal }>(AWARD, { key: awardKey, input: awardInput });
    expect(retried.awardLot.lots[0]?.proposedAward).toEqual(awardLot.lots[0]?.proposedAward);

    // The award becomes final by itself when the standstill (seconds on the test platform) ends.
    const final = await eventually(
      () => commissioner.data<{ tender: { status: string; lots: { award: { bidId: string } | null }[] } }>(TENDER, { id: tender.id }),
      ({ tender: t }) => t.status === 'awarded',
    );
    expect(final.tender.lots[0]?.award).toMatchObject({ bidId: bid.id, supplierOrganisationId: DEMO_ORGANISATIONS.moorlandHomes.id });

    // The award creates the contract on the subcontracting side, through the event store only.
    const { contracts } = await eventually(
      () => prime.data<{ contracts: { id: string; primeOrganisationId: string; valuePence: number }[] }>(CONTRACTS, { tenderId: tender.id }),
      (result) => result.contracts.length === 1,
    );
    const contract = contracts[0];
    expect(contract).toMatchObject({ primeOrganisationId: DEMO_ORGANISATIONS.moorlandHomes.id, valuePence: 38_500_000 });
    if (!contract) throw new Error('unreachable');

    // The winning prime adds a subcontractor to its contract; the flow-down rule is enforced.
    const subcontractInput = {
      contractId: contract.id,
      subcontractorOrganisationId: DEMO_ORGANISATIONS.brightpathYouthTrust.id,
      valuePence: 9_000_000,
      scope: 'Detached youth work on two estates',
      area: 'North locality',
      startDate: '2027-04-01',
      endDate: '2030-03-31',
      paymentTermsDays: 30,
    };
    expect(await prime.errorCodes(ADD_SUBCONTRACTOR, { key: newKey('sub'), input: { ...subcontractInput, paymentTermsDays: 60 } })).toEqual([
      'PAYMENT_TERMS_EXCEED_30_DAYS',
    ]);
    expect(await otherProvider.errorCodes(ADD_SUBCONTRACTOR, { key: newKey('sub'), input: subcontractInput })).not.toEqual([]);
    expect(
      await prime.errorCodes(ADD_SUBCONTRACTOR, {
        key: newKey('sub'),
        input: { ...subcontractInput, subcontractorOrganisationId: DEMO_ORGANISATIONS.riversideCommunityNetwork.id },
      }),
    ).toEqual(['SUBCONTRACTOR_NOT_REGISTERED']);
    const { addSubcontractor } = await prime.data<{ addSubcontractor: { subcontracts: { subcontractorOrganisationId: string; valuePence: number }[] } }>(
      ADD_SUBCONTRACTOR,
      { key: newKey('sub'), input: subcontractInput },
    );
    expect(addSubcontractor.subcontracts).toEqual([
      expect.objectContaining({ subcontractorOrganisationId: DEMO_ORGANISATIONS.brightpathYouthTrust.id, valuePence: 9_000_000, paymentTermsDays: 30 }),
    ]);
    // The subcontractor sees its branch; an unrelated provider sees nothing.
    expect((await subcontractor.data<{ contracts: { id: string }[] }>(CONTRACTS, { tenderId: tender.id })).contracts.map((c) => c.id)).toEqual([contract.id]);
    expect((await otherProvider.data<{ contracts: unknown[] }>(CONTRACTS, { tenderId: tender.id })).contracts).toEqual([]);

    // An auditor reads the ordered history of the tender: who did what, and when.
    const { tenderHistory } = await eventually(
      () => auditor.data<{ tenderHistory: HistoryEntry[] }>(HISTORY, { tenderId: tender.id }),
      (result) => result.tenderHistory.some((entry) => entry.eventType === 'subcontracting.subcontractor-added.v1'),
    );
    expect(tenderHistory.map((entry) => entry.eventType)).toEqual([
      'TenderPublished',
      'TenderClosed',
      'bidding.bids-opened.v1',
      'AwardProposed',
      'LotAwarded',
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
    ]);
    const positions = tenderHistory.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const byType = Object.fromEntries(tenderHistory.map((entry) => [entry.eventType, entry]));
    expect(byType['TenderPublished']?.actor).toEqual({ userId: 'b0000000-0000-4000-8000-000000000001', role: 'commissioner', organisationId: DEMO_ORGANISATIONS.northmoorCouncil.id });
    expect(byType['TenderClosed']?.actor.role).toBe('system');
    expect(byType['bidding.bids-opened.v1']?.summary).toContain(DEMO_ORGANISATIONS.moorlandHomes.id);
    expect(byType['AwardProposed']?.summary).toContain('Highest combined quality and price score');
    expect(byType['AwardProposed']?.actor.role).toBe('commissioner');
    expect(byType['LotAwarded']?.summary).toContain('Highest combined quality and price score');
    expect(byType['LotAwarded']?.actor.role).toBe('system');
    expect(byType['subcontracting.subcontractor-added.v1']?.actor).toMatchObject({ role: 'prime', organisationId: DEMO_ORGANISATIONS.moorlandHomes.id });
    expect(tenderHistory.filter((entry) => entry.eventType === 'LotAwarded')).toHaveLength(1);

    // Auditors read, but only commissioners of the tender's own council may see its history besides them.
    expect(await otherCouncil.errorCodes(HISTORY, { tenderId: tender.id })).toEqual(['NOT_ALLOWED_TO_READ_TENDER_HISTORY']);
    expect(await prime.errorCodes(HISTORY, { tenderId: tender.id })).toEqual(['FORBIDDEN']);

    // Read models are disposable: the rebuild command replays them from the log to the same rows.
    await platform.platform.stop();
    const before = await snapshotReadModels(platform.env);
    expect(before['tender-service.tender_view']).toHaveLength(1);
    expect(before['subcontracting-service.subcontract_view']).toHaveLength(1);
    const output = await runRebuildCommand(platform.env);
    expect(output).toMatch(/tender-read-model: \d+ events replayed/);
    expect(output).toMatch(/provider-read-model: \d+ events replayed/);
    expect(output).toMatch(/contract-read-model: \d+ events replayed/);
    expect(await snapshotReadModels(platform.env)).toEqual(before);
  }, 180_000);
});
