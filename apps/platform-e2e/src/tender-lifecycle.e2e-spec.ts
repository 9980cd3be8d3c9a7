import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

const PLAN_FIELDS = `id strands { strandId deliveryModel releasedForTenderAt }`;
const DRAFT_PLAN = `mutation($input: DraftCommissioningPlanInput!, $key: String!) { draftCommissioningPlan(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const ADD_STRAND = `mutation($input: AddPlanStrandInput!, $key: String!) { addPlanStrand(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const EVIDENCE = `mutation($input: RecordNeedsEvidenceInput!, $key: String!) { recordNeedsEvidence(input: $input, idempotencyKey: $key) { id } }`;
const NO_ENGAGEMENT = `mutation($input: RecordNoMarketEngagementReasonInput!, $key: String!) { recordNoMarketEngagementReason(input: $input, idempotencyKey: $key) { id } }`;
const RELEASE = `mutation($input: StrandRefInput!, $key: String!) { releaseStrandForTender(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;

const TENDER_FIELDS = `id status planId strandId submissionDeadline clarificationDeadline publishedAt closedAt retenderOfTenderId cancellationReason
  lots { lotId strandId area stage proposedAward { bidId supplierOrganisationId standstillEndsAt } award { bidId supplierOrganisationId valuePence } }
  deadlineExtensions { previousSubmissionDeadline submissionDeadline reason }
  challenges { id lotId challengerOrganisationId grounds outcome reasoning }`;
const DRAFT_TENDER = `mutation($input: DraftTenderInput!, $key: String!) { draftTender(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const REVISE_DRAFT = `mutation($input: ReviseTenderDraftInput!, $key: String!) { reviseTenderDraft(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const PUBLISH_DRAFT = `mutation($tenderId: ID!, $key: String!) { publishTenderDraft(tenderId: $tenderId, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { ${TENDER_FIELDS} } }`;
const TENDERS = `query($planId: ID, $status: TenderStatus) { tenders(planId: $planId, status: $status) { nodes { id status } } }`;
const AMEND = `mutation($input: AmendTenderDocumentInput!, $key: String!) { amendTenderDocument(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const CANCEL = `mutation($input: CancelTenderInput!, $key: String!) { cancelTender(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const ASK = `mutation($input: AskClarificationInput!, $key: String!) { askClarification(input: $input, idempotencyKey: $key) { id } }`;
const ANSWER = `mutation($input: AnswerClarificationInput!, $key: String!) { answerClarification(input: $input, idempotencyKey: $key) { id answer } }`;
const CLARIFICATIONS = `query($tenderId: ID!) { tenderClarifications(tenderId: $tenderId) { id question answer askedByOrganisationId askedByYourOrganisation } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const CHALLENGE = `mutation($input: ChallengeAwardInput!, $key: String!) { challengeAward(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveChallengeInput!, $key: String!) { resolveChallenge(input: $input, idempotencyKey: $key) { ${TENDER_FIELDS} } }`;
const HISTORY = `query($tenderId: ID!) { tenderHistory(tenderId: $tenderId) { eventType summary actor { role } } }`;

const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status } }`;
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const ASSESS = `mutation($bidId: ID!, $compliant: Boolean!, $reason: String!, $key: String!) {
  assessBidCompliance(bidId: $bidId, compliant: $compliant, reason: $reason, idempotencyKey: $key) { id status }
}`;
const SCORE = `mutation($input: ScoreCriterionInput!, $key: String!) { scoreCriterion(input: $input, idempotencyKey: $key) { recorded } }`;
const MODERATE = `mutation($input: ModerateScoreInput!, $key: String!) { moderateScore(input: $input, idempotencyKey: $key) { recorded } }`;
const COMPLETE = `mutation($input: CompleteLotEvaluationInput!, $key: String!) { completeLotEvaluation(input: $input, idempotencyKey: $key) { recorded } }`;
const CONTRACTS = `query($tenderId: ID) { contracts(tenderId: $tenderId) { id lotId primeOrganisationId valuePence } }`;

const CLARA = 'b0000000-0000-4000-8000-000000000001';
const orgs = DEMO_ORGANISATIONS;

type Lot = {
  lotId: string;
  strandId: string | null;
  area: string | null;
  stage: string;
  proposedAward: { bidId: string; supplierOrganisationId: string; standstillEndsAt: string } | null;
  award: { bidId: string; supplierOrganisationId: string; valuePence: number } | null;
};
type Tender = {
  id: string;
  status: string;
  planId: string | null;
  strandId: string | null;
  submissionDeadline: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  cancellationReason: string | null;
  lots: Lot[];
  deadlineExtensions: { previousSubmissionDeadline: string; submissionDeadline: string; reason: string }[];
  challenges: { id: string; lotId: string; challengerOrganisationId: string | null; grounds: string; outcome: string | null; reasoning: string | null }[];
};

const POSTGRES_URL = process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';
// A standstill long enough to challenge within it through real processes, short enough to wait for.
const STANDSTILL_SECONDS = 6;
const readModelSetups: [string, () => Record<string, string>][] = [
  ['read models on SQLite (the embedded default)', () => ({ STANDSTILL_PERIOD: `${STANDSTILL_SECONDS}s` })],
  [
    'read models on PostgreSQL (production)',
    () => ({
      STANDSTILL_PERIOD: `${STANDSTILL_SECONDS}s`,
      READ_MODEL_DB: 'postgres',
      DATABASE_URL: POSTGRES_URL,
      DATABASE_SCHEMA_PREFIX: `e2e_${process.pid}_${Date.now() % 100_000}_`,
    }),
  ],
];

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe.each(readModelSetups)('The tender lifecycle through the gateway, %s', (_name, environment) => {
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
    platform = await startTestPlatform(environment());
    for (const username of [...Object.keys(bidders), 'clara.commissioner', 'ed.commissioner', 'sam.provider', 'audrey.auditor']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    for (const [username, registration] of Object.entries(bidders)) {
      await registerEligibleProvider(as(username), { sme: true, yourDisplayName: username, ...registration });
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes a plan of three strands from draft to awarded, with a clarification, an automatic close, a dismissed challenge and a cancelled tender; bad input changes nothing', async () => {
    const clara = as('clara.commissioner');
    const tenderOf = async (id: string) => (await clara.data<{ tender: Tender }>(TENDER, { id })).tender;
    const historyOf = async (tenderId: string) => (await clara.data<{ tenderHistory: { eventType: string; summary: string; actor: { role: string } }[] }>(HISTORY, { tenderId })).tenderHistory;

    // A plan with three strands: targeted support in-house, open-access youth work and arts to tender.
    const { draftCommissioningPlan: plan } = await clara.data<{ draftCommissioningPlan: { id: string } }>(DRAFT_PLAN, {
      key: newKey('plan'),
      input: {
        title: "Young people's services 2027-2030",
        periodStart: '2027-04-01',
        periodEnd: '2030-03-31',
        inHouseBudgetPence: 1_500_000_000,
        externalBudgetPence: 3_500_000_000,
        outcomes: [
          { measureId: 'LAP', name: 'Learning, achievement and progress', kind: 'learning_achievement_progress', target: '70% report progress' },
          { measureId: 'REACH', name: 'Young people engaged', kind: 'reach', target: '1,200 a year' },
        ],
      },
    });
    const appraisal = { optionsConsidered: ['in-house', 'grant', 'contract'], conclusion: 'Weighed reach, cost and local capacity' };
    for (const strand of [
      { strandId: 'TARGETED', name: 'Targeted support', area: null, budgetPence: 1_500_000_000, deliveryModel: 'in_house', inHouseRationale: 'Statutory duties stay with our own team' },
      { strandId: 'OPEN', name: 'Open-access youth work', area: null, budgetPence: 2_500_000_000, deliveryModel: 'external', inHouseRationale: null },
      { strandId: 'ARTS', name: 'Arts', area: null, budgetPence: 1_000_000_000, deliveryModel: 'external', inHouseRationale: null },
    ]) {
      await clara.data(ADD_STRAND, { key: newKey('strand'), input: { ...strand, planId: plan.id, optionsAppraisal: appraisal } });
    }
    await clara.data(EVIDENCE, {
      key: newKey('evidence'),
      input: { planId: plan.id, conductedOn: day(-3), method: 'focus_group', participants: 14, findings: 'Young people want safe spaces open later on Fridays' },
    });
    for (const strandId of ['OPEN', 'ARTS']) {
      await clara.data(NO_ENGAGEMENT, { key: newKey('reason'), input: { planId: plan.id, strandId, reason: 'Engaged through the borough youth forum last year' } });
      await clara.data(RELEASE, { key: newKey('release'), input: { planId: plan.id, strandId } });
    }

    // The in-house strand never goes to tender.
    const criteria = [
      { criterionId: 'Q1', name: 'Quality of delivery', kind: 'quality', weightPercent: 70 },
      { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
    ];
    const tenderInput = { title: 'Arts for young people', description: 'Weekly arts sessions', category: 'youth-work', criteria, planId: plan.id, strandId: 'ARTS' };
    expect(
      await clara.errorCodes(PUBLISH, {
        key: newKey('publish'),
        input: { ...tenderInput, strandId: 'TARGETED', lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 1_000 }], submissionDeadline: inSeconds(60) },
      }),
    ).toEqual(['STRAND_DELIVERED_IN_HOUSE']);

    // Open-access youth work starts as a draft: half-written, seen only by the council.
    const lots = [
      { lotId: 'NORTH', title: 'North locality', estimatedValuePence: 120_000_000, area: 'North' },
      { lotId: 'SOUTH', title: 'South locality', estimatedValuePence: 80_000_000, area: 'South' },
    ];
    const draftInput = {
      title: 'Open-access youth work',
      description: 'Youth clubs four evenings a week',
      category: 'youth-work',
      lots,
      criteria: [{ criterionId: 'Q1', name: 'Quality of delivery', kind: 'quality', weightPercent: 60 }],
      planId: plan.id,
      strandId: 'OPEN',
      suitableForVcse: true,
      lightTouchRegime: true,
    };
    // A lot may name a strand of the plan, never one the plan does not have.
    expect(
      await clara.errorCodes(DRAFT_TENDER, {
        key: newKey('draft'),
        input: { ...draftInput, lots: [...lots, { lotId: 'EAST', title: 'East', estimatedValuePence: 1, strandId: 'SPORT' }] },
      }),
    ).toEqual(['LOT_STRAND_NOT_IN_PLAN']);
    const { draftTender: draft } = await clara.data<{ draftTender: Tender }>(DRAFT_TENDER, { key: newKey('draft'), input: draftInput });
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, submissionDeadline: null, planId: plan.id, strandId: 'OPEN' });
    expect(draft.lots.map((lot) => [lot.lotId, lot.area])).toEqual([
      ['NORTH', 'North'],
      ['SOUTH', 'South'],
    ]);
    expect((await as('yasmin.provider').data<{ tender: Tender | null }>(TENDER, { id: draft.id })).tender).toBeNull();
    expect((await as('ed.commissioner').data<{ tender: Tender | null }>(TENDER, { id: draft.id })).tender).toBeNull();
    expect((await clara.data<{ tenders: { nodes: { id: string }[] } }>(TENDERS, { planId: plan.id, status: 'draft' })).tenders.nodes.map((t) => t.id)).toEqual([draft.id]);
    expect((await as('yasmin.provider').data<{ tenders: { nodes: unknown[] } }>(TENDERS, { planId: plan.id, status: null })).tenders.nodes).toEqual([]);

    // Bad input is refused with a specific code and changes nothing: weights not summing to 100, a deadline in the past.
    const historyBefore = await historyOf(draft.id);
    expect(await clara.errorCodes(PUBLISH_DRAFT, { key: newKey('publish'), tenderId: draft.id })).toEqual(['CRITERIA_WEIGHTS_MUST_SUM_TO_100']);
    await clara.data(REVISE_DRAFT, {
      key: newKey('revise'),
      input: { ...draftInput, tenderId: draft.id, criteria, submissionDeadline: new Date(Date.now() - 60_000).toISOString() },
    });
    const revisedHistory = await historyOf(draft.id);
    expect(await clara.errorCodes(PUBLISH_DRAFT, { key: newKey('publish'), tenderId: draft.id })).toEqual(['SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE']);
    expect(await historyOf(draft.id)).toEqual(revisedHistory);
    expect(revisedHistory).toHaveLength(historyBefore.length + 1);
    expect((await tenderOf(draft.id)).status).toBe('draft');

    // Published with a deadline seconds away; the arts tender goes out beside it.
    const deadline = inSeconds(20);
    await clara.data(REVISE_DRAFT, { key: newKey('revise'), input: { ...draftInput, tenderId: draft.id, criteria, submissionDeadline: deadline } });
    expect(await as('ed.commissioner').errorCodes(PUBLISH_DRAFT, { key: newKey('publish'), tenderId: draft.id })).toEqual(['NOT_A_COMMISSIONER_OF_THE_ORGANISATION']);
    const { publishTenderDraft: open } = await clara.data<{ publishTenderDraft: Tender }>(PUBLISH_DRAFT, { key: newKey('publish'), tenderId: draft.id });
    expect(open).toMatchObject({ id: draft.id, status: 'open', submissionDeadline: deadline });
    const { publishTender: arts } = await clara.data<{ publishTender: Tender }>(PUBLISH, {
      key: newKey('publish'),
      input: { ...tenderInput, lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 100_000_000 }], submissionDeadline: inSeconds(120) },
    });
    expect(await as('yasmin.provider').data<{ tender: Tender }>(TENDER, { id: open.id })).toMatchObject({ tender: { status: 'open' } });

    // A clarification: a provider asks, the council answers, every provider reads it with the asker anonymised.
    const { askClarification: question } = await as('yasmin.provider').data<{ askClarification: { id: string } }>(ASK, {
      key: newKey('ask'),
      input: { tenderId: open.id, question: 'May a lot be delivered by a consortium?' },
    });
    const { askClarification: artsQuestion } = await as('priya.provider').data<{ askClarification: { id: string } }>(ASK, {
      key: newKey('ask'),
      input: { tenderId: arts.id, question: 'Are materials included?' },
    });
    // An answer to a question from another tender is refused and publishes nothing.
    expect(await clara.errorCodes(ANSWER, { key: newKey('answer'), input: { tenderId: open.id, questionId: artsQuestion.id, answer: 'Yes' } })).toEqual([
      'CLARIFICATION_BELONGS_TO_ANOTHER_TENDER',
    ]);
    expect((await as('priya.provider').data<{ tenderClarifications: { answer: string | null }[] }>(CLARIFICATIONS, { tenderId: arts.id })).tenderClarifications).toEqual([
      expect.objectContaining({ answer: null }),
    ]);
    await clara.data(ANSWER, { key: newKey('answer'), input: { tenderId: open.id, questionId: question.id, answer: 'Yes, with a named lead organisation' } });
    expect((await as('harriet.prime').data<{ tenderClarifications: unknown[] }>(CLARIFICATIONS, { tenderId: open.id })).tenderClarifications).toEqual([
      { id: question.id, question: 'May a lot be delivered by a consortium?', answer: 'Yes, with a named lead organisation', askedByOrganisationId: null, askedByYourOrganisation: false },
    ]);

    // An amendment gives bidders more time: the deadline moves later, never earlier, and the close follows it.
    expect(
      await clara.errorCodes(AMEND, { key: newKey('amend'), input: { tenderId: open.id, summary: 'Earlier', submissionDeadline: inSeconds(5) } }),
    ).toEqual(['DEADLINE_MAY_ONLY_MOVE_LATER']);
    const extended = new Date(Date.parse(deadline) + 5_000).toISOString();
    const { amendTenderDocument: amended } = await clara.data<{ amendTenderDocument: Tender }>(AMEND, {
      key: newKey('amend'),
      input: { tenderId: open.id, summary: 'Five more seconds for consortium bids', submissionDeadline: extended },
    });
    expect(amended).toMatchObject({ submissionDeadline: extended, deadlineExtensions: [{ previousSubmissionDeadline: deadline, submissionDeadline: extended, reason: 'Five more seconds for consortium bids' }] });

    // Bids: two for the North, one for the South, one for the arts tender.
    const bid = async (username: string, tenderId: string, lotId: string, pricePence: number) =>
      (
        await as(username).data<{ submitBid: { id: string } }>(SUBMIT, {
          key: newKey('bid'),
          input: { tenderId, lotId, pricePence, qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth clubs in every ward' }], socialValueCommitments: 'Local apprenticeships' },
        })
      ).submitBid.id;
    const brightpathNorth = await bid('yasmin.provider', open.id, 'NORTH', 110_000_000);
    const kindredNorth = await bid('priya.provider', open.id, 'NORTH', 115_000_000);
    const moorlandSouth = await bid('harriet.prime', open.id, 'SOUTH', 75_000_000);
    await bid('yasmin.provider', arts.id, 'ALL', 90_000_000);

    // The arts tender is cancelled, with its reason; its bidders are released.
    const { cancelTender: cancelled } = await clara.data<{ cancelTender: Tender }>(CANCEL, {
      key: newKey('cancel'),
      input: { tenderId: arts.id, reason: 'The arts council will fund the strand directly' },
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'The arts council will fund the strand directly' });

    // No award before the close.
    const award = (lotId: string, bidId: string, valuePence: number) => ({
      tenderId: open.id,
      lotId,
      bidId,
      valuePence,
      rationale: 'Highest weighted score after moderation',
      evidenceRefs: [`evaluation-${lotId}`],
      contractStartDate: '2027-04-01',
      contractEndDate: '2030-03-31',
      paymentTermsDays: 30,
    });
    expect(await clara.errorCodes(AWARD, { key: newKey('award'), input: award('NORTH', brightpathNorth, 110_000_000) })).toEqual(['TENDER_NOT_CLOSED']);

    // The tender does not close at the first deadline but closes by itself at the extended one; the bids unseal.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(deadline) - Date.now() + 500)));
    expect((await tenderOf(open.id)).status).toBe('open');
    const underEvaluation = await eventually(() => tenderOf(open.id), (t) => t.status === 'under_evaluation', 30_000);
    expect(Date.parse(underEvaluation.closedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(extended));
    expect(underEvaluation.lots.map((lot) => lot.stage)).toEqual(['under_evaluation', 'under_evaluation']);

    // A lot that does not exist is refused.
    expect(await clara.errorCodes(AWARD, { key: newKey('award'), input: award('EAST', brightpathNorth, 1) })).toEqual(['LOT_NOT_FOUND']);

    // The North is evaluated in the bidding context: compliance, scores, moderation, completion.
    await eventually(
      () => clara.data<{ bids: { status: string }[] }>(BIDS, { tenderId: open.id }),
      ({ bids }) => bids.length === 3 && bids.every((b) => b.status === 'opened'),
    );
    await clara.data(ASSIGN, { key: newKey('assign'), input: { tenderId: open.id, evaluatorUserId: CLARA, displayName: 'Clara Okafor' } });
    await clara.data(DECLARE, { key: newKey('declare'), input: { tenderId: open.id, conflictedOrganisationIds: [], statement: 'No interests' } });
    for (const [bidId, mark] of [
      [brightpathNorth, 5],
      [kindredNorth, 3],
    ] as const) {
      expect((await clara.graphql(ASSESS, { bidId, compliant: true, reason: 'All mandatory sections answered', key: newKey('assess') })).errors).toEqual([]);
      expect(
        await clara.errorCodes(SCORE, { key: newKey('score'), input: { tenderId: open.id, bidId, criterionId: 'Q1', mark, justification: `Mark ${mark} against the descriptors` } }),
      ).toEqual([]);
      expect(await clara.errorCodes(MODERATE, { key: newKey('moderate'), input: { tenderId: open.id, bidId, criterionId: 'Q1', consensusMark: mark, reason: '' } })).toEqual([]);
    }
    expect(await clara.errorCodes(COMPLETE, { key: newKey('complete'), input: { tenderId: open.id, lotId: 'NORTH' } })).toEqual([]);
    const finalStage = await eventually(() => tenderOf(open.id), (t) => t.lots[0]?.stage === 'final_stage');
    expect(finalStage.status).toBe('under_evaluation'); // the South has no published evaluation yet

    // The award follows the evaluation; proposing it starts the standstill.
    expect(await clara.errorCodes(AWARD, { key: newKey('award'), input: award('NORTH', kindredNorth, 115_000_000) })).toEqual(['AWARD_MUST_GO_TO_THE_EVALUATION_WINNER']);
    const { awardLot: proposed } = await clara.data<{ awardLot: Tender }>(AWARD, { key: newKey('award'), input: award('NORTH', brightpathNorth, 110_000_000) });
    expect(proposed.lots[0]).toMatchObject({ stage: 'standstill', proposedAward: { bidId: brightpathNorth, supplierOrganisationId: orgs.brightpathYouthTrust.id }, award: null });
    const standstillEndsAt = Date.parse(proposed.lots[0]?.proposedAward?.standstillEndsAt ?? '');

    // During standstill, a losing bidder challenges with grounds; the award is suspended.
    const grounds = 'Our safeguarding answer was marked against the wrong descriptor';
    expect(await as('sam.provider').errorCodes(CHALLENGE, { key: newKey('challenge'), input: { tenderId: open.id, lotId: 'NORTH', grounds } })).toEqual([
      'ONLY_BIDDERS_ON_THE_LOT_MAY_CHALLENGE',
    ]);
    expect(await as('harriet.prime').errorCodes(CHALLENGE, { key: newKey('challenge'), input: { tenderId: open.id, lotId: 'SOUTH', grounds } })).toEqual([
      'CHALLENGE_OUTSIDE_STANDSTILL',
    ]);
    const { challengeAward: challenged } = await as('priya.provider').data<{ challengeAward: Tender }>(CHALLENGE, {
      key: newKey('challenge'),
      input: { tenderId: open.id, lotId: 'NORTH', grounds },
    });
    expect(Date.now()).toBeLessThan(standstillEndsAt);
    expect(challenged.lots[0]?.stage).toBe('challenged');
    expect(challenged.challenges).toEqual([expect.objectContaining({ lotId: 'NORTH', challengerOrganisationId: orgs.kindredWorks.id, grounds, outcome: null })]);
    const challengeId = challenged.challenges[0]?.id ?? '';
    // The challenger is named to the council, not to the other bidders.
    expect((await as('yasmin.provider').data<{ tender: Tender }>(TENDER, { id: open.id })).tender.challenges).toEqual([]);

    // The standstill runs out while the challenge is open: nothing becomes final, no contract appears.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, standstillEndsAt - Date.now() + 1_500)));
    expect((await tenderOf(open.id)).lots[0]).toMatchObject({ stage: 'challenged', award: null });
    expect((await clara.data<{ contracts: unknown[] }>(CONTRACTS, { tenderId: open.id })).contracts).toEqual([]);

    // Dismissed with reasons: the award proceeds and the contract is created on the subcontracting side.
    expect(await as('ed.commissioner').errorCodes(RESOLVE, { key: newKey('resolve'), input: { tenderId: open.id, challengeId, outcome: 'dismissed', reasoning: 'x' } })).toEqual([
      'NOT_THE_TENDER_COMMISSIONER',
    ]);
    const { resolveChallenge: resolved } = await clara.data<{ resolveChallenge: Tender }>(RESOLVE, {
      key: newKey('resolve'),
      input: { tenderId: open.id, challengeId, outcome: 'dismissed', reasoning: 'The moderation record shows the right descriptor was used' },
    });
    expect(resolved.challenges[0]).toMatchObject({ outcome: 'dismissed', reasoning: 'The moderation record shows the right descriptor was used' });
    const northAwarded = await eventually(() => tenderOf(open.id), (t) => t.lots[0]?.stage === 'awarded');
    expect(northAwarded.lots[0]?.award).toEqual({ bidId: brightpathNorth, supplierOrganisationId: orgs.brightpathYouthTrust.id, valuePence: 110_000_000 });
    expect(await as('priya.provider').errorCodes(CHALLENGE, { key: newKey('challenge'), input: { tenderId: open.id, lotId: 'NORTH', grounds } })).toEqual([
      'CHALLENGE_OUTSIDE_STANDSTILL',
    ]);

    // The South had one bid and no published evaluation: its award rests on the opened bid and the rationale.
    await clara.data(AWARD, { key: newKey('award'), input: award('SOUTH', moorlandSouth, 75_000_000) });
    const awarded = await eventually(() => tenderOf(open.id), (t) => t.status === 'awarded', 30_000);
    expect(awarded.lots.map((lot) => [lot.lotId, lot.award?.supplierOrganisationId])).toEqual([
      ['NORTH', orgs.brightpathYouthTrust.id],
      ['SOUTH', orgs.moorlandHomes.id],
    ]);
    const { contracts } = await eventually(
      () => clara.data<{ contracts: { lotId: string; primeOrganisationId: string; valuePence: number }[] }>(CONTRACTS, { tenderId: open.id }),
      (result) => result.contracts.length === 2,
    );
    expect(contracts.map((c) => [c.lotId, c.primeOrganisationId, c.valuePence]).sort()).toEqual([
      ['NORTH', orgs.brightpathYouthTrust.id, 110_000_000],
      ['SOUTH', orgs.moorlandHomes.id, 75_000_000],
    ]);
    expect(await clara.errorCodes(CANCEL, { key: newKey('cancel'), input: { tenderId: open.id, reason: 'Too late' } })).toEqual(['TENDER_ALREADY_AWARDED']);

    // The timeline tells the whole story in order, with who acted.
    const timeline = await historyOf(open.id);
    const ownEvents = timeline.map((entry) => entry.eventType).filter((type) => !type.includes('.'));
    expect(ownEvents).toEqual([
      'TenderDrafted',
      'TenderDraftRevised',
      'TenderDraftRevised',
      'TenderPublished',
      'ClarificationAsked',
      'ClarificationAnswered',
      'TenderDeadlineExtended',
      'TenderClosed',
      'AwardProposed',
      'AwardChallenged',
      'ChallengeResolved',
      'LotAwarded',
      'AwardProposed',
      'LotAwarded',
    ]);
    expect(timeline.find((entry) => entry.eventType === 'AwardChallenged')?.actor.role).toBe('provider');
    expect(timeline.filter((entry) => entry.eventType === 'LotAwarded').every((entry) => entry.actor.role === 'system')).toBe(true);
  }, 240_000);
});
