import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status } }`;
const BID_FIELDS = `id status organisationId pricePence consortium { leadOrganisationId members { organisationId sharePercent } }
  subcontractors { organisationId sharePercent scope }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { ${BID_FIELDS} } }`;
const AMEND = `mutation($input: AmendBidInput!, $key: String!) { amendBid(input: $input, idempotencyKey: $key) { ${BID_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $key: String!) { withdrawBid(bidId: $id, idempotencyKey: $key) { id status } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { ${BID_FIELDS} } }`;
const BID = `query($id: ID!) { bid(id: $id) { id } }`;

type Bid = {
  id: string;
  status: string;
  organisationId: string;
  pricePence: number;
  consortium: { leadOrganisationId: string; members: { organisationId: string; sharePercent: number }[] } | null;
  subcontractors: { organisationId: string; sharePercent: number; scope: string }[];
};

const orgs = DEMO_ORGANISATIONS;

describe('Bids with partners, sealed from every role, through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    const usernames = ['clara.commissioner', 'ed.commissioner', 'yasmin.provider', 'sam.provider', 'priya.provider', 'harriet.prime', 'omar.prime'];
    for (const username of [...usernames, 'panel.kestrel', 'audrey.auditor', 'alex.admin']) sessions[username] = await Session.signIn(platform.baseUrl, username);
    const register = (username: string, registration: ProviderRegistration) =>
      registerEligibleProvider(as(username), { serviceAreas: ['North locality'], yourDisplayName: username, ...registration });
    await register('yasmin.provider', { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true, sme: true });
    await register('sam.provider', { name: 'Riverside Community Network', kind: 'voluntary_community_group', vcse: true, sme: true });
    await register('priya.provider', { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: '12345678', vcse: true, sme: true });
    await register('harriet.prime', { name: 'Moorland Homes', kind: 'registered_social_landlord' });
    await register('omar.prime', { name: 'Northmoor Academy', kind: 'school', schoolUrn: '137492' });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes consortium and subcontracted bids, refuses the wrong ones, and keeps every bid sealed until the deadline', async () => {
    const deadline = new Date(Date.now() + 12_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Youth work across Northmoor',
        description: 'Open-access and detached youth work',
        category: 'youth-work',
        lots: [
          { lotId: 'NORTH', title: 'North', estimatedValuePence: 40_000_000 },
          { lotId: 'SOUTH', title: 'South', estimatedValuePence: 30_000_000 },
        ],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 40 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const content = (lotId: string, pricePence: number) => ({
      tenderId: tender.id,
      lotId,
      pricePence,
      qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth workers four evenings a week' }],
      socialValueCommitments: 'Apprenticeships for local young people',
    });

    // A school leads a consortium with a charity and a CIC; shares must sum to 100.
    const consortium = { members: [{ organisationId: orgs.northmoorAcademy.id, sharePercent: 50 }, { organisationId: orgs.brightpathYouthTrust.id, sharePercent: 30 }, { organisationId: orgs.kindredWorks.id, sharePercent: 10 }] };
    expect(await as('omar.prime').errorCodes(SUBMIT, { key: newKey('bid'), input: { ...content('NORTH', 39_000_000), consortium } })).toEqual([
      'CONSORTIUM_SHARES_MUST_SUM_TO_100',
    ]);
    consortium.members[2] = { organisationId: orgs.kindredWorks.id, sharePercent: 20 };
    const { submitBid: consortiumBid } = await as('omar.prime').data<{ submitBid: Bid }>(SUBMIT, { key: newKey('bid'), input: { ...content('NORTH', 39_000_000), consortium } });
    expect(consortiumBid.consortium).toEqual({ leadOrganisationId: orgs.northmoorAcademy.id, members: consortium.members });

    // A landlord proposes a registered community group as its subcontractor; an unregistered one is refused.
    const subcontractor = { organisationId: orgs.riversideCommunityNetwork.id, sharePercent: 25, scope: 'Detached youth work on two estates' };
    expect(
      await as('harriet.prime').errorCodes(SUBMIT, {
        key: newKey('bid'),
        input: { ...content('NORTH', 38_000_000), subcontractors: [{ ...subcontractor, organisationId: orgs.eastbridgeCouncil.id }] },
      }),
    ).toEqual(['PROPOSED_SUBCONTRACTOR_NOT_REGISTERED']);
    const { submitBid: primeBid } = await as('harriet.prime').data<{ submitBid: Bid }>(SUBMIT, { key: newKey('bid'), input: { ...content('NORTH', 38_000_000), subcontractors: [subcontractor] } });
    expect(primeBid.subcontractors).toEqual([subcontractor]);

    // A lot the tender does not have, and a second live bid for the same lot, are refused.
    expect(await as('sam.provider').errorCodes(SUBMIT, { key: newKey('bid'), input: content('EAST', 1_000_000) })).toEqual(['LOT_NOT_FOUND']);
    expect(await as('harriet.prime').errorCodes(SUBMIT, { key: newKey('bid'), input: content('NORTH', 37_000_000) })).toEqual(['BID_ALREADY_SUBMITTED_FOR_LOT']);

    // The community group bids for the south, withdraws, and bids again with an amended price.
    const { submitBid: first } = await as('sam.provider').data<{ submitBid: Bid }>(SUBMIT, { key: newKey('bid'), input: content('SOUTH', 29_000_000) });
    expect((await as('sam.provider').data<{ withdrawBid: Bid }>(WITHDRAW, { id: first.id, key: newKey('withdraw') })).withdrawBid.status).toBe('withdrawn');
    const { submitBid: resubmitted } = await as('sam.provider').data<{ submitBid: Bid }>(SUBMIT, { key: newKey('bid'), input: content('SOUTH', 28_000_000) });
    const { amendBid } = await as('sam.provider').data<{ amendBid: Bid }>(AMEND, {
      key: newKey('amend'),
      input: { bidId: resubmitted.id, pricePence: 27_500_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Evenings and weekends' }], socialValueCommitments: '' },
    });
    expect(amendBid).toMatchObject({ status: 'submitted', pricePence: 27_500_000 });

    // Sealed: each bidder sees only its own bids; nobody else learns that a bid exists, whatever their role,
    // including the consortium's other members and the proposed subcontractor.
    const ids = async (username: string) => (await as(username).data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => b.id).sort();
    expect(await ids('omar.prime')).toEqual([consortiumBid.id]);
    expect(await ids('harriet.prime')).toEqual([primeBid.id]);
    expect(await ids('sam.provider')).toEqual([first.id, resubmitted.id].sort());
    const everyBid = [consortiumBid.id, primeBid.id, first.id, resubmitted.id];
    for (const outsider of ['clara.commissioner', 'ed.commissioner', 'audrey.auditor', 'alex.admin', 'panel.kestrel', 'yasmin.provider', 'priya.provider']) {
      expect(await ids(outsider)).toEqual([]);
      for (const id of everyBid) expect((await as(outsider).data<{ bid: { id: string } | null }>(BID, { id })).bid).toBeNull();
    }
    expect((await as('sam.provider').data<{ bid: { id: string } | null }>(BID, { id: primeBid.id })).bid).toBeNull();
    // Nor can anyone else withdraw or amend a bid, or find out that it exists by trying.
    expect(await as('yasmin.provider').errorCodes(WITHDRAW, { id: consortiumBid.id, key: newKey('withdraw') })).toEqual(['BID_NOT_FOUND']);
    expect(Date.now()).toBeLessThan(deadline.getTime());

    // At the deadline the commissioner reads the live bids with their partners; withdrawn bids stay out.
    await eventually(
      () => as('clara.commissioner').data<{ tender: { status: string } }>(TENDER, { id: tender.id }),
      ({ tender: t }) => t.status !== 'open',
      30_000,
    );
    const { bids } = await eventually(
      () => as('clara.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id }),
      (result) => result.bids.length === 3 && result.bids.every((b) => b.status === 'opened'),
    );
    expect(bids.map((b) => b.id).sort()).toEqual([consortiumBid.id, primeBid.id, resubmitted.id].sort());
    expect(bids.find((b) => b.id === consortiumBid.id)?.consortium?.members).toHaveLength(3);
    expect(bids.find((b) => b.id === primeBid.id)?.subcontractors).toEqual([subcontractor]);
    expect(bids.find((b) => b.id === resubmitted.id)?.pricePence).toBe(27_500_000);
    expect(await ids('ed.commissioner')).toEqual([]);
    expect(await ids('panel.kestrel')).toEqual([]);
    expect(await ids('yasmin.provider')).toEqual([]);

    // A late bid is refused.
    expect(await as('priya.provider').errorCodes(SUBMIT, { key: newKey('late'), input: content('SOUTH', 1_000_000) })).toEqual(['TENDER_DEADLINE_PASSED']);
  }, 90_000);
});
