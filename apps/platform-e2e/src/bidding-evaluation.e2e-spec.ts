import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status } }`;
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const SCORE = `mutation($input: ScoreCriterionInput!, $key: String!) { scoreCriterion(input: $input, idempotencyKey: $key) { recorded } }`;
const MODERATE = `mutation($input: ModerateScoreInput!, $key: String!) { moderateScore(input: $input, idempotencyKey: $key) { recorded } }`;
const COMPLETE = `mutation($input: CompleteLotEvaluationInput!, $key: String!) { completeLotEvaluation(input: $input, idempotencyKey: $key) { recorded } }`;
const SHORTLIST = `mutation($input: ShortlistBidsInput!, $key: String!) { shortlistBids(input: $input, idempotencyKey: $key) { tenderId } }`;
const VISIT = `mutation($input: RecordPanelVisitInput!, $key: String!) { recordPanelVisit(input: $input, idempotencyKey: $key) { tenderId } }`;
const PANEL_SCORE = `mutation($input: ScoreAsPanelMemberInput!, $key: String!) { scoreAsPanelMember(input: $input, idempotencyKey: $key) { tenderId } }`;
const LOT_EVALUATION = `query($tenderId: ID!, $lotId: ID!) {
  lotEvaluation(tenderId: $tenderId, lotId: $lotId) { winnerBidId winnerOrganisationId ranking { rank bidId supplierOrganisationId totalScore } evidenceRefs }
}`;

const LOT_RESULT = `query($tenderId: ID!, $lotId: ID!) {
  lotResult(tenderId: $tenderId, lotId: $lotId) { awardedAt entries { rank bidId supplierOrganisationId totalScore winner scores { criterionId score } } }
}`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { status } }`;

type LotResult = { awardedAt: string | null; entries: { rank: number; bidId: string; supplierOrganisationId: string; winner: boolean; scores: { criterionId: string }[] }[] };

const ASSESS = `mutation($bidId: ID!, $compliant: Boolean!, $reason: String!, $key: String!) {
  assessBidCompliance(bidId: $bidId, compliant: $compliant, reason: $reason, idempotencyKey: $key) { id status complianceReason }
}`;

const CLARA = 'b0000000-0000-4000-8000-000000000001';
const ED = 'b0000000-0000-4000-8000-000000000002';
const orgs = DEMO_ORGANISATIONS;

