import { DEMO_USERS, DOCUMENT_TYPES, pdfDocument } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { registerEligibleProvider } from './support/providers';

// Bidding follows the tender context's award lifecycle: an extended deadline takes later bids and keeps
// every bid sealed until the new instant; a proposed award opens each bidder's debrief; an upheld
// challenge withdraws it, which closes the debrief and reopens the lot's evaluation for re-moderation;
// the new result is published, proposed again, and debriefed again.

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const AMEND = `mutation($input: AmendTenderDocumentInput!, $key: String!) { amendTenderDocument(input: $input, idempotencyKey: $key) { id submissionDeadline } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status challenges { id } lots { lotId stage } } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId submissionDeadline } }`;
const ATTACH = `mutation($input: AddBidAttachmentInput!, $key: String!) { addBidAttachment(input: $input, idempotencyKey: $key) { attachments { id } } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status } }`;
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const SCORE = `mutation($input: ScoreCriterionInput!, $key: String!) { scoreCriterion(input: $input, idempotencyKey: $key) { recorded } }`;
const MODERATE = `mutation($input: ModerateScoreInput!, $key: String!) { moderateScore(input: $input, idempotencyKey: $key) { recorded } }`;
const COMPLETE = `mutation($input: CompleteLotEvaluationInput!, $key: String!) { completeLotEvaluation(input: $input, idempotencyKey: $key) { recorded } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { id } }`;
const CHALLENGE = `mutation($input: ChallengeAwardInput!, $key: String!) { challengeAward(input: $input, idempotencyKey: $key) { id challenges { id } } }`;
const RESOLVE = `mutation($input: ResolveChallengeInput!, $key: String!) { resolveChallenge(input: $input, idempotencyKey: $key) { id } }`;
const LOT_RESULT = `query($tenderId: ID!, $lotId: ID!) { lotResult(tenderId: $tenderId, lotId: $lotId) { awardProposedAt reopenedAt entries { bidId winner totalScore } } }`;

type LotResult = { awardProposedAt: string | null; reopenedAt: string | null; entries: { bidId: string; winner: boolean; totalScore: number }[] };
const CLARA = DEMO_USERS.find((u) => u.username === 'clara.commissioner')?.id ?? '';

