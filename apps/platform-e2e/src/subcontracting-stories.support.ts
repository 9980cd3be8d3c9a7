import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session } from './support/platform';
import { registerEligibleProvider } from './support/providers';

// Helpers for the subcontracting stories: a council whose strands are tendered and awarded to several
// primes through the gateway, and sessions for organisations that are not demo users.

/** Fixed for the run so the test can sign tokens the platform accepts, as an identity provider would. */
export const E2E_SIGNING_KEY = 'e2e-signing-key-for-subcontracting-stories-0123456789';

/** A signed-in member of an organisation that has no demo user (the 80 subcontractors, the extra primes). */
export const sessionFor = async (baseUrl: string, role: 'prime' | 'provider', organisationId: string): Promise<Session> => {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ role, name: `Member of ${organisationId}`, org: organisationId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(`user-${organisationId}`)
    .setIssuer('tendril-embedded')
    .setAudience('tendril')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(E2E_SIGNING_KEY));
  return new Session(baseUrl, token);
};

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { id } }`;
const CONTRACTS = `query($tenderId: ID) { contracts(tenderId: $tenderId) { id lotId primeOrganisationId valuePence } }`;

export interface Strand {
  readonly lotId: string;
  readonly prime: Session;
  readonly primeName: string;
  readonly primeKind: 'registered_social_landlord' | 'school';
  readonly primeOrganisationId: string;
  readonly valuePence: number;
}

export interface AwardedContract {
  readonly id: string;
  readonly lotId: string;
  readonly primeOrganisationId: string;
  readonly valuePence: number;
}

// Started in the past so four quarters of returns (2025-Q4 to 2026-Q3) can already be in.
export const CONTRACT_START = '2025-10-01';
export const CONTRACT_END = '2028-09-30';

/** Bidding takes bids only from registered providers with current safeguarding due diligence. */
const registerForBidding = async (strand: Strand, index: number): Promise<void> => {
  await registerEligibleProvider(strand.prime, {
    name: strand.primeName,
    kind: strand.primeKind,
    ...(strand.primeKind === 'school' ? { schoolUrn: String(140_000 + index) } : {}),
  });
};

/** Publishes one tender with a lot per strand, has each prime bid for its lot, and awards every lot once bids open. */
export const awardStrands = async (commissioner: Session, strands: readonly Strand[], title = "Young people's services, whole council"): Promise<AwardedContract[]> => {
  await Promise.all(strands.map(registerForBidding));
  const { publishTender } = await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
    key: newKey('publish'),
    input: {
      title,
      description: 'Youth work strands for learning, achievement and progress',
      category: 'youth-work',
      lots: strands.map((s) => ({ lotId: s.lotId, title: `Strand ${s.lotId}`, estimatedValuePence: s.valuePence })),
      criteria: [
        { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
        { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 40 },
      ],
      submissionDeadline: new Date(Date.now() + 6_000).toISOString(),
      suitableForVcse: true,
    },
  });
  const tenderId = publishTender.id;
  const bids = await Promise.all(
    strands.map(async (strand) => {
      const { submitBid } = await strand.prime.data<{ submitBid: { id: string } }>(SUBMIT, {
        key: newKey('bid'),
        input: {
          tenderId,
          lotId: strand.lotId,
          pricePence: strand.valuePence,
          qualityAnswers: [{ criterionId: 'Q1', answer: 'A local partnership of small organisations' }],
          socialValueCommitments: 'Local apprenticeships',
        },
      });
      return { strand, bidId: submitBid.id };
    }),
  );
  await eventually(
    () => commissioner.data<{ tender: { status: string } }>(TENDER, { id: tenderId }),
    ({ tender }) => tender.status !== 'open',
    30_000,
  );
  for (const { strand, bidId } of bids) {
    const input = {
      tenderId,
      lotId: strand.lotId,
      bidId,
      valuePence: strand.valuePence,
      rationale: 'Only compliant bid for the strand; strong local delivery partnership',
      evidenceRefs: [`evaluation-${strand.lotId}`],
      contractStartDate: CONTRACT_START,
      contractEndDate: CONTRACT_END,
      paymentTermsDays: 30,
    };
    // Bids unseal for the commissioner a moment after the close: retry until the proposal is accepted. The
    // contract follows when the standstill (seconds on the test platform) ends.
    await eventually(
      () => commissioner.graphql(AWARD, { key: newKey('award'), input }),
      (result) => result.errors.length === 0,
      20_000,
    );
  }
  const { contracts } = await eventually(
    () => commissioner.data<{ contracts: AwardedContract[] }>(CONTRACTS, { tenderId }),
    (result) => result.contracts.length === strands.length,
    30_000,
  );
  return contracts;
};

export const NORTHMOOR = DEMO_ORGANISATIONS.northmoorCouncil.id;

/** Registers a small organisation in the provider registry with a year's safeguarding declaration, as itself. */
export const registerSubcontractor = async (baseUrl: string, organisationId: string, name: string): Promise<Session> => {
  const session = await sessionFor(baseUrl, 'provider', organisationId);
  await registerEligibleProvider(session, { name, kind: 'voluntary_community_group', vcse: true, sme: true });
  return session;
};

const RETRYABLE_ELIGIBILITY = ['SUBCONTRACTOR_NOT_REGISTERED', 'SUBCONTRACTOR_SAFEGUARDING_MISSING'];

/**
 * Sends `addSubcontractor` once the registry's facts about a just-registered organisation have reached the
 * subcontracting context (they travel as integration events, so they arrive a moment later).
 */
export const addWhenEligible = async <T>(session: Session, mutation: string, input: Record<string, unknown>): Promise<T> => {
  const result = await eventually(
    () => session.graphql<T>(mutation, { key: newKey('sub'), input }),
    (r) => !r.errors.some((e) => RETRYABLE_ELIGIBILITY.includes(e.extensions?.code ?? '')),
    20_000,
  );
  if (result.errors.length > 0 || !result.data) throw new Error(`GraphQL errors: ${result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return result.data;
};