describe('Evaluation through the gateway: scores, moderation, youth panel, ranking, published for the award', () => {
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
    'sam.provider': { name: 'Riverside Community Network', kind: 'voluntary_community_group', vcse: true },
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const username of [...Object.keys(bidders), 'clara.commissioner', 'ed.commissioner', 'panel.kestrel', 'panel.otter']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    for (const [username, registration] of Object.entries(bidders)) {
      await registerEligibleProvider(as(username), { sme: true, yourDisplayName: username, ...registration });
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('ranks the finalists by the published weights; the tender context receives the winner; bidders see their own scores and the winner’s only after the award', async () => {
    const deadline = new Date(Date.now() + 6_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Detached youth work',
        description: 'Street-based youth work',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 10_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
          { criterionId: 'YP', name: 'Youth panel', kind: 'youth_panel', weightPercent: 10 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const bidOf: Record<string, string> = {};
    for (const [index, username] of Object.keys(bidders).entries()) {
      const { submitBid } = await as(username).data<{ submitBid: { id: string; organisationId: string } }>(SUBMIT, {
        key: newKey('bid'),
        input: { tenderId: tender.id, lotId: 'ALL', pricePence: 9_000_000 + index * 100_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth work' }], socialValueCommitments: '' },
      });
      bidOf[submitBid.organisationId] = submitBid.id;
    }
    const brightpath = bidOf[orgs.brightpathYouthTrust.id] ?? '';
    const kindred = bidOf[orgs.kindredWorks.id] ?? '';
    const moorland = bidOf[orgs.moorlandHomes.id] ?? '';
    const riverside = bidOf[orgs.riversideCommunityNetwork.id] ?? '';

    for (const [evaluatorUserId, displayName] of [[ED, 'Ed Lindqvist'], [CLARA, 'Clara Okafor']] as const) {
      await as('clara.commissioner').data(ASSIGN, { key: newKey('assign'), input: { tenderId: tender.id, evaluatorUserId, displayName } });
    }
    await eventually(
      () => as('clara.commissioner').data<{ bids: { status: string }[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 4 && bids.every((b) => b.status === 'opened'),
      30_000,
    );

    // Opened bids are checked for compliance; a non-compliant bid needs a reason and takes no further part.
    const assess = (username: string, bidId: string, compliant: boolean, reason: string) =>
      as(username).graphql<{ assessBidCompliance: { status: string; complianceReason: string } }>(ASSESS, { bidId, compliant, reason, key: newKey('assess') });
    expect((await assess('clara.commissioner', riverside, false, '')).errors.map((e) => e.extensions?.code)).toEqual(['NON_COMPLIANCE_REASON_REQUIRED']);
    expect((await assess('yasmin.provider', riverside, false, 'x')).errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await assess('ed.commissioner', riverside, false, 'x')).errors.map((e) => e.extensions?.code)).toEqual(['BID_NOT_FOUND']);
    expect((await assess('clara.commissioner', riverside, false, 'No price breakdown for the second year')).data?.assessBidCompliance).toEqual({
      id: riverside,
      status: 'non_compliant',
      complianceReason: 'No price breakdown for the second year',
    });
    for (const bidId of [brightpath, kindred, moorland]) expect((await assess('clara.commissioner', bidId, true, 'All mandatory sections answered')).errors).toEqual([]);
    expect(
      await as('clara.commissioner').errorCodes(SHORTLIST, { key: newKey('shortlist'), input: { tenderId: tender.id, lotId: 'ALL', bidIds: [riverside], reason: 'Try' } }),
    ).toEqual(['BID_NOT_FOUND']);

    // Scores need a declaration first; a declared conflict removes the evaluator from that bid.
    const score = (username: string, bidId: string, mark: number) =>
      as(username).errorCodes(SCORE, { key: newKey('score'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', mark, justification: `Mark ${mark} against the published descriptors` } });
    expect(await score('ed.commissioner', kindred, 4)).toEqual(['CONFLICTS_NOT_DECLARED']);
    await as('ed.commissioner').data(DECLARE, {
      key: newKey('declare'),
      input: { tenderId: tender.id, conflictedOrganisationIds: [orgs.brightpathYouthTrust.id], statement: 'Former trustee of Brightpath' },
    });
    await as('clara.commissioner').data(DECLARE, { key: newKey('declare'), input: { tenderId: tender.id, conflictedOrganisationIds: [], statement: 'No interests' } });
    expect(await score('ed.commissioner', brightpath, 4)).toEqual(['EVALUATOR_CONFLICTED']);
    expect(
      await as('ed.commissioner').errorCodes(SCORE, { key: newKey('score'), input: { tenderId: tender.id, bidId: kindred, criterionId: 'P1', mark: 4, justification: 'x' } }),
    ).toEqual(['CRITERION_NOT_SCORED_BY_EVALUATORS']);
    for (const [username, bidId, mark] of [
      ['ed.commissioner', kindred, 5],
      ['ed.commissioner', moorland, 3],
      ['clara.commissioner', brightpath, 3],
      ['clara.commissioner', kindred, 4],
      ['clara.commissioner', moorland, 4],
    ] as const) {
      expect(await score(username, bidId, mark)).toEqual([]);
    }

    // Moderation records the consensus, and why when it differs from an individual mark.
    const moderate = (bidId: string, consensusMark: number, reason: string) =>
      as('clara.commissioner').errorCodes(MODERATE, { key: newKey('moderate'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', consensusMark, reason } });
    expect(await moderate(kindred, 5, '')).toEqual(['MODERATION_REASON_REQUIRED']);
    expect(await moderate(kindred, 5, 'Clara had missed the peer mentoring offer')).toEqual([]);
    expect(await moderate(moorland, 4, 'Ed had misread the staffing plan')).toEqual([]);
    expect(await moderate(brightpath, 3, '')).toEqual([]);

    // The youth panel visits the three finalists and scores them.
    await as('clara.commissioner').data(SHORTLIST, { key: newKey('shortlist'), input: { tenderId: tender.id, lotId: 'ALL', bidIds: [brightpath, kindred, moorland], reason: 'All three are finalists' } });
    const statuses = async () =>
      Object.fromEntries((await as('clara.commissioner').data<{ bids: { id: string; status: string }[] }>(BIDS, { tenderId: tender.id })).bids.map((b) => [b.id, b.status]));
    await eventually(statuses, (byId) => byId[kindred] === 'shortlisted' && byId[brightpath] === 'shortlisted' && byId[moorland] === 'shortlisted');
    expect((await statuses())[riverside]).toBe('non_compliant');
    const today = new Date().toISOString().slice(0, 10);
    for (const bidId of [brightpath, kindred, moorland]) {
      await as('panel.kestrel').data(VISIT, { key: newKey('visit'), input: { tenderId: tender.id, bidId, ageBand: 'AGE_16_17', visitedOn: today, observations: 'Evening session' } });
    }
    for (const [bidId, mark] of [[brightpath, 4], [kindred, 3], [moorland, 5]] as const) {
      for (const [member, ageBand] of [['panel.kestrel', 'AGE_16_17'], ['panel.otter', 'AGE_18_21']] as const) {
        await as(member).data(PANEL_SCORE, { key: newKey('panel'), input: { tenderId: tender.id, bidId, ageBand, mark, justification: 'How they treated us' } });
      }
    }

    // Completing ranks by 60% moderated quality, 10% youth panel and 30% price (lowest price over price).
    expect(await as('ed.commissioner').errorCodes(COMPLETE, { key: newKey('complete'), input: { tenderId: tender.id, lotId: 'ALL' } })).toEqual([
      'NOT_THE_COMMISSIONER_OF_THE_TENDER',
    ]);
    const { completeLotEvaluation } = await as('clara.commissioner').data<{ completeLotEvaluation: { recorded: boolean } }>(COMPLETE, {
      key: newKey('complete'),
      input: { tenderId: tender.id, lotId: 'ALL' },
    });
    expect(completeLotEvaluation.recorded).toBe(true);

    // The tender context receives the result through bidding.evaluation-completed.v1 and holds the award to its winner.
    const { lotEvaluation } = await eventually(
      () =>
        as('clara.commissioner').data<{
          lotEvaluation: { winnerBidId: string; winnerOrganisationId: string; ranking: { rank: number; bidId: string; totalScore: number }[]; evidenceRefs: string[] } | null;
        }>(LOT_EVALUATION, { tenderId: tender.id, lotId: 'ALL' }),
      (result) => result.lotEvaluation !== null,
      20_000,
    );
    expect(lotEvaluation).toMatchObject({ winnerBidId: kindred, winnerOrganisationId: orgs.kindredWorks.id });
    // Kindred: 60 + 6 + 29.67; Moorland: 48 + 10 + 29.35; Brightpath: 36 + 8 + 30.
    expect(lotEvaluation?.ranking.map((r) => [r.rank, r.bidId, r.totalScore])).toEqual([
      [1, kindred, 95.67],
      [2, moorland, 87.35],
      [3, brightpath, 74],
    ]);
    expect(lotEvaluation?.evidenceRefs).toContain(`moderation:${kindred}:Q1`);

    // Nothing about the evaluation reaches bidders before the award; the council sees it all.
    const resultFor = async (username: string) => (await as(username).data<{ lotResult: LotResult | null }>(LOT_RESULT, { tenderId: tender.id, lotId: 'ALL' })).lotResult;
    expect((await resultFor('clara.commissioner'))?.entries).toHaveLength(3);
    for (const username of [...Object.keys(bidders), 'ed.commissioner', 'panel.kestrel']) expect(await resultFor(username)).toBeNull();

    // Once the lot is awarded to the winner, each bidder sees its own scores and the winner's, never the others'.
    await as('clara.commissioner').data(AWARD, {
      key: newKey('award'),
      input: {
        tenderId: tender.id,
        lotId: 'ALL',
        bidId: kindred,
        valuePence: 9_100_000,
        rationale: 'Highest weighted score after moderation and the youth panel',
        evidenceRefs: [`moderation:${kindred}:Q1`],
        contractStartDate: '2027-04-01',
        contractEndDate: '2030-03-31',
        paymentTermsDays: 30,
      },
    });
    // Each bid learns its outcome: the winner is successful, every other live bid unsuccessful.
    const outcomes = await eventually(statuses, (byId) => byId[kindred] === 'successful');
    expect(outcomes).toEqual({ [kindred]: 'successful', [brightpath]: 'unsuccessful', [moorland]: 'unsuccessful', [riverside]: 'unsuccessful' });
    const debrief = await eventually(
      () => resultFor('yasmin.provider'),
      (result) => result !== null,
      20_000,
    );
    expect(debrief?.entries.map((e) => [e.supplierOrganisationId, e.winner])).toEqual([
      [orgs.kindredWorks.id, true],
      [orgs.brightpathYouthTrust.id, false],
    ]);
    expect(debrief?.entries[1]?.scores.map((s) => s.criterionId)).toEqual(['Q1', 'YP', 'P1']);
    expect((await resultFor('priya.provider'))?.entries.map((e) => e.bidId)).toEqual([kindred]);
    expect(await resultFor('ed.commissioner')).toBeNull();
  }, 120_000);
});