describe('Bidding follows deadline extensions, award proposals and withdrawn awards, through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    // A standstill long enough for a challenge to be made and resolved while the test watches.
    platform = await startTestPlatform({ STANDSTILL_PERIOD: '30s' });
    for (const username of ['clara.commissioner', 'yasmin.provider', 'priya.provider', 'harriet.prime', 'audrey.auditor']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    await registerEligibleProvider(as('yasmin.provider'), { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true, sme: true });
    await registerEligibleProvider(as('priya.provider'), { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: '12345678', vcse: true, sme: true });
    await registerEligibleProvider(as('harriet.prime'), { name: 'Moorland Homes', kind: 'registered_social_landlord' });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes bids and keeps them sealed until the extended deadline, debriefs at the proposal, and re-evaluates after an upheld challenge', async () => {
    const firstDeadline = new Date(Date.now() + 6_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Holiday activities',
        description: 'Summer holiday activities and food',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 8_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: firstDeadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const submit = (username: string, pricePence: number) =>
      as(username).graphql<{ submitBid: { id: string; submissionDeadline: string } }>(SUBMIT, {
        key: newKey('bid'),
        input: { tenderId: tender.id, lotId: 'ALL', pricePence, qualityAnswers: [{ criterionId: 'Q1', answer: 'Sports, arts and a hot meal' }], socialValueCommitments: '' },
      });
    const brightpath = (await submit('yasmin.provider', 7_000_000)).data?.submitBid.id ?? '';

    // The council extends the deadline; bidding takes it from the tender context's event.
    const extended = new Date(firstDeadline.getTime() + 8_000).toISOString();
    await as('clara.commissioner').data(AMEND, { key: newKey('amend'), input: { tenderId: tender.id, summary: 'More time after the clarification on meals', submissionDeadline: extended } });
    await eventually(() => as('yasmin.provider').data<{ bids: { id: string; submissionDeadline?: string }[] }>(`query($tenderId: ID!) { bids(tenderId: $tenderId) { id submissionDeadline } }`, { tenderId: tender.id }), ({ bids }) => bids[0]?.submissionDeadline === extended);

    // Past the first deadline: a new bid is taken, documents may still change, and nothing is unsealed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstDeadline.getTime() - Date.now() + 500)));
    const kindred = await submit('priya.provider', 7_500_000);
    expect(kindred.errors).toEqual([]);
    expect(
      await as('yasmin.provider').errorCodes(ATTACH, {
        key: newKey('attach'),
        input: { bidId: brightpath, fileName: 'Menu.pdf', contentType: DOCUMENT_TYPES.pdf, contentBase64: pdfDocument('Menu').toString('base64') },
      }),
    ).toEqual([]);
    for (const username of ['clara.commissioner', 'audrey.auditor', 'harriet.prime']) {
      expect((await as(username).data<{ bids: unknown[] }>(BIDS, { tenderId: tender.id })).bids).toEqual([]);
    }
    expect(Date.now()).toBeLessThan(Date.parse(extended));

    // At the new deadline: late bids are refused and the bids open.
    await eventually(() => as('clara.commissioner').data<{ bids: { status: string }[] }>(BIDS, { tenderId: tender.id }), ({ bids }) => bids.length === 2 && bids.every((b) => b.status === 'opened'), 30_000);
    expect((await submit('harriet.prime', 6_000_000)).errors.map((e) => e.extensions?.code)).toEqual(['TENDER_DEADLINE_PASSED']);
    const kindredId = kindred.data?.submitBid.id ?? '';

    // Evaluation: Brightpath wins on quality.
    await as('clara.commissioner').data(ASSIGN, { key: newKey('assign'), input: { tenderId: tender.id, evaluatorUserId: CLARA, displayName: 'Clara Okafor' } });
    await as('clara.commissioner').data(DECLARE, { key: newKey('declare'), input: { tenderId: tender.id, conflictedOrganisationIds: [], statement: 'No interests' } });
    for (const [bidId, mark] of [[brightpath, 5], [kindredId, 3]] as const) {
      await as('clara.commissioner').data(SCORE, { key: newKey('score'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', mark, justification: `Mark ${mark}` } });
      await as('clara.commissioner').data(MODERATE, { key: newKey('moderate'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', consensusMark: mark, reason: '' } });
    }
    await as('clara.commissioner').data(COMPLETE, { key: newKey('complete'), input: { tenderId: tender.id, lotId: 'ALL' } });
    const result = (username: string) => as(username).data<{ lotResult: LotResult | null }>(LOT_RESULT, { tenderId: tender.id, lotId: 'ALL' }).then((r) => r.lotResult);
    await eventually(() => as('clara.commissioner').data<{ tender: { lots: { stage: string }[] } }>(TENDER, { id: tender.id }), ({ tender: t }) => t.lots[0]?.stage === 'final_stage');
    expect(await result('priya.provider')).toBeNull();

    // The proposed award opens the debrief: Kindred sees its own scores and the winner's.
    const award = (bidId: string, valuePence: number) => ({
      tenderId: tender.id,
      lotId: 'ALL',
      bidId,
      valuePence,
      rationale: 'Highest weighted score',
      evidenceRefs: [`moderation:${bidId}:Q1`],
      contractStartDate: '2027-04-01',
      contractEndDate: '2028-03-31',
      paymentTermsDays: 30,
    });
    await as('clara.commissioner').data(AWARD, { key: newKey('award'), input: award(brightpath, 7_000_000) });
    const debrief = await eventually(() => result('priya.provider'), (r) => r !== null);
    expect(debrief?.entries.map((e) => [e.bidId, e.winner])).toEqual([[brightpath, true], [kindredId, false]]);
    expect(debrief?.awardProposedAt).not.toBeNull();

    // Kindred challenges; the council upholds it: the award is withdrawn, the debrief closes and the lot is re-evaluated.
    const { challengeAward } = await as('priya.provider').data<{ challengeAward: { challenges: { id: string }[] } }>(CHALLENGE, {
      key: newKey('challenge'),
      input: { tenderId: tender.id, lotId: 'ALL', grounds: 'Our quality answer was marked against an unpublished sub-criterion' },
    });
    await as('clara.commissioner').data(RESOLVE, {
      key: newKey('resolve'),
      input: { tenderId: tender.id, challengeId: challengeAward.challenges[0]?.id ?? '', outcome: 'upheld', reasoning: 'The sub-criterion was not published' },
    });
    await eventually(() => result('priya.provider'), (r) => r === null);
    const reopened = await eventually(() => result('clara.commissioner'), (r) => r?.reopenedAt !== null);
    expect(reopened?.awardProposedAt).toBeNull();

    // Re-moderation without the unpublished sub-criterion changes the winner; the new result is published and proposed.
    await as('clara.commissioner').data(MODERATE, {
      key: newKey('moderate'),
      input: { tenderId: tender.id, bidId: brightpath, criterionId: 'Q1', consensusMark: 3, reason: 'Re-moderated without the unpublished sub-criterion' },
    });
    await as('clara.commissioner').data(MODERATE, {
      key: newKey('moderate'),
      input: { tenderId: tender.id, bidId: kindredId, criterionId: 'Q1', consensusMark: 4, reason: 'Re-moderated without the unpublished sub-criterion' },
    });
    await as('clara.commissioner').data(COMPLETE, { key: newKey('complete'), input: { tenderId: tender.id, lotId: 'ALL' } });
    await eventually(() => as('clara.commissioner').data<{ tender: { lots: { stage: string }[] } }>(TENDER, { id: tender.id }), ({ tender: t }) => t.lots[0]?.stage === 'final_stage');
    await as('clara.commissioner').data(AWARD, { key: newKey('award'), input: award(kindredId, 7_500_000) });
    const second = await eventually(() => result('yasmin.provider'), (r) => r !== null);
    expect(second?.entries.map((e) => [e.bidId, e.winner])).toEqual([[kindredId, true], [brightpath, false]]);
  }, 150_000);
});
