import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';

const PLAN_FIELDS = `id organisationId totalBudgetPence outcomes { measureId kind }
  strands { strandId deliveryModel inHouseRationale optionsAppraisal { optionsConsidered conclusion } reasonForNoEngagement providerKindsEngaged releasedForTenderAt reportsAgainst { measureId } }
  needsEvidence { method participants findings conductedOn }
  marketEngagement { id strandIds interests { providerOrganisationId providerKind } }
  providerKindsEngaged`;
const DRAFT = `mutation($input: DraftCommissioningPlanInput!, $key: String!) { draftCommissioningPlan(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const ADD_STRAND = `mutation($input: AddPlanStrandInput!, $key: String!) { addPlanStrand(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const EVIDENCE = `mutation($input: RecordNeedsEvidenceInput!, $key: String!) { recordNeedsEvidence(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const NOTICE = `mutation($input: PublishMarketEngagementNoticeInput!, $key: String!) { publishMarketEngagementNotice(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const INTEREST = `mutation($input: RegisterMarketInterestInput!, $key: String!) { registerMarketInterest(input: $input, idempotencyKey: $key) { id interestRegistered } }`;
const NO_ENGAGEMENT = `mutation($input: RecordNoMarketEngagementReasonInput!, $key: String!) { recordNoMarketEngagementReason(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const RELEASE = `mutation($input: StrandRefInput!, $key: String!) { releaseStrandForTender(input: $input, idempotencyKey: $key) { ${PLAN_FIELDS} } }`;
const PLAN = `query($id: ID!) { commissioningPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PLANS = `query { commissioningPlans { nodes { id } } }`;
const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id status planId strandId } }`;
const OPEN_NOTICES = `query { openMarketEngagementNotices { id planId planTitle summary respondBy interestRegistered strands { strandId name area } } }`;

type Strand = {
  strandId: string;
  deliveryModel: string;
  inHouseRationale: string | null;
  reasonForNoEngagement: string | null;
  providerKindsEngaged: string[];
  releasedForTenderAt: string | null;
  reportsAgainst: { measureId: string }[];
};
type Plan = {
  id: string;
  organisationId: string;
  totalBudgetPence: number;
  outcomes: { measureId: string; kind: string }[];
  strands: Strand[];
  needsEvidence: { method: string; participants: number; findings: string }[];
  marketEngagement: { id: string; strandIds: string[]; interests: { providerOrganisationId: string; providerKind: string }[] }[];
  providerKindsEngaged: string[];
};
type OpenNotice = { id: string; planId: string; interestRegistered: boolean; strands: { strandId: string }[] };

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('Commissioning a plan through the gateway', () => {
  let platform: TestPlatform;
  let commissioner: Session;
  let otherCouncil: Session;
  let charity: Session;
  let landlord: Session;
  let auditor: Session;

  beforeAll(async () => {
    platform = await startTestPlatform();
    const signIn = (username: string) => Session.signIn(platform.baseUrl, username);
    commissioner = await signIn('clara.commissioner');
    otherCouncil = await signIn('ed.commissioner');
    charity = await signIn('yasmin.provider');
    landlord = await signIn('harriet.prime');
    auditor = await signIn('audrey.auditor');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes a plan from needs evidence and market engagement to strands released for tender', async () => {
    const outcomes = [
      { measureId: 'LAP', name: 'Learning, achievement and progress', kind: 'learning_achievement_progress', target: '70% report progress' },
      { measureId: 'REACH', name: 'Young people engaged', kind: 'reach', target: '1,200 a year' },
    ];
    const planInput = {
      title: "Young people's services 2027-2030",
      periodStart: '2027-04-01',
      periodEnd: '2030-03-31',
      inHouseBudgetPence: 1_500_000_000,
      externalBudgetPence: 3_500_000_000,
      outcomes,
    };

    // The outcomes framework always measures learning, achievement and progress, and reach.
    const withoutReach = { ...planInput, outcomes: [outcomes[0]] };
    expect(await commissioner.errorCodes(DRAFT, { key: newKey('plan'), input: withoutReach })).toEqual(['OUTCOMES_MUST_INCLUDE_LEARNING_AND_REACH']);
    expect(await charity.errorCodes(DRAFT, { key: newKey('plan'), input: planInput })).toEqual(['FORBIDDEN']);

    const draftKey = newKey('plan');
    const { draftCommissioningPlan: plan } = await commissioner.data<{ draftCommissioningPlan: Plan }>(DRAFT, { key: draftKey, input: planInput });
    expect(plan).toMatchObject({ organisationId: DEMO_ORGANISATIONS.northmoorCouncil.id, totalBudgetPence: 5_000_000_000, strands: [] });
    // A retried draft is the same plan, not a second one.
    expect((await commissioner.data<{ draftCommissioningPlan: Plan }>(DRAFT, { key: draftKey, input: planInput })).draftCommissioningPlan.id).toBe(plan.id);

    // Three strands: in-house with its rationale, external, and mixed.
    const appraisal = { optionsConsidered: ['in-house', 'grant', 'contract'], conclusion: 'Weighed reach, cost and local capacity' };
    const strands = [
      { strandId: 'TARGETED', name: 'Targeted support', area: null, budgetPence: 1_500_000_000, deliveryModel: 'in_house', inHouseRationale: 'Statutory duties stay with our own team' },
      { strandId: 'OPEN-NORTH', name: 'Open-access youth work', area: 'North', budgetPence: 2_500_000_000, deliveryModel: 'external', inHouseRationale: null },
      { strandId: 'ARTS', name: 'Arts', area: null, budgetPence: 1_000_000_000, deliveryModel: 'mixed', inHouseRationale: 'Our venues host the sessions' },
    ];
    expect(
      await commissioner.errorCodes(ADD_STRAND, { key: newKey('strand'), input: { ...strands[0], planId: plan.id, inHouseRationale: null, optionsAppraisal: appraisal } }),
    ).toEqual(['IN_HOUSE_RATIONALE_REQUIRED']);
    expect(await otherCouncil.errorCodes(ADD_STRAND, { key: newKey('strand'), input: { ...strands[1], planId: plan.id, optionsAppraisal: appraisal } })).toEqual([
      'NOT_THE_PLAN_COMMISSIONER',
    ]);
    let current = plan;
    for (const strand of strands) {
      current = (await commissioner.data<{ addPlanStrand: Plan }>(ADD_STRAND, { key: newKey('strand'), input: { ...strand, planId: plan.id, optionsAppraisal: appraisal } }))
        .addPlanStrand;
    }
    expect(current.strands.map((s) => [s.strandId, s.deliveryModel])).toEqual([
      ['TARGETED', 'in_house'],
      ['OPEN-NORTH', 'external'],
      ['ARTS', 'mixed'],
    ]);
    // Whoever delivers, every strand reports against the plan's outcomes framework.
    expect(current.strands.every((s) => s.reportsAgainst.map((m) => m.measureId).join() === 'LAP,REACH')).toBe(true);
    expect(
      await commissioner.errorCodes(ADD_STRAND, { key: newKey('strand'), input: { ...strands[1], strandId: 'EXTRA', budgetPence: 1, planId: plan.id, optionsAppraisal: appraisal } }),
    ).toEqual(['STRAND_BUDGETS_EXCEED_PLAN_TOTAL']);

    // Needs evidence is aggregate: findings with personal data are refused and change nothing.
    const evidence = { planId: plan.id, conductedOn: day(-3), method: 'focus_group', participants: 14, findings: 'Young people want safe spaces open later on Fridays' };
    expect(await commissioner.errorCodes(EVIDENCE, { key: newKey('ev'), input: { ...evidence, findings: 'Follow up with jo@example.com' } })).toEqual([
      'NEEDS_EVIDENCE_CONTAINS_PERSONAL_DATA',
    ]);
    expect(await commissioner.errorCodes(EVIDENCE, { key: newKey('ev'), input: { ...evidence, conductedOn: day(2) } })).toEqual([
      'CONSULTATION_DATE_MUST_BE_A_PAST_ISO_DATE',
    ]);
    const { recordNeedsEvidence } = await commissioner.data<{ recordNeedsEvidence: Plan }>(EVIDENCE, { key: newKey('ev'), input: evidence });
    expect(recordNeedsEvidence.needsEvidence).toEqual([{ method: 'focus_group', participants: 14, findings: evidence.findings, conductedOn: evidence.conductedOn }]);

    // An external strand cannot go to tender before market engagement; an in-house one never goes to market.
    expect(await commissioner.errorCodes(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'OPEN-NORTH' } })).toEqual([
      'STRAND_NEEDS_MARKET_ENGAGEMENT',
    ]);
    expect(await commissioner.errorCodes(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'TARGETED' } })).toEqual(['STRAND_DELIVERED_IN_HOUSE']);
    expect(await commissioner.errorCodes(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'NOPE' } })).toEqual(['STRAND_NOT_FOUND']);

    // A preliminary market engagement notice; providers from the registry register interest.
    const noticeInput = { planId: plan.id, strandIds: ['OPEN-NORTH'], summary: 'Open-access youth work in the North from April 2027', respondBy: day(30) };
    expect(await commissioner.errorCodes(NOTICE, { key: newKey('notice'), input: { ...noticeInput, strandIds: ['TARGETED'] } })).toEqual([
      'STRAND_DELIVERED_IN_HOUSE',
    ]);
    const { publishMarketEngagementNotice } = await commissioner.data<{ publishMarketEngagementNotice: Plan }>(NOTICE, { key: newKey('notice'), input: noticeInput });
    const notice = publishMarketEngagementNotice.marketEngagement[0];
    if (!notice) throw new Error('the notice is missing');

    const seen = (await charity.data<{ openMarketEngagementNotices: OpenNotice[] }>(OPEN_NOTICES)).openMarketEngagementNotices.find((n) => n.id === notice.id);
    expect(seen).toMatchObject({ planId: plan.id, interestRegistered: false, strands: [{ strandId: 'OPEN-NORTH', name: 'Open-access youth work', area: 'North' }] });
    const { registerMarketInterest } = await charity.data<{ registerMarketInterest: OpenNotice[] }>(INTEREST, {
      key: newKey('interest'),
      input: { planId: plan.id, noticeId: notice.id },
    });
    expect(registerMarketInterest.find((n) => n.id === notice.id)?.interestRegistered).toBe(true);
    await landlord.data(INTEREST, { key: newKey('interest'), input: { planId: plan.id, noticeId: notice.id } });
    expect(await commissioner.errorCodes(INTEREST, { key: newKey('interest'), input: { planId: plan.id, noticeId: notice.id } })).toEqual(['FORBIDDEN']);
    expect(await charity.errorCodes(INTEREST, { key: newKey('interest'), input: { planId: plan.id, noticeId: 'no-such-notice' } })).toEqual(['NOTICE_NOT_FOUND']);

    // The mixed strand had no engagement: it goes to tender only with a recorded reason.
    expect(await commissioner.errorCodes(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'ARTS' } })).toEqual(['STRAND_NEEDS_MARKET_ENGAGEMENT']);
    await commissioner.data(NO_ENGAGEMENT, {
      key: newKey('reason'),
      input: { planId: plan.id, strandId: 'ARTS', reason: 'One specialist arts provider in the region; engaged through the arts council instead' },
    });
    await commissioner.data(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'ARTS' } });

    // A tender belongs to a plan strand: only a released, tendered strand of the council's own plan goes out.
    const tenderFor = (strandId: string) => ({
      title: 'Open-access youth work, North',
      description: 'Evening sessions',
      category: 'youth-work',
      lots: [{ lotId: 'NORTH', title: 'North', estimatedValuePence: 2_000_000_000 }],
      criteria: [
        { criterionId: 'Q', name: 'Quality', kind: 'quality', weightPercent: 70 },
        { criterionId: 'P', name: 'Price', kind: 'price', weightPercent: 30 },
      ],
      submissionDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      planId: plan.id,
      strandId,
    });
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('tender'), input: tenderFor('OPEN-NORTH') })).toEqual(['STRAND_NOT_RELEASED_FOR_TENDER']);
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('tender'), input: tenderFor('TARGETED') })).toEqual(['STRAND_DELIVERED_IN_HOUSE']);
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('tender'), input: tenderFor('NOPE') })).toEqual(['STRAND_NOT_FOUND']);
    expect(await otherCouncil.errorCodes(PUBLISH, { key: newKey('tender'), input: tenderFor('ARTS') })).toEqual(['PLAN_NOT_FOUND']);
    const { publishTender: artsTender } = await commissioner.data<{ publishTender: { status: string; planId: string; strandId: string } }>(PUBLISH, {
      key: newKey('tender'),
      input: tenderFor('ARTS'),
    });
    expect(artsTender).toMatchObject({ status: 'open', planId: plan.id, strandId: 'ARTS' });
    const { releaseStrandForTender: released } = await commissioner.data<{ releaseStrandForTender: Plan }>(RELEASE, {
      key: newKey('rel'),
      input: { planId: plan.id, strandId: 'OPEN-NORTH' },
    });
    expect(await commissioner.errorCodes(RELEASE, { key: newKey('rel'), input: { planId: plan.id, strandId: 'OPEN-NORTH' } })).toEqual([
      'STRAND_ALREADY_RELEASED_FOR_TENDER',
    ]);

    // The released strand's tender carries its area, so providers find it by locality.
    const northCategory = `north-${Date.now()}`;
    const { publishTender: northTender } = await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('tender'),
      input: { ...tenderFor('OPEN-NORTH'), category: northCategory },
    });
    const byArea = await charity.data<{ tenders: { nodes: { id: string; area: string | null }[] } }>(
      `query($area: String, $category: String) { tenders(area: $area, category: $category) { nodes { id area } } }`,
      { area: 'North', category: northCategory },
    );
    expect(byArea.tenders.nodes).toEqual([{ id: northTender.id, area: 'North' }]);

    // The commissioner sees the plan's tenders, by strand.
    const PLAN_TENDERS = `query($planId: ID, $strandId: ID) { tenders(planId: $planId, strandId: $strandId) { nodes { id strandId } } }`;
    type PlanTenders = { tenders: { nodes: { id: string; strandId: string }[] } };
    expect((await commissioner.data<PlanTenders>(PLAN_TENDERS, { planId: plan.id })).tenders.nodes.map((t) => t.strandId).sort()).toEqual(['ARTS', 'OPEN-NORTH']);
    expect((await commissioner.data<PlanTenders>(PLAN_TENDERS, { planId: plan.id, strandId: 'OPEN-NORTH' })).tenders.nodes).toEqual([
      { id: northTender.id, strandId: 'OPEN-NORTH' },
    ]);

    // The plan records which kinds of provider were engaged, and what each strand rests on.
    expect(released.providerKindsEngaged).toEqual(['charity', 'social_landlord']);
    const byId = Object.fromEntries(released.strands.map((s) => [s.strandId, s]));
    expect(byId['OPEN-NORTH']).toMatchObject({ providerKindsEngaged: ['charity', 'social_landlord'], reasonForNoEngagement: null });
    expect(byId['OPEN-NORTH']?.releasedForTenderAt).not.toBeNull();
    expect(byId['ARTS']?.reasonForNoEngagement).toContain('One specialist arts provider');
    expect(byId['ARTS']?.releasedForTenderAt).not.toBeNull();
    expect(byId['TARGETED']).toMatchObject({ releasedForTenderAt: null, inHouseRationale: 'Statutory duties stay with our own team' });
    expect(released.marketEngagement[0]?.interests.map((i) => i.providerOrganisationId).sort()).toEqual(
      [DEMO_ORGANISATIONS.brightpathYouthTrust.id, DEMO_ORGANISATIONS.moorlandHomes.id].sort(),
    );

    // Plans stay with their council and its overseers: other councils and providers do not see them.
    expect((await auditor.data<{ commissioningPlan: Plan | null }>(PLAN, { id: plan.id })).commissioningPlan?.id).toBe(plan.id);
    expect((await otherCouncil.data<{ commissioningPlan: Plan | null }>(PLAN, { id: plan.id })).commissioningPlan).toBeNull();
    expect((await charity.data<{ commissioningPlan: Plan | null }>(PLAN, { id: plan.id })).commissioningPlan).toBeNull();
    expect((await commissioner.data<{ commissioningPlans: { nodes: { id: string }[] } }>(PLANS)).commissioningPlans.nodes.map((n) => n.id)).toContain(plan.id);
    expect((await otherCouncil.data<{ commissioningPlans: { nodes: { id: string }[] } }>(PLANS)).commissioningPlans.nodes).toEqual([]);
  }, 180_000);
});