const DRAFT_PLAN = `mutation($input: DraftCommissioningPlanInput!, $key: String!) { draftCommissioningPlan(input: $input, idempotencyKey: $key) { id } }`;
const ADD_STRAND = `mutation($input: AddPlanStrandInput!, $key: String!) { addPlanStrand(input: $input, idempotencyKey: $key) { id } }`;

/** The plan's outcomes framework: learning, achievement and progress, and reach, with targets as the council states them. */
export const PLAN_OUTCOMES = [
  { measureId: 'LAP', name: 'Learning, achievement and progress', kind: 'learning_achievement_progress', target: '60% of young people engaged progress' },
  { measureId: 'REACH', name: 'Young people engaged', kind: 'reach', target: '1,200 a year' },
];

/** A council's commissioning plan with one strand its in-house team delivers (published to subcontracting with the framework). */
export const planInHouseStrand = async (commissioner: Session, strandId: string, budgetPence: number): Promise<string> => {
  const { draftCommissioningPlan } = await commissioner.data<{ draftCommissioningPlan: { id: string } }>(DRAFT_PLAN, {
    key: newKey('plan'),
    input: {
      title: "Young people's services 2025-2028",
      periodStart: CONTRACT_START,
      periodEnd: CONTRACT_END,
      inHouseBudgetPence: budgetPence,
      externalBudgetPence: 0,
      outcomes: PLAN_OUTCOMES,
    },
  });
  await commissioner.data(ADD_STRAND, {
    key: newKey('strand'),
    input: {
      planId: draftCommissioningPlan.id,
      strandId,
      name: 'Targeted youth support',
      area: null,
      budgetPence,
      deliveryModel: 'in_house',
      optionsAppraisal: { optionsConsidered: ['in-house', 'contract'], conclusion: 'Statutory duties stay with the council’s own team' },
      inHouseRationale: 'Statutory duties stay with the council’s own team',
    },
  });
  return draftCommissioningPlan.id;
};
