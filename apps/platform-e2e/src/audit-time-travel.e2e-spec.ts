import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

// Auditors replay what happened through the gateway: a tender before and after its award, a supply chain
// on two dates, the award explained from its events; every query they make lands in the access log, and
// no mutation of the composed schema lets them change anything. Time travel folds the event log, not the
// read models, so one run on the default read-model store covers it.

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id organisationId } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status } }`;
const ASSIGN = `mutation($input: AssignEvaluatorInput!, $key: String!) { assignEvaluator(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const DECLARE = `mutation($input: DeclareConflictsInput!, $key: String!) { declareConflicts(input: $input, idempotencyKey: $key) { evaluatorUserId } }`;
const SCORE = `mutation($input: ScoreCriterionInput!, $key: String!) { scoreCriterion(input: $input, idempotencyKey: $key) { recorded } }`;
const MODERATE = `mutation($input: ModerateScoreInput!, $key: String!) { moderateScore(input: $input, idempotencyKey: $key) { recorded } }`;
const COMPLETE = `mutation($input: CompleteLotEvaluationInput!, $key: String!) { completeLotEvaluation(input: $input, idempotencyKey: $key) { recorded } }`;
const LOT_EVALUATION = `query($tenderId: ID!, $lotId: ID!) { lotEvaluation(tenderId: $tenderId, lotId: $lotId) { winnerBidId } }`;
const TENDER_STATUS = `query($id: ID!) { tender(id: $id) { status } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { status } }`;
const CONTRACTS = `query($tenderId: ID) { contracts(tenderId: $tenderId) { id } }`;
const ADD_SUBCONTRACTOR = `mutation($input: AddSubcontractorInput!, $key: String!) { addSubcontractor(input: $input, idempotencyKey: $key) { id } }`;

const TENDER_AS_OF = `query($tenderId: ID!, $asOf: DateTime!) {
  tenderAsOf(tenderId: $tenderId, asOf: $asOf) { existed status organisationId lots { lotId award { bidId supplierOrganisationId valuePence } } criteria { criterionId weightPercent } eventsApplied lastEventType }
}`;
const TENDER_TRAIL = `query($tenderId: ID!) { tenderTrail(tenderId: $tenderId) { eventType actorUserId actorRole actorOrganisationId reason evidenceRefs } }`;
const CONTRACT_AS_OF = `query($contractId: ID!, $asOf: DateTime!) {
  contractAsOf(contractId: $contractId, asOf: $asOf) { existed status primeOrganisationId valuePence subcontracts { organisationId tier valuePence status } }
}`;
const BID_AS_OF = `query($bidId: ID!, $asOf: DateTime!) { bidAsOf(bidId: $bidId, asOf: $asOf) { existed bid { status pricePence organisationId } } }`;
const AWARD_EXPLANATION = `query($tenderId: ID!, $lotId: ID!) {
  awardExplanation(tenderId: $tenderId, lotId: $lotId) {
    weights { criterionId kind weightPercent } priceFormula
    bids { bidId pricePence ranked }
    individualScores { bidId criterionId evaluatorUserId mark justification }
    moderatedScores { bidId consensusMark reason individualMarks { evaluatorUserId mark } actorUserId }
    evaluationCompleted { actorUserId evidenceRefs }
    recordedRanking { rank bidId totalScore }
    recomputedRanking { rank bidId totalScore scores { criterionId score weightedScore } }
    award { bidId valuePence actorUserId }
    matchesRecordedDecision differences { what recorded recomputed }
  }
}`;
const ACCESS_LOG = `query($userId: ID, $entityId: ID, $first: Int) {
  auditAccessLog(userId: $userId, entityId: $entityId, first: $first) { nodes { userId role service field argumentsJson entityIds } hasNextPage }
}`;

const CLARA = 'b0000000-0000-4000-8000-000000000001';
const ED = 'b0000000-0000-4000-8000-000000000002';
const AUDREY = 'b0000000-0000-4000-8000-00000000000a';
const orgs = DEMO_ORGANISATIONS;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type AccessLog = { auditAccessLog: { nodes: { userId: string; role: string; service: string; field: string; argumentsJson: string; entityIds: string[] }[] } };

describe('Auditors replay history through the gateway', () => {
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

  it('shows a tender before and after its award, a chain on two dates and the award explained, and logs every auditor query', async () => {
    const auditor = as('audrey.auditor');
    const clara = as('clara.commissioner');
    const beforePublication = new Date();
    await pause(20);
    const { publishTender: tender } = await clara.data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Open access youth clubs',
        description: 'Evening youth clubs in three wards',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 10_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: new Date(Date.now() + 7_000).toISOString(),
        suitableForVcse: true,
      },
    });
    const prices: Record<string, number> = { 'harriet.prime': 9_500_000, 'yasmin.provider': 9_000_000, 'priya.provider': 9_200_000 };
    const bidOf: Record<string, string> = {};
    for (const username of Object.keys(bidders)) {
      const { submitBid } = await as(username).data<{ submitBid: { id: string; organisationId: string } }>(SUBMIT, {
        key: newKey('bid'),
        input: { tenderId: tender.id, lotId: 'ALL', pricePence: prices[username], qualityAnswers: [{ criterionId: 'Q1', answer: 'Clubs run with young people' }], socialValueCommitments: '' },
      });
      bidOf[submitBid.organisationId] = submitBid.id;
    }
    const moorland = bidOf[orgs.moorlandHomes.id] ?? '';
    const brightpath = bidOf[orgs.brightpathYouthTrust.id] ?? '';
    const kindred = bidOf[orgs.kindredWorks.id] ?? '';

    // Before the deadline a bid is sealed from auditors too, even its past.
    expect(await auditor.errorCodes(BID_AS_OF, { bidId: moorland, asOf: new Date().toISOString() })).toEqual(['BID_NOT_FOUND']);

    // Evaluation: two evaluators, moderated quality, price by formula.
    for (const [evaluatorUserId, displayName] of [[CLARA, 'Clara Okafor'], [ED, 'Ed Lindqvist']] as const) {
      await clara.data(ASSIGN, { key: newKey('assign'), input: { tenderId: tender.id, evaluatorUserId, displayName } });
    }
    await eventually(
      () => clara.data<{ bids: { status: string }[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 3 && bids.every((b) => b.status === 'opened'),
      30_000,
    );
    for (const username of ['clara.commissioner', 'ed.commissioner']) {
      await as(username).data(DECLARE, { key: newKey('declare'), input: { tenderId: tender.id, conflictedOrganisationIds: [], statement: 'No interests to declare' } });
    }
    const marks: [string, string, number][] = [
      ['clara.commissioner', moorland, 5], ['clara.commissioner', brightpath, 3], ['clara.commissioner', kindred, 3],
      ['ed.commissioner', moorland, 5], ['ed.commissioner', brightpath, 4], ['ed.commissioner', kindred, 2],
    ];
    for (const [username, bidId, mark] of marks) {
      await as(username).data(SCORE, { key: newKey('score'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', mark, justification: `Mark ${mark} against the descriptors` } });
    }
    for (const [bidId, consensusMark, reason] of [[moorland, 5, ''], [brightpath, 4, 'Clara had missed the partnership evidence'], [kindred, 3, 'Ed had misread the staffing plan']] as const) {
      await clara.data(MODERATE, { key: newKey('moderate'), input: { tenderId: tender.id, bidId, criterionId: 'Q1', consensusMark, reason } });
    }
    await clara.data(COMPLETE, { key: newKey('complete'), input: { tenderId: tender.id, lotId: 'ALL' } });
    await eventually(() => clara.data<{ lotEvaluation: { winnerBidId: string } | null }>(LOT_EVALUATION, { tenderId: tender.id, lotId: 'ALL' }), (r) => r.lotEvaluation !== null);
    // The tender records the evaluation too: its lot is in the final stage, from which the award is proposed.
    await eventually(() => clara.data<{ tender: { status: string } }>(TENDER_STATUS, { id: tender.id }), (r) => r.tender.status === 'final_stage');

    const beforeAward = new Date();
    await pause(20);
    await clara.data(AWARD, {
      key: newKey('award'),
      input: {
        tenderId: tender.id, lotId: 'ALL', bidId: moorland, valuePence: 9_500_000,
        rationale: 'Highest weighted score after moderation', evidenceRefs: [`moderation:${moorland}:Q1`],
        contractStartDate: '2027-04-01', contractEndDate: '2030-03-31', paymentTermsDays: 30,
      },
    });
    // The award is final when the standstill (seconds on the test platform) ends.
    await eventually(() => clara.data<{ tender: { status: string } }>(TENDER_STATUS, { id: tender.id }), (r) => r.tender.status === 'awarded');
    await pause(20);
    const afterAward = new Date();

    // The tender as it was: not yet published, then evaluated with no award, then awarded to Moorland.
    type TenderAsOf = { tenderAsOf: { existed: boolean; status: string | null; organisationId: string | null; lots: { lotId: string; award: { bidId: string; supplierOrganisationId: string; valuePence: number } | null }[]; criteria: unknown[]; lastEventType: string | null } };
    const tenderAt = async (asOf: Date) => (await auditor.data<TenderAsOf>(TENDER_AS_OF, { tenderId: tender.id, asOf: asOf.toISOString() })).tenderAsOf;
    expect(await tenderAt(beforePublication)).toMatchObject({ existed: false, status: null, lots: [] });
    expect(await tenderAt(beforeAward)).toMatchObject({
      existed: true, status: 'final_stage', organisationId: orgs.northmoorCouncil.id, lots: [{ lotId: 'ALL', award: null }], lastEventType: 'LotEvaluated',
    });
    expect(await tenderAt(afterAward)).toMatchObject({
      status: 'awarded', lots: [{ lotId: 'ALL', award: { bidId: moorland, supplierOrganisationId: orgs.moorlandHomes.id, valuePence: 9_500_000 } }], lastEventType: 'LotAwarded',
    });
    const { tenderTrail } = await auditor.data<{ tenderTrail: { eventType: string; actorUserId: string; actorRole: string; reason: string | null; evidenceRefs: string[] }[] }>(TENDER_TRAIL, { tenderId: tender.id });
    expect(tenderTrail.map((e) => e.eventType)).toEqual(['TenderPublished', 'TenderClosed', 'EvaluationStarted', 'LotEvaluated', 'AwardProposed', 'LotAwarded']);
    expect(tenderTrail[4]).toMatchObject({ actorUserId: CLARA, actorRole: 'commissioner', reason: 'Highest weighted score after moderation' });
    expect(tenderTrail[4]?.evidenceRefs).toEqual(expect.arrayContaining([`moderation:${moorland}:Q1`, `moderation:${brightpath}:Q1`]));
    expect(tenderTrail[5]).toMatchObject({ actorRole: 'system', reason: 'Highest weighted score after moderation' });

    // After the deadline the auditor reads the bid as it stood.
    const { bidAsOf } = await auditor.data<{ bidAsOf: { existed: boolean; bid: { status: string; pricePence: number; organisationId: string } | null } }>(BID_AS_OF, { bidId: moorland, asOf: beforeAward.toISOString() });
    expect(bidAsOf).toEqual({ existed: true, bid: { status: 'opened', pricePence: 9_500_000, organisationId: orgs.moorlandHomes.id } });

    // The award explained: recomputed from the events, it matches what was recorded and awarded.
    // Moorland 70 + 30 x 9.0/9.5 = 98.42; Brightpath 56 + 30 = 86; Kindred 42 + 30 x 9.0/9.2 = 71.35.
    type Explanation = { awardExplanation: {
      weights: unknown[]; priceFormula: string; bids: { bidId: string; ranked: boolean }[];
      individualScores: { bidId: string; evaluatorUserId: string; mark: number }[];
      moderatedScores: { bidId: string; consensusMark: number; reason: string; individualMarks: { evaluatorUserId: string; mark: number }[]; actorUserId: string }[];
      evaluationCompleted: { actorUserId: string; evidenceRefs: string[] };
      recordedRanking: { rank: number; bidId: string; totalScore: number }[];
      recomputedRanking: { rank: number; bidId: string; totalScore: number; scores: { criterionId: string; score: number; weightedScore: number }[] }[];
      award: { bidId: string; valuePence: number; actorUserId: string } | null;
      matchesRecordedDecision: boolean; differences: unknown[];
    } };
    const { awardExplanation } = await eventually(
      () => auditor.data<Explanation>(AWARD_EXPLANATION, { tenderId: tender.id, lotId: 'ALL' }),
      (result) => result.awardExplanation.award !== null,
    );
    expect(awardExplanation.matchesRecordedDecision).toBe(true);
    expect(awardExplanation.differences).toEqual([]);
    expect(awardExplanation.weights).toEqual([{ criterionId: 'Q1', kind: 'quality', weightPercent: 70 }, { criterionId: 'P1', kind: 'price', weightPercent: 30 }]);
    expect(awardExplanation.priceFormula).toBe('lowest-price-over-price');
    expect(awardExplanation.recomputedRanking.map((r) => [r.rank, r.bidId, r.totalScore])).toEqual([[1, moorland, 98.42], [2, brightpath, 86], [3, kindred, 71.35]]);
    expect(awardExplanation.recordedRanking.map((r) => [r.rank, r.bidId, r.totalScore])).toEqual([[1, moorland, 98.42], [2, brightpath, 86], [3, kindred, 71.35]]);
    expect(awardExplanation.recomputedRanking[0]?.scores).toEqual([
      { criterionId: 'Q1', score: 100, weightedScore: 70 },
      { criterionId: 'P1', score: 94.74, weightedScore: 28.42 },
    ]);
    expect(awardExplanation.individualScores).toHaveLength(6);
    expect(awardExplanation.individualScores.filter((s) => s.bidId === kindred).map((s) => [s.evaluatorUserId, s.mark])).toEqual([[CLARA, 3], [ED, 2]]);
    expect(awardExplanation.moderatedScores.find((s) => s.bidId === brightpath)).toEqual({
      bidId: brightpath, consensusMark: 4, reason: 'Clara had missed the partnership evidence', individualMarks: [{ evaluatorUserId: CLARA, mark: 3 }, { evaluatorUserId: ED, mark: 4 }], actorUserId: CLARA,
    });
    expect(awardExplanation.bids.every((b) => b.ranked)).toBe(true);
    expect(awardExplanation.evaluationCompleted.actorUserId).toBe(CLARA);
    // The final award is made by the scheduler when the standstill ends; Clara's proposal is in the tender trail above.
    expect(awardExplanation.award).toEqual({ bidId: moorland, valuePence: 9_500_000, actorUserId: 'system:tender-deadline-scheduler' });

    // The supply chain on two dates: Kindred joined first, Brightpath after.
    const harriet = as('harriet.prime');
    const { contracts } = await eventually(() => harriet.data<{ contracts: { id: string }[] }>(CONTRACTS, { tenderId: tender.id }), (r) => r.contracts.length === 1, 30_000);
    const contractId = contracts[0]?.id ?? '';
    const subcontract = (organisationId: string, valuePence: number) => ({
      contractId, subcontractorOrganisationId: organisationId, valuePence, scope: 'Evening youth club', area: 'East ward',
      startDate: '2027-04-01', endDate: '2030-03-31', paymentTermsDays: 30,
    });
    await harriet.data(ADD_SUBCONTRACTOR, { key: newKey('sub'), input: subcontract(orgs.kindredWorks.id, 2_000_000) });
    await pause(20);
    const firstDate = new Date();
    await pause(20);
    await harriet.data(ADD_SUBCONTRACTOR, { key: newKey('sub'), input: subcontract(orgs.brightpathYouthTrust.id, 3_000_000) });
    await pause(20);
    const secondDate = new Date();
    type ContractAsOf = { contractAsOf: { existed: boolean; status: string; primeOrganisationId: string; valuePence: number; subcontracts: { organisationId: string; tier: number; valuePence: number; status: string }[] } };
    const chainAt = async (asOf: Date) => (await auditor.data<ContractAsOf>(CONTRACT_AS_OF, { contractId, asOf: asOf.toISOString() })).contractAsOf;
    expect(await chainAt(firstDate)).toEqual({
      existed: true, status: 'active', primeOrganisationId: orgs.moorlandHomes.id, valuePence: 9_500_000,
      subcontracts: [{ organisationId: orgs.kindredWorks.id, tier: 1, valuePence: 2_000_000, status: 'active' }],
    });
    expect((await chainAt(secondDate)).subcontracts).toEqual([
      { organisationId: orgs.kindredWorks.id, tier: 1, valuePence: 2_000_000, status: 'active' },
      { organisationId: orgs.brightpathYouthTrust.id, tier: 1, valuePence: 3_000_000, status: 'active' },
    ]);
    expect((await chainAt(beforeAward)).existed).toBe(false);

    // The council reads its own tender's past, and that read is not an auditor's: it is not logged.
    expect((await clara.data<TenderAsOf>(TENDER_AS_OF, { tenderId: tender.id, asOf: afterAward.toISOString() })).tenderAsOf.status).toBe('awarded');

    // Every auditor query above is in the access log, with the records it named; nothing else is.
    const { auditAccessLog } = await auditor.data<AccessLog>(ACCESS_LOG, { userId: AUDREY, first: 100 });
    const fields = auditAccessLog.nodes.map((n) => n.field);
    expect(fields.filter((f) => f === 'tenderAsOf')).toHaveLength(3);
    expect(fields.filter((f) => f === 'contractAsOf')).toHaveLength(3);
    expect(fields).toEqual(expect.arrayContaining(['awardExplanation', 'tenderTrail', 'bidAsOf']));
    expect(auditAccessLog.nodes.every((n) => n.userId === AUDREY && n.role === 'auditor')).toBe(true);
    const explanationRead = auditAccessLog.nodes.find((n) => n.field === 'awardExplanation');
    expect(explanationRead).toMatchObject({ service: 'bidding-service', entityIds: [tender.id, 'ALL'] });
    expect(JSON.parse(explanationRead?.argumentsJson ?? '{}')).toEqual({ tenderId: tender.id, lotId: 'ALL' });
    const aboutTheTender = await auditor.data<AccessLog>(ACCESS_LOG, { entityId: tender.id, first: 100 });
    const tenderFields = aboutTheTender.auditAccessLog.nodes.map((n) => n.field);
    expect(tenderFields.length).toBeGreaterThanOrEqual(5);
    // Reading the log is an auditor query too: this very read, naming the tender, is recorded before it is answered.
    expect(new Set(tenderFields)).toEqual(new Set(['tenderAsOf', 'tenderTrail', 'awardExplanation', 'auditAccessLog']));
    expect(aboutTheTender.auditAccessLog.nodes[0]?.field).toBe('auditAccessLog');
    expect(aboutTheTender.auditAccessLog.nodes.some((n) => n.userId === CLARA)).toBe(false);
    expect(await clara.errorCodes(ACCESS_LOG, { first: 10 })).toEqual(['FORBIDDEN']);
  }, 180_000);

  it('refuses every mutation of the composed schema to an auditor, before it reaches any rule', async () => {
    const mutations = await mutationsOfTheComposedSchema(as('audrey.auditor'));
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.some((m) => /access|audit/i.test(m.name))).toBe(false);
    const refusals: Record<string, string[]> = {};
    for (const mutation of mutations) {
      refusals[mutation.name] = await as('audrey.auditor').errorCodes(mutation.document, mutation.variables);
    }
    expect(Object.entries(refusals).filter(([, codes]) => codes.join() !== 'FORBIDDEN')).toEqual([]);
  }, 120_000);
});

// ---- Calling every mutation with arguments of the right shape, built from introspection ----

interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}
interface IntrospectedType {
  readonly name: string;
  readonly kind: string;
  readonly inputFields: { name: string; type: TypeRef; defaultValue: string | null }[] | null;
  readonly enumValues: { name: string }[] | null;
}
const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECT = `{ __schema {
  mutationType { fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } } }
  types { name kind enumValues { name } inputFields { name defaultValue type { ${TYPE_REF} } } }
} }`;

const typeName = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL' && ref.ofType ? `${typeName(ref.ofType)}!` : ref.kind === 'LIST' && ref.ofType ? `[${typeName(ref.ofType)}]` : (ref.name ?? '');
const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

const sampleValue = (ref: TypeRef, types: Map<string, IntrospectedType>): unknown => {
  if (ref.kind === 'NON_NULL' && ref.ofType) return sampleValue(ref.ofType, types);
  if (ref.kind === 'LIST') return [];
  const type = types.get(ref.name ?? '');
  if (ref.kind === 'ENUM') return type?.enumValues?.[0]?.name;
  if (ref.kind === 'INPUT_OBJECT') {
    return Object.fromEntries(
      (type?.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null).map((f) => [f.name, sampleValue(f.type, types)]),
    );
  }
  switch (ref.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'x';
  }
};

const mutationsOfTheComposedSchema = async (session: Session) => {
  const { __schema } = await session.data<{
    __schema: { mutationType: { fields: { name: string; type: TypeRef; args: { name: string; defaultValue: string | null; type: TypeRef }[] }[] }; types: IntrospectedType[] };
  }>(INTROSPECT);
  const types = new Map(__schema.types.map((t) => [t.name, t]));
  return __schema.mutationType.fields.map((field) => {
    const args = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);
    const declarations = args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
    const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(named(field.type).kind) ? ' { __typename }' : '';
    const call = args.length > 0 ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    return {
      name: field.name,
      document: `mutation${declarations ? `(${declarations})` : ''} { ${field.name}${call}${selection} }`,
      variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type, types)])),
    };
  });
};
