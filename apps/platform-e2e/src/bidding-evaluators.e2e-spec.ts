import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id organisationId status } }`;
const BID = `query($id: ID!) { bid(id: $id) { id } }`;
const EVALUATOR_FIELDS = 'evaluatorUserId displayName declaredAt conflictedOrganisationIds statement';
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { ${EVALUATOR_FIELDS} } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { ${EVALUATOR_FIELDS} } }`;
const EVALUATORS = `query($tenderId: ID!) { evaluators(tenderId: $tenderId) { ${EVALUATOR_FIELDS} } }`;

type Evaluator = { evaluatorUserId: string; displayName: string; declaredAt: string | null; conflictedOrganisationIds: string[] | null };
type Bid = { id: string; organisationId: string; status: string };

const CLARA = 'b0000000-0000-4000-8000-000000000001';
const ED = 'b0000000-0000-4000-8000-000000000002';

describe('Evaluators and conflicts of interest through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };
  const bidders: Record<string, ProviderRegistration> = {
    'yasmin.provider': { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true },
    'priya.provider': { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: 'SC123456', vcse: true },
    'harriet.prime': { name: 'Moorland Homes', kind: 'registered_social_landlord', vcse: false },
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const username of [...Object.keys(bidders), 'clara.commissioner', 'ed.commissioner', 'audrey.auditor']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    for (const [username, registration] of Object.entries(bidders)) {
      await registerEligibleProvider(as(username), { sme: true, yourDisplayName: username, ...registration });
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('lets an evaluator see bids only after declaring interests, and never the bids of organisations they declared a conflict with', async () => {
    const deadline = new Date(Date.now() + 6_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Mentoring for care leavers',
        description: 'One-to-one mentoring',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 10_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const bidIds: Record<string, string> = {};
    for (const username of Object.keys(bidders)) {
      const { submitBid } = await as(username).data<{ submitBid: Bid }>(SUBMIT, {
        key: newKey('bid'),
        input: { tenderId: tender.id, lotId: 'ALL', pricePence: 9_000_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Mentors' }], socialValueCommitments: '' },
      });
      bidIds[submitBid.organisationId] = submitBid.id;
    }

    // The tender's commissioner assigns a peer-council officer and herself; nobody else may assign.
    const assign = (username: string, evaluatorUserId: string, displayName: string) =>
      as(username).graphql<{ assignEvaluator: Evaluator[] }>(ASSIGN, { key: newKey('assign'), input: { tenderId: tender.id, evaluatorUserId, displayName } });
    expect((await assign('ed.commissioner', ED, 'Ed')).errors.map((e) => e.extensions?.code)).toEqual(['NOT_THE_COMMISSIONER_OF_THE_TENDER']);
    expect((await assign('priya.provider', ED, 'Ed')).errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await assign('clara.commissioner', ED, 'Ed Lindqvist (Eastbridge)')).errors).toEqual([]);
    const { data } = await assign('clara.commissioner', CLARA, 'Clara Okafor');
    expect(data?.assignEvaluator.map((e) => [e.evaluatorUserId, e.declaredAt])).toEqual([
      [ED, null],
      [CLARA, null],
    ]);
    expect((await assign('clara.commissioner', ED, 'Ed')).errors.map((e) => e.extensions?.code)).toEqual(['EVALUATOR_ALREADY_ASSIGNED']);

    // Bids open at the deadline for the tender's commissioner.
    await eventually(
      () => as('clara.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 3 && bids.every((b) => b.status === 'opened'),
      30_000,
    );

    // The assigned evaluator sees no bid before declaring their interests.
    expect((await as('ed.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids).toEqual([]);
    const brightpathBid = bidIds[DEMO_ORGANISATIONS.brightpathYouthTrust.id] ?? '';
    expect((await as('ed.commissioner').data<{ bid: Bid | null }>(BID, { id: brightpathBid })).bid).toBeNull();

    // A declared conflict removes them from that organisation's bid, and only that one.
    const { declareConflicts } = await as('ed.commissioner').data<{ declareConflicts: Evaluator[] }>(DECLARE, {
      key: newKey('declare'),
      input: { tenderId: tender.id, conflictedOrganisationIds: [DEMO_ORGANISATIONS.brightpathYouthTrust.id], statement: 'I was a trustee of Brightpath until last year' },
    });
    expect(declareConflicts).toEqual([expect.objectContaining({ evaluatorUserId: ED, conflictedOrganisationIds: [DEMO_ORGANISATIONS.brightpathYouthTrust.id] })]);
    const seen = (await as('ed.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => b.organisationId).sort();
    expect(seen).toEqual([DEMO_ORGANISATIONS.kindredWorks.id, DEMO_ORGANISATIONS.moorlandHomes.id].sort());
    expect((await as('ed.commissioner').data<{ bid: Bid | null }>(BID, { id: brightpathBid })).bid).toBeNull();
    expect(await as('ed.commissioner').errorCodes(DECLARE, { key: newKey('declare'), input: { tenderId: tender.id, conflictedOrganisationIds: [], statement: 'None' } })).toEqual([
      'CONFLICTS_ALREADY_DECLARED',
    ]);

    // The commissioner and the auditor see every evaluator's declaration; bidders see none.
    for (const overseer of ['clara.commissioner', 'audrey.auditor']) {
      expect((await as(overseer).data<{ evaluators: Evaluator[] }>(EVALUATORS, { tenderId: tender.id })).evaluators).toHaveLength(2);
    }
    expect((await as('yasmin.provider').data<{ evaluators: Evaluator[] }>(EVALUATORS, { tenderId: tender.id })).evaluators).toEqual([]);
  }, 90_000);
});
