import { DEMO_ORGANISATIONS, DEMO_USERS, DOCUMENT_TYPES, pdfDocument } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

// The whole story through the gateway: eight providers of different kinds register; six bid
// (a consortium, a bid withdrawn and resubmitted) and a late one is refused; nobody but each bidder sees
// anything before the deadline, whatever their role; two council officers evaluate (one declares a
// conflict and is removed from that bid) and moderate; the youth panel visits and scores three finalists;
// the ranking is published to the tender context, which awards on it, and each bidder is debriefed.

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status } }`;
const PROVIDER = `query($id: ID!) { provider(organisationId: $id) { organisationId kind vcse sme } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId status } }`;
const WITHDRAW = `mutation($id: ID!, $key: String!) { withdrawBid(bidId: $id, idempotencyKey: $key) { id status } }`;
const ATTACH = `mutation($input: AddBidAttachmentInput!, $key: String!) { addBidAttachment(input: $input, idempotencyKey: $key) { attachments { id } } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status organisationId } }`;
const BID = `query($id: ID!) { bid(id: $id) { id } }`;
const DOWNLOAD = `query($bidId: ID!, $attachmentId: ID!) { bidAttachment(bidId: $bidId, attachmentId: $attachmentId) { id } }`;
const ASSESS = `mutation($bidId: ID!, $key: String!) { assessBidCompliance(bidId: $bidId, compliant: true, reason: "Every mandatory section answered", idempotencyKey: $key) { status } }`;
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const SCORE = `mutation($input: ScoreCriterionInput!, $key: String!) { scoreCriterion(input: $input, idempotencyKey: $key) { recorded } }`;
const MODERATE = `mutation($input: ModerateScoreInput!, $key: String!) { moderateScore(input: $input, idempotencyKey: $key) { recorded } }`;
const SHORTLIST = `mutation($input: ShortlistBidsInput!, $key: String!) { shortlistBids(input: $input, idempotencyKey: $key) { tenderId } }`;
const VISIT = `mutation($input: RecordPanelVisitInput!, $key: String!) { recordPanelVisit(input: $input, idempotencyKey: $key) { tenderId } }`;
const PANEL_SCORE = `mutation($input: ScoreAsPanelMemberInput!, $key: String!) { scoreAsPanelMember(input: $input, idempotencyKey: $key) { tenderId } }`;
const COMPLETE = `mutation($input: CompleteLotEvaluationInput!, $key: String!) { completeLotEvaluation(input: $input, idempotencyKey: $key) { recorded } }`;
const LOT_EVALUATION = `query($tenderId: ID!, $lotId: ID!) { lotEvaluation(tenderId: $tenderId, lotId: $lotId) { winnerBidId winnerOrganisationId ranking { rank bidId totalScore } } }`;
const LOT_RESULT = `query($tenderId: ID!, $lotId: ID!) { lotResult(tenderId: $tenderId, lotId: $lotId) { entries { bidId supplierOrganisationId winner scores { criterionId } } } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { status } }`;

type Bid = { id: string; organisationId: string; status: string };
type LotResult = { entries: { bidId: string; supplierOrganisationId: string; winner: boolean; scores: { criterionId: string }[] }[] };

const orgs = DEMO_ORGANISATIONS;
const userId = (username: string): string => DEMO_USERS.find((u) => u.username === username)?.id ?? '';

/** Who signs in for each of the eight providers, and what each registers as. */
const PROVIDERS: Record<string, ProviderRegistration> = {
  'sam.provider': { name: 'Riverside Community Network', kind: 'voluntary_community_group', vcse: true, sme: true },
  'yasmin.provider': { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true, sme: true },
  'priya.provider': { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: '12345678', vcse: true, sme: true },
  'harriet.prime': { name: 'Moorland Homes', kind: 'registered_social_landlord', vcse: false, sme: false },
  'omar.prime': { name: 'Northmoor Academy', kind: 'school', schoolUrn: '137492', vcse: false, sme: false },
  'nadia.provider': { name: 'Northmoor Community Health NHS Trust', kind: 'public_body', vcse: false, sme: false },
  'tom.provider': { name: 'Summit Youth Services Ltd', kind: 'private_company', companyNumber: '09876543', vcse: false, sme: true },
  // The council's in-house team is registered by its commissioners, under the council's own organisation.
  'clara.commissioner': { name: 'Northmoor Youth Service (in-house)', kind: 'in_house', vcse: false, sme: false },
};
const EVERY_OTHER_ROLE = [
  'clara.commissioner', // the tender's commissioner, also an evaluator
  'noah.commissioner', // the second evaluator, with a declaration made
  'ed.commissioner', // another council
  'audrey.auditor',
  'alex.admin',
  'panel.kestrel',
  'panel.otter',
  'sam.provider', // a provider that has not bid (yet)
];

describe('Eight providers, six bids, two evaluators and a youth panel, through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    // Fourteen people sign in from one address within a minute.
    platform = await startTestPlatform({ SIGN_IN_LIMIT_PER_MINUTE: '60' });
    const usernames = new Set([...Object.keys(PROVIDERS), ...EVERY_OTHER_ROLE]);
    for (const username of usernames) sessions[username] = await Session.signIn(platform.baseUrl, username);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('registers, bids sealed, evaluates with conflicts and a youth panel, ranks, and awards on the ranking', async () => {
    // Eight providers of different kinds register, each with a current safeguarding declaration.
    for (const [username, registration] of Object.entries(PROVIDERS)) {
      expect(await registerEligibleProvider(as(username), { yourDisplayName: username, ...registration })).toEqual([]);
    }
    const kinds = await Promise.all(
      [orgs.riversideCommunityNetwork, orgs.brightpathYouthTrust, orgs.kindredWorks, orgs.moorlandHomes, orgs.northmoorAcademy, orgs.northmoorHealthTrust, orgs.summitYouthServices, orgs.northmoorCouncil].map(
        async (org) => (await as('audrey.auditor').data<{ provider: { kind: string } | null }>(PROVIDER, { id: org.id })).provider?.kind,
      ),
    );
    expect(kinds).toEqual([
      'voluntary_community_group',
      'registered_charity',
      'community_interest_company',
      'registered_social_landlord',
      'school',
      'public_body',
      'private_company',
      'in_house',
    ]);

    const deadline = new Date(Date.now() + 15_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Youth work and positive activities across Northmoor',
        description: 'Open-access youth clubs, detached work and holiday activities',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 60_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality of the service', kind: 'quality', weightPercent: 60 },
          { criterionId: 'YP', name: "Young people's panel", kind: 'youth_panel', weightPercent: 10 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const input = (pricePence: number, extra: Record<string, unknown> = {}) => ({
      tenderId: tender.id,
      lotId: 'ALL',
      pricePence,
      qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth workers in every ward four evenings a week, and holiday programmes' }],
      socialValueCommitments: 'Paid apprenticeships for local young people',
      ...extra,
    });
    const submit = async (username: string, pricePence: number, extra: Record<string, unknown> = {}) =>
      (await as(username).data<{ submitBid: Bid }>(SUBMIT, { key: newKey('bid'), input: input(pricePence, extra) })).submitBid;

    // Six bids: the school leads a consortium with the community group; the CIC withdraws and bids again.
    const consortium = await submit('omar.prime', 57_000_000, {
      consortium: { members: [{ organisationId: orgs.northmoorAcademy.id, sharePercent: 60 }, { organisationId: orgs.riversideCommunityNetwork.id, sharePercent: 40 }] },
    });
    const charity = await submit('yasmin.provider', 55_000_000);
    const landlord = await submit('harriet.prime', 58_000_000);
    const nhs = await submit('nadia.provider', 59_500_000);
    const company = await submit('tom.provider', 54_000_000);
    const firstTry = await submit('priya.provider', 59_000_000);
    expect((await as('priya.provider').data<{ withdrawBid: Bid }>(WITHDRAW, { id: firstTry.id, key: newKey('withdraw') })).withdrawBid.status).toBe('withdrawn');
    const cic = await submit('priya.provider', 56_000_000);
    const live = [consortium, charity, landlord, nhs, company, cic];
    const { addBidAttachment } = await as('yasmin.provider').data<{ addBidAttachment: { attachments: { id: string }[] } }>(ATTACH, {
      key: newKey('attach'),
      input: { bidId: charity.id, fileName: 'Safeguarding policy.pdf', contentType: DOCUMENT_TYPES.pdf, contentBase64: pdfDocument('Safeguarding policy').toString('base64') },
    });
    const policyId = addBidAttachment.attachments[0]?.id ?? '';

    // Evaluators are assigned and declare their interests before the deadline: Noah is a trustee of Brightpath.
    for (const [username, displayName] of [['clara.commissioner', 'Clara Okafor'], ['noah.commissioner', 'Noah Bennett']] as const) {
      await as('clara.commissioner').data(ASSIGN, { key: newKey('assign'), input: { tenderId: tender.id, evaluatorUserId: userId(username), displayName } });
    }
    await as('noah.commissioner').data(DECLARE, {
      key: newKey('declare'),
      input: { tenderId: tender.id, conflictedOrganisationIds: [orgs.brightpathYouthTrust.id], statement: 'I am a trustee of Brightpath Youth Trust' },
    });
    await as('clara.commissioner').data(DECLARE, { key: newKey('declare'), input: { tenderId: tender.id, conflictedOrganisationIds: [], statement: 'No interest in any bidder' } });

    // Sealed: each bidder sees only its own organisation's bids; every other role sees nothing, not even that a bid exists.
    const visibleTo = async (username: string) => (await as(username).data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => b.id).sort();
    expect(await visibleTo('omar.prime')).toEqual([consortium.id]);
    expect(await visibleTo('priya.provider')).toEqual([firstTry.id, cic.id].sort());
    for (const username of EVERY_OTHER_ROLE) {
      expect(await visibleTo(username)).toEqual([]);
      for (const bid of [...live, firstTry]) expect((await as(username).data<{ bid: unknown }>(BID, { id: bid.id })).bid).toBeNull();
      expect((await as(username).data<{ bidAttachment: unknown }>(DOWNLOAD, { bidId: charity.id, attachmentId: policyId })).bidAttachment).toBeNull();
    }
    for (const username of ['yasmin.provider', 'harriet.prime', 'nadia.provider', 'tom.provider']) {
      expect(await visibleTo(username)).toHaveLength(1);
      expect((await as(username).data<{ bid: unknown }>(BID, { id: consortium.id })).bid).toBeNull();
    }
    expect(Date.now()).toBeLessThan(deadline.getTime());

    // The community group misses the deadline with a bid of its own (the tender has closed, or gone on to evaluation).
    await eventually(() => as('clara.commissioner').data<{ tender: { status: string } }>(TENDER, { id: tender.id }), ({ tender: t }) => t.status !== 'open', 40_000);
    expect(await as('sam.provider').errorCodes(SUBMIT, { key: newKey('late'), input: input(50_000_000) })).toEqual(['TENDER_DEADLINE_PASSED']);

    // At the deadline the six live bids open to the council; the withdrawn one stays out.
    const opened = await eventually(
      () => as('clara.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 6 && bids.every((b) => b.status === 'opened'),
      30_000,
    );
    expect(opened.bids.map((b) => b.id).sort()).toEqual(live.map((b) => b.id).sort());
    // The conflicted evaluator is removed from that bid: cannot read it or score it.
    expect((await as('noah.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => b.id).sort()).toEqual(
      live.filter((b) => b.id !== charity.id).map((b) => b.id).sort(),
    );
    for (const bid of live) await as('clara.commissioner').data(ASSESS, { bidId: bid.id, key: newKey('assess') });

    // Both evaluators score the quality criterion with a written justification; Clara moderates.
    const clara: Record<string, number> = { [consortium.id]: 4, [charity.id]: 4, [landlord.id]: 3, [nhs.id]: 3, [company.id]: 2, [cic.id]: 5 };
    const noah: Record<string, number> = { [consortium.id]: 5, [landlord.id]: 3, [nhs.id]: 2, [company.id]: 3, [cic.id]: 4 };
    const score = (username: string, bidId: string, mark: number) =>
      as(username).errorCodes(SCORE, { key: newKey('score'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', mark, justification: `Scored ${mark} against the published descriptors` } });
    expect(await score('noah.commissioner', charity.id, 4)).toEqual(['EVALUATOR_CONFLICTED']);
    for (const [bidId, mark] of Object.entries(clara)) expect(await score('clara.commissioner', bidId, mark)).toEqual([]);
    for (const [bidId, mark] of Object.entries(noah)) expect(await score('noah.commissioner', bidId, mark)).toEqual([]);
    const consensus: Record<string, [number, string]> = {
      [consortium.id]: [5, 'The consortium’s detached work plan met every descriptor; Clara had missed the holiday offer'],
      [charity.id]: [4, ''],
      [landlord.id]: [3, ''],
      [nhs.id]: [3, 'Clinical supervision model is strong; Noah had underweighted it'],
      [company.id]: [2, 'Little local presence; Noah had credited a national scheme'],
      [cic.id]: [5, 'Peer mentoring met every descriptor; Noah had misread the staffing plan'],
    };
    for (const [bidId, [consensusMark, reason]] of Object.entries(consensus)) {
      expect(await as('clara.commissioner').errorCodes(MODERATE, { key: newKey('moderate'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', consensusMark, reason } })).toEqual([]);
    }

    // The youth panel visits the three finalists and scores each of them.
    const finalists = [consortium, cic, charity];
    await as('clara.commissioner').data(SHORTLIST, {
      key: newKey('shortlist'),
      input: { tenderId: tender.id, lotId: 'ALL', bidIds: finalists.map((b) => b.id), reason: 'The three highest moderated quality scores' },
    });
    await eventually(
      () => as('clara.commissioner').data<{ bids: Bid[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.filter((b) => b.status === 'shortlisted').length === 3,
    );
    const today = new Date().toISOString().slice(0, 10);
    for (const bid of finalists) {
      await as('panel.kestrel').data(VISIT, { key: newKey('visit'), input: { tenderId: tender.id, bidId: bid.id, ageBand: 'AGE_16_17', visitedOn: today, observations: 'Visited an evening session' } });
    }
    const panelMarks: [Bid, number, number][] = [
      [consortium, 4, 5],
      [cic, 3, 3],
      [charity, 5, 4],
    ];
    for (const [bid, kestrel, otter] of panelMarks) {
      await as('panel.kestrel').data(PANEL_SCORE, { key: newKey('panel'), input: { tenderId: tender.id, bidId: bid.id, ageBand: 'AGE_16_17', mark: kestrel, justification: 'How the workers talked to us' } });
      await as('panel.otter').data(PANEL_SCORE, { key: newKey('panel'), input: { tenderId: tender.id, bidId: bid.id, ageBand: 'AGE_18_21', mark: otter, justification: 'Whether we would go back' } });
    }

    // The ranking: 60% moderated quality, 10% youth panel, 30% price (lowest price over price), published to the tender context.
    await as('clara.commissioner').data(COMPLETE, { key: newKey('complete'), input: { tenderId: tender.id, lotId: 'ALL' } });
    const { lotEvaluation } = await eventually(
      () =>
        as('clara.commissioner').data<{ lotEvaluation: { winnerBidId: string; winnerOrganisationId: string; ranking: { rank: number; bidId: string; totalScore: number }[] } | null }>(
          LOT_EVALUATION,
          { tenderId: tender.id, lotId: 'ALL' },
        ),
      (result) => result.lotEvaluation !== null,
    );
    // Consortium: 60 + 9 + 30 x 55/57 = 97.95; CIC: 60 + 6 + 30 x 55/56 = 95.46; charity: 48 + 9 + 30 = 87.
    expect(lotEvaluation?.ranking.map((r) => [r.rank, r.bidId, r.totalScore])).toEqual([
      [1, consortium.id, 97.95],
      [2, cic.id, 95.46],
      [3, charity.id, 87],
    ]);
    expect(lotEvaluation).toMatchObject({ winnerBidId: consortium.id, winnerOrganisationId: orgs.northmoorAcademy.id });

    // Nothing reaches the bidders before the award.
    const resultFor = async (username: string) => (await as(username).data<{ lotResult: LotResult | null }>(LOT_RESULT, { tenderId: tender.id, lotId: 'ALL' })).lotResult;
    for (const username of ['omar.prime', 'priya.provider', 'yasmin.provider']) expect(await resultFor(username)).toBeNull();

    // The commissioner awards to the ranking's winner; each finalist then sees its own scores and the winner's.
    await as('clara.commissioner').data(AWARD, {
      key: newKey('award'),
      input: {
        tenderId: tender.id,
        lotId: 'ALL',
        bidId: consortium.id,
        valuePence: 57_000_000,
        rationale: 'Highest weighted score after moderation and the youth panel',
        evidenceRefs: [`moderation:${consortium.id}:Q1`],
        contractStartDate: '2027-04-01',
        contractEndDate: '2030-03-31',
        paymentTermsDays: 30,
      },
    });
    const debrief = await eventually(() => resultFor('priya.provider'), (result) => result !== null, 30_000);
    expect(debrief?.entries.map((e) => [e.supplierOrganisationId, e.winner])).toEqual([
      [orgs.northmoorAcademy.id, true],
      [orgs.kindredWorks.id, false],
    ]);
    expect(debrief?.entries[1]?.scores.map((s) => s.criterionId)).toEqual(['Q1', 'YP', 'P1']);
    expect(await resultFor('harriet.prime')).toBeNull();
  }, 150_000);
});
