import Database from 'better-sqlite3';
import * as path from 'node:path';
import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import {
  addWhenEligible,
  type AwardedContract,
  awardStrands,
  CONTRACT_END,
  CONTRACT_START,
  E2E_SIGNING_KEY,
  NORTHMOOR,
  PLAN_OUTCOMES,
  planInHouseStrand,
  registerSubcontractor,
  sessionFor,
} from './subcontracting-stories.support';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { DECLARE_DUE_DILIGENCE, REGISTER_PROVIDER } from './support/providers';
import { runRebuildCommand, snapshotReadModels } from './support/read-model-snapshot';

const ADD = `mutation($input: AddSubcontractorInput!, $key: String!) {
  addSubcontractor(input: $input, idempotencyKey: $key) { id subcontracts { id subcontractorOrganisationId } }
}`;
const END = `mutation($input: EndSubcontractInput!, $key: String!) { endSubcontract(input: $input, idempotencyKey: $key) { id } }`;
const CHAIN = `query($council: ID, $includeEnded: Boolean) {
  supplyChain(commissionerOrganisationId: $council, includeEnded: $includeEnded) {
    commissionerOrganisationId contractCount organisationCount
    nodes { contractId lotId subcontractId parentSubcontractId parentOrganisationId organisationId tier valuePence scope area startDate endDate paymentTermsDays status }
    tiers { tier nodeCount organisationCount valuePence }
  }
}`;
const VARY_CONTRACT = `mutation($input: VaryContractInput!, $key: String!) {
  varyContract(input: $input, idempotencyKey: $key) {
    id valuePence endDate scope
    variations { id subcontractId reason approvedByUserId approvedByOrganisationId changes { valuePence endDate scope area } previous { valuePence endDate scope area } }
  }
}`;
const VARY_SUBCONTRACT = `mutation($input: VarySubcontractInput!, $key: String!) {
  varySubcontract(input: $input, idempotencyKey: $key) {
    id subcontracts { id valuePence area }
    variations { id subcontractId reason approvedByOrganisationId changes { valuePence area } previous { valuePence area } }
  }
}`;
const SUBMIT_RETURN = `mutation($input: SubmitReturnInput!, $key: String!) { submitReturn(input: $input, idempotencyKey: $key) { contractId } }`;
const RATE = `mutation($input: RateContractInput!, $key: String!) {
  rateContract(input: $input, idempotencyKey: $key) { periods { period rating { rating rationale evidenceRefs ratedByUserId } } }
}`;
const PERFORMANCE = `query($id: ID!) {
  contractPerformance(contractId: $id) {
    periods { period returns { organisationId tier youngPeopleReached spendPence } chainTotals { youngPeopleReached hoursDelivered spendPence learning achievement progress } rating { rating evidenceRefs } }
  }
}`;
const VALUE_FOR_MONEY = `query($council: ID, $period: String) {
  valueForMoney(commissionerOrganisationId: $council, period: $period) {
    council { youngPeopleReached spendPence outcomesAchieved costPerYoungPersonPence costPerOutcomePence }
    byProvider { organisationId youngPeopleReached spendPence costPerYoungPersonPence costPerOutcomePence }
    byStrand { lotId primeOrganisationId youngPeopleReached costPerYoungPersonPence }
  }
}`;
const BENCHMARKS = `query($period: String) { councilBenchmarks(period: $period) { label yours youngPeopleReached spendPence costPerYoungPersonPence costPerOutcomePence } }`;
const INTERNAL_AGREEMENT = `mutation($input: MakeInternalAgreementInput!, $key: String!) {
  makeInternalAgreement(input: $input, idempotencyKey: $key) { id kind lotId strandId tenderId primeOrganisationId valuePence outcomeMeasures { measureId name kind target } }
}`;
const IN_HOUSE_TEAM = 'c0000000-0000-4000-8000-00000000000e';
const IN_HOUSE_VALUE = 20_000_000;
const IN_HOUSE_COST = 30_000;
const SET_TARGETS = `mutation($input: SetOutcomeTargetsInput!, $key: String!) {
  setOutcomeTargets(input: $input, idempotencyKey: $key) { id outcomeTargets { frameworkRef targets { measure quarterlyTarget } } }
}`;
const AGAINST_TARGETS = `query($id: ID!) { contractPerformance(contractId: $id) { periods { period againstTargets { measure target actual percentOfTarget } } } }`;
const CASE_FIELDS = `id status reason evidenceRefs openedByUserId response respondedByUserId rationale decidedByUserId noticePeriodDays endDate transitionCompletedAt
  transition { subcontractId subcontractorOrganisationId outcome toContractId toPrimeOrganisationId result toSubcontractId refusalCode }`;
const OPEN_CASE = `mutation($input: OpenDecommissioningCaseInput!, $key: String!) { openDecommissioningCase(input: $input, idempotencyKey: $key) { ${CASE_FIELDS} } }`;
const RESPOND = `mutation($input: RespondToDecommissioningCaseInput!, $key: String!) { respondToDecommissioningCase(input: $input, idempotencyKey: $key) { ${CASE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideDecommissioningCaseInput!, $key: String!) { decideDecommissioningCase(input: $input, idempotencyKey: $key) { ${CASE_FIELDS} } }`;
const CASES = `query($contractId: ID!) { decommissioningCases(contractId: $contractId) { ${CASE_FIELDS} } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id valuePence subcontracts { id valuePence area } variations { id subcontractId reason } } }`;
const CHAIN_OF_CONTRACT = `query($id: ID!) { contract(id: $id) {
  id subcontracts { id parentSubcontractId parentOrganisationId subcontractorOrganisationId tier valuePence scope area endDate paymentTermsDays status endReason
    transferredFrom { contractId subcontractId caseId reason evidenceRefs decidedByUserId } transferredTo { contractId subcontractId } } } }`;
const MEASURES = `query($id: ID!) { contractPerformance(contractId: $id) { periods { period returns { measures { measureId value } } outcomeMeasures { measureId kind target actual } } } }`;

type Node = {
  contractId: string;
  subcontractId: string | null;
  parentSubcontractId: string | null;
  parentOrganisationId: string | null;
  organisationId: string;
  tier: number;
  valuePence: number;
  scope: string | null;
  area: string | null;
  paymentTermsDays: number;
  status: string;
};
type Chain = {
  commissionerOrganisationId: string;
  contractCount: number;
  organisationCount: number;
  nodes: Node[];
  tiers: { tier: number; nodeCount: number; organisationCount: number; valuePence: number }[];
};

const CONTRACT_VALUE = 50_000_000;
const TIER_ONE_VALUE = 3_000_000;
const TIER_TWO_VALUE = 1_000_000;
const TIER_ONE_PER_PRIME = 12;
const TIER_TWO_PER_PRIME = 4;

const QUARTERS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const EASTBRIDGE = DEMO_ORGANISATIONS.eastbridgeCouncil.id;

/** What a node delivered itself in a quarter: primes 40 young people, tier 1 20, tier 2 10; each chain at its own unit cost. */
const deliveryOf = (tier: number, costPerYoungPersonPence: number) => {
  const youngPeopleReached = tier === 0 ? 40 : tier === 1 ? 20 : 10;
  return {
    youngPeopleReached,
    hoursDelivered: youngPeopleReached * 3,
    spendPence: youngPeopleReached * costPerYoungPersonPence,
    outcomes: { learning: Math.floor(youngPeopleReached / 2), achievement: Math.floor(youngPeopleReached / 4), progress: Math.floor(youngPeopleReached / 5) },
  };
};
const chainCost = (primeIndex: number) => 20_000 + primeIndex * 5_000;

/** A stable id for the n-th small organisation in the council's supply chain. */
const smallOrganisation = (n: number) => `c1000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

interface PrimeChain {
  readonly contract: AwardedContract;
  readonly prime: Session;
  readonly tierOne: { subcontractId: string; organisationId: string; session: Session }[];
  readonly tierTwo: { subcontractId: string; organisationId: string; parentSubcontractId: string }[];
}

const POSTGRES_URL = process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';

// The chain, value-for-money sums and benchmarks are SQL over read models: run them on both databases.
const readModelSetups: [string, () => Record<string, string>][] = [
  ['read models on SQLite', () => ({})],
  [
    'read models on PostgreSQL',
    () => ({ READ_MODEL_DB: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA_PREFIX: `e2e_sc_${process.pid}_${Date.now() % 100_000}_` }),
  ],
];

describe.each(readModelSetups)('A council’s supply chain through the gateway, %s', (_name, environment) => {
  let platform: TestPlatform;
  let commissioner: Session;
  let otherCouncil: Session;
  let auditor: Session;
  let eastbridgeContract: AwardedContract;
  let eastbridgePrime: Session;
  let inHouse: { contractId: string; session: Session };
  const chains: PrimeChain[] = [];
  const registered = new Map<string, Session>();
  let toRegisterCount = 0;
  let lapsesAt = 0;

  beforeAll(async () => {
    platform = await startTestPlatform({ ...environment(), AUTH_SIGNING_KEY: E2E_SIGNING_KEY });
    const signIn = (username: string) => Session.signIn(platform.baseUrl, username);
    commissioner = await signIn('clara.commissioner');
    otherCouncil = await signIn('ed.commissioner');
    auditor = await signIn('audrey.auditor');
    // Five primes: two social landlords and three schools.
    const primes = [
      { session: await signIn('harriet.prime'), organisationId: DEMO_ORGANISATIONS.moorlandHomes.id, name: 'Moorland Homes', kind: 'registered_social_landlord' as const },
      { session: await signIn('omar.prime'), organisationId: DEMO_ORGANISATIONS.northmoorAcademy.id, name: 'Northmoor Academy', kind: 'school' as const },
      { organisationId: 'c0000000-0000-4000-8000-00000000000a', name: 'Fellside Housing', kind: 'registered_social_landlord' as const },
      { organisationId: 'c0000000-0000-4000-8000-00000000000b', name: 'St Aidan’s Primary School', kind: 'school' as const },
      { organisationId: 'c0000000-0000-4000-8000-00000000000c', name: 'Northmoor High School', kind: 'school' as const },
    ];
    const strands = await Promise.all(
      primes.map(async (p, index) => ({
        lotId: `STRAND-${index + 1}`,
        prime: p.session ?? (await sessionFor(platform.baseUrl, 'prime', p.organisationId)),
        primeOrganisationId: p.organisationId,
        primeName: p.name,
        primeKind: p.kind,
        valuePence: CONTRACT_VALUE,
      })),
    );
    // Another council on the platform awards a strand too, so benchmarks have someone to compare with.
    eastbridgePrime = await sessionFor(platform.baseUrl, 'prime', 'c0000000-0000-4000-8000-00000000000d');
    const [contracts, eastbridgeContracts] = await Promise.all([
      awardStrands(commissioner, strands),
      awardStrands(
        otherCouncil,
        [{ lotId: 'EAST-1', prime: eastbridgePrime, primeOrganisationId: 'c0000000-0000-4000-8000-00000000000d', primeName: 'Eastbridge Homes', primeKind: 'registered_social_landlord', valuePence: CONTRACT_VALUE }],
        'Eastbridge youth services',
      ),
    ]);
    const [eastbridge] = eastbridgeContracts;
    if (!eastbridge) throw new Error('no Eastbridge contract');
    eastbridgeContract = eastbridge;

    // The in-house strand is in the council's plan; the plan's outcomes framework reaches this context with it, and its
    // internal agreement (the same shape as a contract, so the council's own team is measured too) records the measures.
    const agreementInput = { strandId: 'IN-HOUSE', inHouseOrganisationId: IN_HOUSE_TEAM, valuePence: IN_HOUSE_VALUE, startDate: CONTRACT_START, endDate: CONTRACT_END, paymentTermsDays: 30 };
    expect(await commissioner.errorCodes(INTERNAL_AGREEMENT, { key: newKey('internal'), input: { ...agreementInput, strandId: 'NOT-PLANNED' } })).toEqual(['STRAND_NOT_IN_A_PLAN']);
    await planInHouseStrand(commissioner, 'IN-HOUSE', IN_HOUSE_VALUE);
    type Agreement = { id: string; kind: string; lotId: string; strandId: string; tenderId: string; primeOrganisationId: string; outcomeMeasures: { measureId: string; target: string }[] };
    const made = await eventually(
      () => commissioner.graphql<{ makeInternalAgreement: Agreement }>(INTERNAL_AGREEMENT, { key: newKey('internal'), input: agreementInput }),
      (result) => !result.errors.some((e) => e.extensions?.code === 'STRAND_NOT_IN_A_PLAN'),
    );
    const makeInternalAgreement = made.data?.makeInternalAgreement;
    if (!makeInternalAgreement) throw new Error(`No internal agreement: ${JSON.stringify(made.errors)}`);
    expect(makeInternalAgreement).toMatchObject({ kind: 'internal', lotId: 'IN-HOUSE', strandId: 'IN-HOUSE', tenderId: '', primeOrganisationId: IN_HOUSE_TEAM });
    expect(makeInternalAgreement.outcomeMeasures).toEqual(PLAN_OUTCOMES);
    inHouse = { contractId: makeInternalAgreement.id, session: await sessionFor(platform.baseUrl, 'provider', IN_HOUSE_TEAM) };

    // Every subcontractor registers in the provider registry and declares its safeguarding policy first.
    const toRegister = [
      ...[0, 1, 2, 3, 4].flatMap((p) => [
        ...Array.from({ length: TIER_ONE_PER_PRIME }, (_v, i) => p * 100 + i),
        ...Array.from({ length: TIER_TWO_PER_PRIME }, (_v, i) => p * 100 + 50 + i),
      ]),
      997,
      998,
      999,
    ];
    toRegisterCount = toRegister.length;
    for (let from = 0; from < toRegister.length; from += 12) {
      await Promise.all(
        toRegister.slice(from, from + 12).map(async (n) => {
          registered.set(smallOrganisation(n), await registerSubcontractor(platform.baseUrl, smallOrganisation(n), `Small youth group ${n}`));
        }),
      );
    }
    // One whose safeguarding declaration lapses in a few seconds.
    lapsesAt = Date.now() + 3_000;
    const lapsing = await sessionFor(platform.baseUrl, 'provider', smallOrganisation(995));
    await lapsing.data(REGISTER_PROVIDER, {
      key: newKey('register'),
      input: { name: 'Lapsing youth group', kind: 'voluntary_community_group', vcse: true, sme: true, serviceCategories: ['youth-work'], serviceAreas: ['Northmoor'], yourDisplayName: 'Lead' },
    });
    await lapsing.data(DECLARE_DUE_DILIGENCE, {
      key: newKey('declare'),
      input: { kind: 'safeguarding_policy', expiresAt: new Date(lapsesAt).toISOString(), statement: 'Policy adopted', evidenceRefs: ['minute-1'] },
    });

    // Each prime builds its own chain (in parallel: one stream per contract); tier-1 subcontractors let tier 2.
    await Promise.all(
      strands.map(async (strand, primeIndex) => {
        const contract = contracts.find((c) => c.lotId === strand.lotId);
        if (!contract) throw new Error(`No contract for ${strand.lotId}`);
        const chain: PrimeChain = { contract, prime: strand.prime, tierOne: [], tierTwo: [] };
        for (let i = 0; i < TIER_ONE_PER_PRIME; i++) {
          const organisationId = smallOrganisation(primeIndex * 100 + i);
          const { addSubcontractor } = await addWhenEligible<{ addSubcontractor: { subcontracts: { id: string; subcontractorOrganisationId: string }[] } }>(strand.prime, ADD, {
            contractId: contract.id,
            subcontractorOrganisationId: organisationId,
            valuePence: TIER_ONE_VALUE,
            scope: `Youth club sessions ${i + 1}`,
            area: `Ward ${i + 1}`,
            startDate: CONTRACT_START,
            endDate: CONTRACT_END,
            paymentTermsDays: 14,
            // Only the first few may let part of their work further down.
            mayLetSubcontracts: i < TIER_TWO_PER_PRIME,
          });
          const added = addSubcontractor.subcontracts.find((s) => s.subcontractorOrganisationId === organisationId);
          if (!added) throw new Error('subcontract not shown to its prime');
          chain.tierOne.push({ subcontractId: added.id, organisationId, session: registered.get(organisationId) ?? (await sessionFor(platform.baseUrl, 'provider', organisationId)) });
        }
        for (let i = 0; i < TIER_TWO_PER_PRIME; i++) {
          const parent = chain.tierOne[i];
          if (!parent) throw new Error('unreachable');
          const organisationId = smallOrganisation(primeIndex * 100 + 50 + i);
          const { addSubcontractor } = await addWhenEligible<{ addSubcontractor: { subcontracts: { id: string; subcontractorOrganisationId: string }[] } }>(parent.session, ADD, {
            contractId: contract.id,
            parentSubcontractId: parent.subcontractId,
            subcontractorOrganisationId: organisationId,
            valuePence: TIER_TWO_VALUE,
            scope: 'Mentoring',
            area: `Ward ${i + 1}, east`,
            startDate: CONTRACT_START,
            endDate: '2028-03-31',
            paymentTermsDays: 30,
          });
          const added = addSubcontractor.subcontracts.find((s) => s.subcontractorOrganisationId === organisationId);
          if (!added) throw new Error('subcontract not shown to the subcontractor that let it');
          chain.tierTwo.push({ subcontractId: added.id, organisationId, parentSubcontractId: parent.subcontractId });
        }
        chains[primeIndex] = chain;
      }),
    );
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('shows each reader their part of 80 subcontracts under five primes, varies and ends work, takes four quarters of returns, rates, benchmarks, decommissions the inadequate prime with a transition plan, and keeps it all in read models', async () => {
    const [moorland, academy] = chains;
    if (!moorland || !academy) throw new Error('chains not built');
    const tierOneWithChild = moorland.tierOne[0];
    const tierOneAlone = moorland.tierOne[11];
    if (!tierOneWithChild || !tierOneAlone) throw new Error('unreachable');

    // The commissioner sees the whole council: 5 primes and the in-house team, 60 tier-1 and 20 tier-2 subcontractors, money per tier.
    const { supplyChain: whole } = await commissioner.data<{ supplyChain: Chain }>(CHAIN, {});
    expect(whole).toMatchObject({ commissionerOrganisationId: NORTHMOOR, contractCount: 6, organisationCount: 86 });
    expect(whole.nodes).toHaveLength(86);
    expect(whole.tiers).toEqual([
      { tier: 0, nodeCount: 6, organisationCount: 6, valuePence: 5 * CONTRACT_VALUE + IN_HOUSE_VALUE },
      { tier: 1, nodeCount: 60, organisationCount: 60, valuePence: 60 * TIER_ONE_VALUE },
      { tier: 2, nodeCount: 20, organisationCount: 20, valuePence: 20 * TIER_TWO_VALUE },
    ]);
    const tierTwoNode = whole.nodes.find((n) => n.subcontractId === moorland.tierTwo[0]?.subcontractId);
    expect(tierTwoNode).toMatchObject({
      contractId: moorland.contract.id,
      parentSubcontractId: tierOneWithChild.subcontractId,
      parentOrganisationId: tierOneWithChild.organisationId,
      tier: 2,
      valuePence: TIER_TWO_VALUE,
      scope: 'Mentoring',
      area: 'Ward 1, east',
      paymentTermsDays: 30,
    });
    expect(whole.nodes.filter((n) => n.tier === 0).map((n) => n.organisationId)).toContain(DEMO_ORGANISATIONS.northmoorAcademy.id);

    // An auditor sees the same chain; another council sees none of it.
    expect((await auditor.data<{ supplyChain: Chain }>(CHAIN, { council: NORTHMOOR })).supplyChain.nodes).toHaveLength(86);
    expect((await otherCouncil.data<{ supplyChain: Chain }>(CHAIN, { council: NORTHMOOR })).supplyChain).toMatchObject({
      contractCount: 0,
      nodes: [],
      tiers: [],
    });

    // A prime sees its own tree only; a subcontractor its own branch, without the prime's terms above it.
    const { supplyChain: primeView } = await moorland.prime.data<{ supplyChain: Chain }>(CHAIN, { council: NORTHMOOR });
    expect(primeView.nodes).toHaveLength(1 + TIER_ONE_PER_PRIME + TIER_TWO_PER_PRIME);
    expect(new Set(primeView.nodes.map((n) => n.contractId))).toEqual(new Set([moorland.contract.id]));
    const { supplyChain: branch } = await tierOneWithChild.session.data<{ supplyChain: Chain }>(CHAIN, { council: NORTHMOOR });
    expect(branch.nodes.map((n) => n.organisationId)).toEqual([tierOneWithChild.organisationId, moorland.tierTwo[0]?.organisationId]);
    const { supplyChain: leaf } = await tierOneAlone.session.data<{ supplyChain: Chain }>(CHAIN, { council: NORTHMOOR });
    expect(leaf.nodes.map((n) => n.organisationId)).toEqual([tierOneAlone.organisationId]);

    // The chain rules hold through the gateway, each refused with its own code.
    const tierTwoInput = {
      contractId: moorland.contract.id,
      parentSubcontractId: tierOneWithChild.subcontractId,
      subcontractorOrganisationId: smallOrganisation(999),
      valuePence: TIER_ONE_VALUE - TIER_TWO_VALUE + 1,
      scope: 'Sports',
      area: 'Ward 1',
      startDate: CONTRACT_START,
      endDate: '2028-03-31',
      paymentTermsDays: 30,
    };
    expect(await tierOneWithChild.session.errorCodes(ADD, { key: newKey('x'), input: tierTwoInput })).toEqual(['SUBCONTRACT_VALUE_EXCEEDS_PARENT']);
    expect(
      await tierOneWithChild.session.errorCodes(ADD, {
        key: newKey('x'),
        input: { ...tierTwoInput, valuePence: 1_000, subcontractorOrganisationId: DEMO_ORGANISATIONS.moorlandHomes.id },
      }),
    ).toEqual(['SUBCONTRACT_CYCLE']);
    expect(
      await tierOneWithChild.session.errorCodes(ADD, { key: newKey('x'), input: { ...tierTwoInput, valuePence: 1_000, subcontractorOrganisationId: tierOneWithChild.organisationId } }),
    ).toEqual(['CANNOT_SUBCONTRACT_TO_SELF']);
    expect(await tierOneWithChild.session.errorCodes(ADD, { key: newKey('x'), input: { ...tierTwoInput, valuePence: 1_000, paymentTermsDays: 31 } })).toEqual([
      'PAYMENT_TERMS_EXCEED_30_DAYS',
    ]);
    expect(await academy.prime.errorCodes(ADD, { key: newKey('x'), input: { ...tierTwoInput, valuePence: 1_000 } })).toEqual(['NOT_THE_PARENT_ORGANISATION']);
    expect(
      await tierOneAlone.session.errorCodes(ADD, { key: newKey('x'), input: { ...tierTwoInput, parentSubcontractId: tierOneAlone.subcontractId, valuePence: 1_000 } }),
    ).toEqual(['PARENT_DOES_NOT_ALLOW_SUBCONTRACTING']);

    // Only registered providers with current due diligence take on subcontracted work; a lapsed declaration says what to renew.
    const primeInput = { ...tierTwoInput, parentSubcontractId: null, valuePence: 1_000, endDate: CONTRACT_END };
    expect(await moorland.prime.errorCodes(ADD, { key: newKey('x'), input: { ...primeInput, subcontractorOrganisationId: smallOrganisation(996) } })).toEqual([
      'SUBCONTRACTOR_NOT_REGISTERED',
    ]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lapsesAt + 100 - Date.now())));
    const lapsed = await moorland.prime.graphql(ADD, { key: newKey('x'), input: { ...primeInput, subcontractorOrganisationId: smallOrganisation(995) } });
    expect(lapsed.errors.map((e) => e.extensions?.code)).toEqual(['SUBCONTRACTOR_SAFEGUARDING_EXPIRED']);
    expect(lapsed.errors[0]?.message).toMatch(/safeguarding policy declaration expired on \d{4}-\d{2}-\d{2}: it must renew it/);

    // Variations: the commissioner may not vary below what the prime has let, and is recorded as approver.
    const subcontracted = TIER_ONE_PER_PRIME * TIER_ONE_VALUE;
    expect(
      await commissioner.errorCodes(VARY_CONTRACT, { key: newKey('vary'), input: { contractId: moorland.contract.id, valuePence: subcontracted - 1, reason: 'Budget cut' } }),
    ).toEqual(['VALUE_BELOW_SUBCONTRACTED']);
    expect(
      await moorland.prime.errorCodes(VARY_CONTRACT, { key: newKey('vary'), input: { contractId: moorland.contract.id, valuePence: 60_000_000, reason: 'More' } }),
    ).toEqual(['FORBIDDEN']);
    expect(
      await otherCouncil.errorCodes(VARY_CONTRACT, { key: newKey('vary'), input: { contractId: moorland.contract.id, valuePence: 60_000_000, reason: 'More' } }),
    ).toEqual(['NOT_THE_CONTRACT_COMMISSIONER']);
    const { varyContract } = await commissioner.data<{
      varyContract: { valuePence: number; scope: string; variations: { reason: string; approvedByOrganisationId: string; changes: { valuePence: number; scope: string }; previous: { valuePence: number } }[] };
    }>(VARY_CONTRACT, {
      key: newKey('vary'),
      input: { contractId: moorland.contract.id, valuePence: 60_000_000, scope: 'Youth work and holiday provision', reason: 'Holiday activities funding added' },
    });
    expect(varyContract).toMatchObject({ valuePence: 60_000_000, scope: 'Youth work and holiday provision' });
    expect(varyContract.variations).toEqual([
      expect.objectContaining({
        reason: 'Holiday activities funding added',
        approvedByOrganisationId: NORTHMOOR,
        changes: { valuePence: 60_000_000, endDate: null, scope: 'Youth work and holiday provision', area: null },
        previous: { valuePence: CONTRACT_VALUE, endDate: null, scope: null, area: null },
      }),
    ]);

    // The prime varies a subcontract within its new headroom, but not past it; the subcontractor sees why.
    const headroom = 60_000_000 - subcontracted;
    expect(
      await moorland.prime.errorCodes(VARY_SUBCONTRACT, {
        key: newKey('vary'),
        input: { contractId: moorland.contract.id, subcontractId: tierOneAlone.subcontractId, valuePence: TIER_ONE_VALUE + headroom + 1, reason: 'More sessions' },
      }),
    ).toEqual(['SUBCONTRACT_VALUE_EXCEEDS_PARENT']);
    expect(
      await tierOneAlone.session.errorCodes(VARY_SUBCONTRACT, {
        key: newKey('vary'),
        input: { contractId: moorland.contract.id, subcontractId: tierOneAlone.subcontractId, valuePence: TIER_ONE_VALUE + 1, reason: 'Please' },
      }),
    ).toEqual(['NOT_THE_PARENT_ORGANISATION']);
    await moorland.prime.data(VARY_SUBCONTRACT, {
      key: newKey('vary'),
      input: { contractId: moorland.contract.id, subcontractId: tierOneAlone.subcontractId, valuePence: TIER_ONE_VALUE + headroom, area: 'Wards 12 and 13', reason: 'Takes on holiday provision' },
    });
    const { contract: seenBySubcontractor } = await tierOneAlone.session.data<{ contract: { valuePence: number; subcontracts: { valuePence: number; area: string }[]; variations: { reason: string; subcontractId: string | null }[] } }>(
      CONTRACT,
      { id: moorland.contract.id },
    );
    expect(seenBySubcontractor.subcontracts).toEqual([expect.objectContaining({ valuePence: TIER_ONE_VALUE + headroom, area: 'Wards 12 and 13' })]);
    expect(seenBySubcontractor.variations).toEqual([{ id: expect.any(String), subcontractId: tierOneAlone.subcontractId, reason: 'Takes on holiday provision' }]);

    // Ending a subcontract frees its value; the chain shows live work, or everything on request.
    const lastTierOne = moorland.tierOne[10];
    if (!lastTierOne) throw new Error('unreachable');
    await moorland.prime.data(END, { key: newKey('end'), input: { contractId: moorland.contract.id, subcontractId: lastTierOne.subcontractId, reason: 'Group closed' } });
    const { supplyChain: afterEnd } = await commissioner.data<{ supplyChain: Chain }>(CHAIN, {});
    expect(afterEnd.nodes).toHaveLength(85);
    expect(afterEnd.tiers.find((t) => t.tier === 1)).toEqual({
      tier: 1,
      nodeCount: 59,
      organisationCount: 59,
      valuePence: 59 * TIER_ONE_VALUE + headroom,
    });
    expect((await commissioner.data<{ supplyChain: Chain }>(CHAIN, { includeEnded: true })).supplyChain.nodes.find((n) => n.subcontractId === lastTierOne.subcontractId)).toMatchObject({
      status: 'ended',
    });
    await moorland.prime.data(ADD, {
      key: newKey('reuse'),
      input: { ...tierTwoInput, parentSubcontractId: null, valuePence: TIER_ONE_VALUE, endDate: CONTRACT_END, subcontractorOrganisationId: smallOrganisation(998) },
    });

    // Four quarters of returns from every live organisation in every chain (prime's own delivery at tier 0).
    const { supplyChain: delivering } = await commissioner.data<{ supplyChain: Chain }>(CHAIN, {});
    const sessions = new Map<string, Session>(chains.map((c) => [c.contract.primeOrganisationId, c.prime]));
    for (const chain of chains) for (const t of chain.tierOne) sessions.set(t.organisationId, t.session);
    const sessionOf = async (organisationId: string) => sessions.get(organisationId) ?? (await sessionFor(platform.baseUrl, 'provider', organisationId));
    await Promise.all(
      chains.map(async (chain, primeIndex) => {
        const nodes = delivering.nodes.filter((n) => n.contractId === chain.contract.id);
        for (const period of QUARTERS) {
          for (const node of nodes) {
            const { outcomes, ...figures } = deliveryOf(node.tier, chainCost(primeIndex));
            await (await sessionOf(node.organisationId)).data(SUBMIT_RETURN, {
              key: newKey('return'),
              input: { contractId: chain.contract.id, period, subcontractId: node.subcontractId, ...figures, outcomes },
            });
          }
        }
      }),
    );
    // The in-house team reports against its strand's outcome measures: every one, and only those.
    const inHouseDelivery = deliveryOf(0, IN_HOUSE_COST);
    const { outcomes: inHouseOutcomes, ...inHouseFigures } = inHouseDelivery;
    const inHouseMeasures = [
      { measureId: 'LAP', value: inHouseOutcomes.learning },
      { measureId: 'REACH', value: inHouseFigures.youngPeopleReached },
    ];
    const inHouseReturn = (period: string, measures: { measureId: string; value: number }[]) => ({
      key: newKey('return'),
      input: { contractId: inHouse.contractId, period, ...inHouseFigures, outcomes: inHouseOutcomes, measures },
    });
    expect(await inHouse.session.errorCodes(SUBMIT_RETURN, inHouseReturn('2025-Q4', inHouseMeasures.slice(0, 1)))).toEqual(['RETURN_MEASURE_MISSING']);
    expect(await inHouse.session.errorCodes(SUBMIT_RETURN, inHouseReturn('2025-Q4', [...inHouseMeasures, { measureId: 'WELLBEING', value: 3 }]))).toEqual([
      'RETURN_MEASURE_NOT_ON_CONTRACT',
    ]);
    for (const period of QUARTERS) await inHouse.session.data(SUBMIT_RETURN, inHouseReturn(period, inHouseMeasures));
    const { contractPerformance: inHousePerformance } = await inHouse.session.data<{
      contractPerformance: { periods: { period: string; returns: { measures: unknown[] }[]; outcomeMeasures: unknown[] }[] };
    }>(MEASURES, { id: inHouse.contractId });
    expect(inHousePerformance.periods.find((p) => p.period === '2026-Q3')).toEqual({
      period: '2026-Q3',
      returns: [{ measures: inHouseMeasures }],
      outcomeMeasures: [
        { measureId: 'LAP', kind: 'learning_achievement_progress', target: PLAN_OUTCOMES[0]?.target, actual: inHouseOutcomes.learning },
        { measureId: 'REACH', kind: 'reach', target: PLAN_OUTCOMES[1]?.target, actual: inHouseFigures.youngPeopleReached },
      ],
    });
    const eastbridgeDelivery = deliveryOf(0, 40_000);
    const { outcomes: eastOutcomes, ...eastFigures } = eastbridgeDelivery;
    await eastbridgePrime.data(SUBMIT_RETURN, { key: newKey('return'), input: { contractId: eastbridgeContract.id, period: '2026-Q3', ...eastFigures, outcomes: eastOutcomes } });

    // Returns are refused for someone else's delivery, twice, for a quarter not yet begun, or with impossible outcomes.
    const aReturn = { contractId: moorland.contract.id, period: '2026-Q3', subcontractId: null, ...deliveryOf(0, 1_000) };
    expect(await tierOneAlone.session.errorCodes(SUBMIT_RETURN, { key: newKey('r'), input: aReturn })).toEqual(['NOT_YOUR_DELIVERY']);
    expect(await moorland.prime.errorCodes(SUBMIT_RETURN, { key: newKey('r'), input: aReturn })).toEqual(['RETURN_ALREADY_SUBMITTED']);
    expect(await moorland.prime.errorCodes(SUBMIT_RETURN, { key: newKey('r'), input: { ...aReturn, period: '2027-Q1' } })).toEqual(['RETURN_PERIOD_NOT_STARTED']);
    expect(
      await eastbridgePrime.errorCodes(SUBMIT_RETURN, {
        key: newKey('r'),
        input: { ...aReturn, contractId: eastbridgeContract.id, period: '2026-Q2', outcomes: { learning: 41, achievement: 0, progress: 0 } },
      }),
    ).toEqual(['RETURN_OUTCOMES_EXCEED_REACH']);

    // The prime's view of a quarter adds up its whole chain; a subcontractor sees its own branch's returns only.
    const moorlandNodes = delivering.nodes.filter((n) => n.contractId === moorland.contract.id);
    const reachOf = (tier: number) => deliveryOf(tier, 0).youngPeopleReached;
    const { contractPerformance: primePerformance } = await moorland.prime.data<{
      contractPerformance: { periods: { period: string; returns: unknown[]; chainTotals: { youngPeopleReached: number; spendPence: number } }[] };
    }>(PERFORMANCE, { id: moorland.contract.id });
    expect(primePerformance.periods.map((p) => p.period)).toEqual(QUARTERS);
    const moorlandReach = moorlandNodes.reduce((sum, n) => sum + reachOf(n.tier), 0);
    expect(primePerformance.periods[3]).toMatchObject({
      chainTotals: { youngPeopleReached: moorlandReach, spendPence: moorlandReach * chainCost(0) },
    });
    expect(primePerformance.periods[3]?.returns).toHaveLength(moorlandNodes.length);
    const { contractPerformance: branchPerformance } = await tierOneWithChild.session.data<{
      contractPerformance: { periods: { returns: { organisationId: string }[]; chainTotals: { youngPeopleReached: number }; rating: unknown }[] };
    }>(PERFORMANCE, { id: moorland.contract.id });
    expect(branchPerformance.periods[0]?.returns.map((r) => r.organisationId)).toEqual([tierOneWithChild.organisationId, moorland.tierTwo[0]?.organisationId]);
    expect(branchPerformance.periods[0]?.chainTotals.youngPeopleReached).toBe(reachOf(1) + reachOf(2));

    // Outcome targets from the plan's framework, and the chain's delivery against them each quarter.
    const targetsInput = {
      contractId: academy.contract.id,
      frameworkRef: 'northmoor-plan-2025/STRAND-2',
      targets: [
        { measure: 'young_people_reached', quarterlyTarget: 400 },
        { measure: 'progress', quarterlyTarget: 100 },
      ],
    };
    expect(await academy.prime.errorCodes(SET_TARGETS, { key: newKey('targets'), input: targetsInput })).toEqual(['FORBIDDEN']);
    const { setOutcomeTargets } = await commissioner.data<{ setOutcomeTargets: { outcomeTargets: { frameworkRef: string } } }>(SET_TARGETS, { key: newKey('targets'), input: targetsInput });
    expect(setOutcomeTargets.outcomeTargets.frameworkRef).toBe('northmoor-plan-2025/STRAND-2');
    const academyChainReach = reachOf(0) + TIER_ONE_PER_PRIME * reachOf(1) + TIER_TWO_PER_PRIME * reachOf(2);
    const academyProgress = deliveryOf(0, 0).outcomes.progress + TIER_ONE_PER_PRIME * deliveryOf(1, 0).outcomes.progress + TIER_TWO_PER_PRIME * deliveryOf(2, 0).outcomes.progress;
    const { contractPerformance: againstTargets } = await academy.prime.data<{ contractPerformance: { periods: { period: string; againstTargets: unknown[] }[] } }>(AGAINST_TARGETS, { id: academy.contract.id });
    expect(againstTargets.periods.find((p) => p.period === '2026-Q3')?.againstTargets).toEqual([
      { measure: 'young_people_reached', target: 400, actual: academyChainReach, percentOfTarget: Math.round((academyChainReach * 100) / 400) },
      { measure: 'progress', target: 100, actual: academyProgress, percentOfTarget: academyProgress },
    ]);

    // The commissioner rates every contract for the latest quarter; one prime is inadequate twice, on evidence.
    const inadequate = { rating: 'inadequate', rationale: 'Reach and progress well below target; two safeguarding complaints' };
    for (const period of ['2026-Q2', '2026-Q3']) {
      const { rateContract } = await commissioner.data<{ rateContract: { periods: { period: string; rating: { rating: string; evidenceRefs: string[]; ratedByUserId: string } | null }[] } }>(RATE, {
        key: newKey('rate'),
        input: { contractId: academy.contract.id, period, ...inadequate, evidenceRefs: [`return:${period}`, 'complaints-log-2026'] },
      });
      expect(rateContract.periods.find((p) => p.period === period)?.rating).toEqual({
        rating: 'inadequate',
        rationale: inadequate.rationale,
        evidenceRefs: [`return:${period}`, 'complaints-log-2026'],
        ratedByUserId: 'b0000000-0000-4000-8000-000000000001',
      });
    }
    for (const chain of chains.filter((c) => c !== academy)) {
      await commissioner.data(RATE, { key: newKey('rate'), input: { contractId: chain.contract.id, period: '2026-Q3', rating: 'good', rationale: 'On target', evidenceRefs: ['return:2026-Q3'] } });
    }
    const rateAgain = { contractId: academy.contract.id, period: '2026-Q3', rating: 'good', rationale: 'Second thoughts', evidenceRefs: ['return:2026-Q3'] };
    expect(await commissioner.errorCodes(RATE, { key: newKey('rate'), input: rateAgain })).toEqual(['RATING_ALREADY_GIVEN']);
    expect(await commissioner.errorCodes(RATE, { key: newKey('rate'), input: { ...rateAgain, period: '2026-Q1', evidenceRefs: [' '] } })).toEqual(['RATING_EVIDENCE_REQUIRED']);
    expect(await academy.prime.errorCodes(RATE, { key: newKey('rate'), input: { ...rateAgain, period: '2026-Q1' } })).toEqual(['FORBIDDEN']);
    expect((await tierOneWithChild.session.data<{ contractPerformance: { periods: { rating: unknown }[] } }>(PERFORMANCE, { id: moorland.contract.id })).contractPerformance.periods.every((p) => p.rating === null)).toBe(true);

    // Value for money: cost per young person and per outcome, by provider and strand, from read-model sums.
    type Figures = { youngPeopleReached: number; spendPence: number; costPerYoungPersonPence: number | null; costPerOutcomePence: number | null };
    const { valueForMoney } = await commissioner.data<{
      valueForMoney: { council: Figures & { outcomesAchieved: number }; byProvider: (Figures & { organisationId: string })[]; byStrand: (Figures & { lotId: string })[] };
    }>(VALUE_FOR_MONEY, { period: '2026-Q3' });
    expect(valueForMoney.byStrand.map((s) => [s.lotId, s.costPerYoungPersonPence])).toEqual([
      ['IN-HOUSE', IN_HOUSE_COST],
      ...chains.map((_c, i) => [`STRAND-${i + 1}`, chainCost(i)]),
    ]);
    expect(valueForMoney.byProvider).toHaveLength(delivering.nodes.length);
    expect(valueForMoney.byProvider.find((p) => p.organisationId === DEMO_ORGANISATIONS.northmoorAcademy.id)).toEqual({
      organisationId: DEMO_ORGANISATIONS.northmoorAcademy.id,
      youngPeopleReached: 40,
      spendPence: 40 * chainCost(1),
      costPerYoungPersonPence: chainCost(1),
      costPerOutcomePence: Math.round((40 * chainCost(1)) / (20 + 10 + 8)),
    });
    // The in-house team's outcomes are its strand's outcome measures (reach aside), not the fixed three.
    expect(valueForMoney.byProvider.find((p) => p.organisationId === IN_HOUSE_TEAM)?.costPerOutcomePence).toBe(Math.round((40 * IN_HOUSE_COST) / 20));
    const costs = valueForMoney.byProvider.map((p) => p.costPerYoungPersonPence ?? 0);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const councilReach = delivering.nodes.reduce((sum, n) => sum + reachOf(n.tier), 0);
    const unitCost = new Map<string, number>([[inHouse.contractId, IN_HOUSE_COST], ...chains.map((c, i): [string, number] => [c.contract.id, chainCost(i)])]);
    const councilSpend = delivering.nodes.reduce((sum, n) => sum + reachOf(n.tier) * (unitCost.get(n.contractId) ?? Number.NaN), 0);
    expect(valueForMoney.council).toMatchObject({ youngPeopleReached: councilReach, spendPence: councilSpend, costPerYoungPersonPence: Math.round(councilSpend / councilReach) });
    expect(await otherCouncil.errorCodes(VALUE_FOR_MONEY, { council: NORTHMOOR })).toEqual(['NOT_ALLOWED_TO_READ_VALUE_FOR_MONEY']);
    expect(await moorland.prime.errorCodes(VALUE_FOR_MONEY, { council: NORTHMOOR })).toEqual(['FORBIDDEN']);

    // Benchmarks across councils: each council sees itself by name and the others anonymised.
    const { councilBenchmarks } = await commissioner.data<{ councilBenchmarks: (Figures & { label: string; yours: boolean })[] }>(BENCHMARKS, { period: '2026-Q3' });
    expect(councilBenchmarks).toEqual([
      { label: 'your council', yours: true, youngPeopleReached: councilReach, spendPence: councilSpend, costPerYoungPersonPence: Math.round(councilSpend / councilReach), costPerOutcomePence: expect.any(Number) },
      { label: 'council 1', yours: false, youngPeopleReached: 40, spendPence: 40 * 40_000, costPerYoungPersonPence: 40_000, costPerOutcomePence: Math.round((40 * 40_000) / 38) },
    ]);
    expect(JSON.stringify(councilBenchmarks)).not.toContain(EASTBRIDGE);
    const eastView = (await otherCouncil.data<{ councilBenchmarks: { label: string; costPerYoungPersonPence: number }[] }>(BENCHMARKS, { period: '2026-Q3' })).councilBenchmarks;
    expect(eastView.map((b) => b.label)).toEqual(['council 1', 'your council']);

    // Decommissioning the prime rated inadequate twice: a case on evidence, the prime's response, then the decision.
    type Case = { id: string; status: string; evidenceRefs: string[]; response: string | null; respondedByUserId: string | null; decidedByUserId: string | null; noticePeriodDays: number | null; endDate: string | null; transitionCompletedAt: string | null; transition: { subcontractId: string; outcome: string; toContractId: string | null; result: string | null; toSubcontractId: string | null }[] };
    const evidence = ['rating:2026-Q2', 'rating:2026-Q3', 'value-for-money:2026-Q3'];
    const [openedCase] = (
      await commissioner.data<{ openDecommissioningCase: Case[] }>(OPEN_CASE, {
        key: newKey('case'),
        input: { contractId: academy.contract.id, reason: 'Rated inadequate in two consecutive quarters', evidenceRefs: evidence },
      })
    ).openDecommissioningCase;
    if (!openedCase) throw new Error('case not shown');
    expect(openedCase).toMatchObject({ status: 'open', evidenceRefs: evidence });
    expect(await commissioner.errorCodes(OPEN_CASE, { key: newKey('case'), input: { contractId: academy.contract.id, reason: 'Again', evidenceRefs: evidence } })).toEqual([
      'DECOMMISSIONING_CASE_ALREADY_OPEN',
    ]);
    // The provider is told (it sees the case); its subcontractors and other councils do not.
    expect((await academy.prime.data<{ decommissioningCases: Case[] }>(CASES, { contractId: academy.contract.id })).decommissioningCases.map((c) => c.id)).toEqual([openedCase.id]);
    expect((await otherCouncil.data<{ decommissioningCases: Case[] }>(CASES, { contractId: academy.contract.id })).decommissioningCases).toEqual([]);
    const academySub = academy.tierOne[0];
    if (!academySub) throw new Error('unreachable');
    expect((await academySub.session.data<{ decommissioningCases: Case[] }>(CASES, { contractId: academy.contract.id })).decommissioningCases).toEqual([]);
    const response = { contractId: academy.contract.id, caseId: openedCase.id, response: 'New youth work lead in post from January', evidenceRefs: ['recruitment-plan'] };
    expect(await academySub.session.errorCodes(RESPOND, { key: newKey('respond'), input: response })).toEqual(['NOT_THE_PRIME']);
    const [answeredCase] = (await academy.prime.data<{ respondToDecommissioningCase: Case[] }>(RESPOND, { key: newKey('respond'), input: response })).respondToDecommissioningCase;
    expect(answeredCase).toMatchObject({ response: response.response, respondedByUserId: 'b0000000-0000-4000-8000-000000000007' });

    // The transition plan must say, for every live subcontract, whether it ends, moves to another prime or moves in-house.
    // Moorland has let all of its (varied) value, so it cannot take the Academy's work; Fellside and St Aidan's can.
    const [, , fellside, stAidans] = chains;
    if (!fellside || !stAidans) throw new Error('chains not built');
    const toPrime = (t: { subcontractId: string }, chain: PrimeChain) => ({
      subcontractId: t.subcontractId,
      outcome: 'moves_to_prime',
      toContractId: chain.contract.id,
      toPrimeOrganisationId: chain.contract.primeOrganisationId,
    });
    const plan = [
      ...academy.tierOne.map((t, i) =>
        i < 4
          ? toPrime(t, fellside)
          : i < 8
            ? toPrime(t, stAidans)
            : i < 11
              ? { subcontractId: t.subcontractId, outcome: 'moves_in_house', toContractId: inHouse.contractId }
              : { subcontractId: t.subcontractId, outcome: 'ends' },
      ),
      // Tier-2 work moves with the tier-1 subcontractor above it, staying under it.
      ...academy.tierTwo.map((t) => toPrime(t, fellside)),
    ];
    const decision = { contractId: academy.contract.id, caseId: openedCase.id, decision: 'decommission', rationale: 'No credible recovery; two inadequate quarters', noticePeriodDays: 90 };
    expect(await commissioner.errorCodes(DECIDE, { key: newKey('decide'), input: { ...decision, transition: plan.slice(1) } })).toEqual(['TRANSITION_PLAN_INCOMPLETE']);
    expect(await academy.prime.errorCodes(DECIDE, { key: newKey('decide'), input: { ...decision, transition: plan } })).toEqual(['FORBIDDEN']);
    const toMoorland = plan.map((step, i) => (i < 8 ? toPrime(step, moorland) : step));
    const noHeadroom = await commissioner.graphql(DECIDE, { key: newKey('decide'), input: { ...decision, transition: toMoorland } });
    expect(noHeadroom.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['TRANSITION_TARGET_HEADROOM_EXCEEDED', `Contract ${moorland.contract.id} can take on work worth 0 pence more, not ${8 * TIER_ONE_VALUE}`],
    ]);
    const wrongPrime = plan.map((step, i) => (i === 0 ? { ...step, toPrimeOrganisationId: stAidans.contract.primeOrganisationId } : step));
    expect(await commissioner.errorCodes(DECIDE, { key: newKey('decide'), input: { ...decision, transition: wrongPrime } })).toEqual(['TRANSITION_TARGET_PRIME_MISMATCH']);
    const underEastbridge = plan.map((step, i) => (i === 0 ? { ...step, toContractId: eastbridgeContract.id, toPrimeOrganisationId: eastbridgeContract.primeOrganisationId } : step));
    expect(await commissioner.errorCodes(DECIDE, { key: newKey('decide'), input: { ...decision, transition: underEastbridge } })).toEqual([
      'TRANSITION_TARGET_OF_ANOTHER_COUNCIL',
    ]);
    const [decided] = (await commissioner.data<{ decideDecommissioningCase: Case[] }>(DECIDE, { key: newKey('decide'), input: { ...decision, transition: plan } })).decideDecommissioningCase;
    const expectedEnd = new Date(Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(decided).toMatchObject({ status: 'decommissioned', noticePeriodDays: 90, endDate: expectedEnd, decidedByUserId: 'b0000000-0000-4000-8000-000000000001' });
    expect(decided?.transition).toHaveLength(TIER_ONE_PER_PRIME + TIER_TWO_PER_PRIME);
    expect(decided?.transition.filter((t) => t.outcome === 'moves_to_prime' && t.toContractId === fellside.contract.id)).toHaveLength(8);
    // In its notice period the contract takes no new work, and the council's chain shows it decommissioned.
    expect(
      await academy.prime.errorCodes(ADD, { key: newKey('x'), input: { ...tierTwoInput, contractId: academy.contract.id, parentSubcontractId: null, valuePence: 1_000, subcontractorOrganisationId: smallOrganisation(997) } }),
    ).toEqual(['CONTRACT_NOT_ACTIVE']);

    // The platform carries the plan out: every step is done, and the case says where each piece of work went.
    const { decommissioningCases: [carriedOut] } = await eventually(
      () => commissioner.data<{ decommissioningCases: Case[] }>(CASES, { contractId: academy.contract.id }),
      (result) => result.decommissioningCases[0]?.transitionCompletedAt !== null,
      30_000,
    );
    expect(carriedOut?.transition.map((t) => t.result)).toEqual(plan.map(() => 'done'));
    expect(carriedOut?.transition.filter((t) => t.toSubcontractId !== null)).toHaveLength(TIER_ONE_PER_PRIME + TIER_TWO_PER_PRIME - 1);

    // Moved work sits under its new prime with its scope, area and value, tier-2 work still under its tier-1 parent,
    // each with the trail back to the decision: the case, the rationale, the evidence and who decided.
    type Moved = {
      id: string;
      parentSubcontractId: string | null;
      parentOrganisationId: string;
      subcontractorOrganisationId: string;
      tier: number;
      valuePence: number;
      scope: string;
      area: string;
      paymentTermsDays: number;
      status: string;
      endReason: string | null;
      transferredFrom: { contractId: string; subcontractId: string; caseId: string; reason: string; evidenceRefs: string[]; decidedByUserId: string } | null;
      transferredTo: { contractId: string; subcontractId: string } | null;
    };
    const chainOf = async (session: Session, id: string) => (await session.data<{ contract: { subcontracts: Moved[] } }>(CHAIN_OF_CONTRACT, { id })).contract.subcontracts;
    const fellsideChain = await chainOf(fellside.prime, fellside.contract.id);
    const movedIn = fellsideChain.filter((s) => s.transferredFrom !== null);
    expect(movedIn).toHaveLength(8);
    const firstMoved = movedIn.find((s) => s.transferredFrom?.subcontractId === academy.tierOne[0]?.subcontractId);
    expect(firstMoved).toMatchObject({
      parentSubcontractId: null,
      parentOrganisationId: fellside.contract.primeOrganisationId,
      subcontractorOrganisationId: academy.tierOne[0]?.organisationId,
      tier: 1,
      valuePence: TIER_ONE_VALUE,
      scope: 'Youth club sessions 1',
      area: 'Ward 1',
      paymentTermsDays: 14,
      status: 'active',
      transferredFrom: {
        contractId: academy.contract.id,
        subcontractId: academy.tierOne[0]?.subcontractId,
        caseId: openedCase.id,
        reason: decision.rationale,
        evidenceRefs: [...evidence, 'recruitment-plan'],
        decidedByUserId: 'b0000000-0000-4000-8000-000000000001',
      },
    });
    expect(movedIn.find((s) => s.transferredFrom?.subcontractId === academy.tierTwo[0]?.subcontractId)).toMatchObject({
      parentSubcontractId: firstMoved?.id,
      parentOrganisationId: academy.tierOne[0]?.organisationId,
      tier: 2,
      valuePence: TIER_TWO_VALUE,
      scope: 'Mentoring',
    });
    expect((await chainOf(stAidans.prime, stAidans.contract.id)).filter((s) => s.transferredFrom !== null)).toHaveLength(4);
    expect((await chainOf(commissioner, inHouse.contractId)).map((s) => [s.subcontractorOrganisationId, s.transferredFrom?.contractId])).toEqual(
      academy.tierOne.slice(8, 11).map((t) => [t.organisationId, academy.contract.id]),
    );
    // The Academy's chain keeps what happened to each subcontract: moved on (and where), or ended, with the reason.
    const academyChain = await chainOf(commissioner, academy.contract.id);
    expect(academyChain.every((s) => s.status === 'ended')).toBe(true);
    expect(academyChain.find((s) => s.id === academy.tierOne[0]?.subcontractId)?.transferredTo).toEqual({ contractId: fellside.contract.id, subcontractId: firstMoved?.id });
    expect(academyChain.find((s) => s.id === academy.tierOne[11]?.subcontractId)).toMatchObject({
      transferredTo: null,
      endReason: `Transition plan of decommissioning case ${openedCase.id}: the work ends`,
    });
    // The moved subcontractor now reports to its new prime, like everyone else in that chain.
    const movedSession = academy.tierOne[0]?.session;
    if (!movedSession || !firstMoved) throw new Error('unreachable');
    const { outcomes: movedOutcomes, ...movedFigures } = deliveryOf(1, chainCost(2));
    await movedSession.data(SUBMIT_RETURN, {
      key: newKey('return'),
      input: { contractId: fellside.contract.id, period: '2026-Q4', subcontractId: firstMoved.id, ...movedFigures, outcomes: movedOutcomes },
    });
    const { supplyChain: afterTransition } = await commissioner.data<{ supplyChain: Chain }>(CHAIN, {});
    expect(afterTransition.nodes.filter((n) => n.contractId === academy.contract.id).map((n) => n.tier)).toEqual([0]);
    expect(afterTransition.nodes).toHaveLength(delivering.nodes.length - 1);

    // The tender context drafts the re-tender of the strand, linked to the old tender, for the council to edit and publish.
    const RETENDERS = `query { tenders(status: draft) { nodes { id status retenderOfTenderId submissionDeadline lots { lotId estimatedValuePence } } } }`;
    type Retender = { status: string; retenderOfTenderId: string | null; submissionDeadline: string | null; lots: { lotId: string; estimatedValuePence: number }[] };
    const { tenders: retenders } = await eventually(
      () => commissioner.data<{ tenders: { nodes: Retender[] } }>(RETENDERS, {}),
      (result) => result.tenders.nodes.some((t) => t.retenderOfTenderId !== null),
    );
    expect(retenders.nodes.filter((t) => t.retenderOfTenderId !== null)).toEqual([
      expect.objectContaining({ status: 'draft', submissionDeadline: null, lots: [expect.objectContaining({ lotId: 'STRAND-2' })] }),
    ]);
    expect((await academy.prime.data<{ tenders: { nodes: unknown[] } }>(RETENDERS, {})).tenders.nodes).toEqual([]);

    // The chain lives in read-model tables (one row per node), rebuilt from the log to the same rows.
    await platform.platform.stop();
    const before = await snapshotReadModels(platform.env);
    expect(before['subcontracting-service.subcontract_view']).toHaveLength(81 + TIER_ONE_PER_PRIME + TIER_TWO_PER_PRIME - 1);
    expect(before['subcontracting-service.contract_variation_view']).toHaveLength(2);
    expect(before['subcontracting-service.delivery_return_view']).toHaveLength(4 * delivering.nodes.length + 2);
    expect(before['subcontracting-service.strand_framework_view']).toHaveLength(1);
    expect(before['subcontracting-service.provider_eligibility_view']?.length).toBeGreaterThanOrEqual(toRegisterCount);
    expect(before['subcontracting-service.contract_rating_view']).toHaveLength(6);
    expect(before['subcontracting-service.decommissioning_case_view']).toHaveLength(1);
    await runRebuildCommand(platform.env);
    expect(await snapshotReadModels(platform.env)).toEqual(before);

    // Every step of the case is in the event history (the embedded store) with its actor, and the strand goes back to the tender context.
    const store = new Database(path.join(platform.dataDir, 'events.sqlite'), { readonly: true });
    try {
      const history = store
        .prepare('SELECT type, data, metadata FROM events WHERE stream_name IN (?, ?) ORDER BY position')
        .all(`contract-${academy.contract.id}`, `integration-subcontracting-${academy.contract.id}`) as { type: string; data: string; metadata: string }[];
      const steps = history
        .filter((e) => ['DecommissioningCaseOpened', 'DecommissioningCaseAnswered', 'ContractDecommissioned', 'subcontracting.strand-decommissioned.v1'].includes(e.type))
        .map((e) => ({ type: e.type, actor: (JSON.parse(e.metadata) as { actor: { userId: string } }).actor.userId }));
      expect(steps).toEqual([
        { type: 'DecommissioningCaseOpened', actor: 'b0000000-0000-4000-8000-000000000001' },
        { type: 'DecommissioningCaseAnswered', actor: 'b0000000-0000-4000-8000-000000000007' },
        { type: 'ContractDecommissioned', actor: 'b0000000-0000-4000-8000-000000000001' },
        { type: 'subcontracting.strand-decommissioned.v1', actor: 'b0000000-0000-4000-8000-000000000001' },
      ]);
      // The platform carried the plan out as itself, ending every subcontract that left the chain with the case named.
      const carried = history.filter((e) => e.type === 'TransitionCompleted' || e.type === 'SubcontractEnded');
      expect(carried.map((e) => (JSON.parse(e.metadata) as { actor: { userId: string } }).actor.userId)).toEqual(
        carried.map(() => 'system:subcontracting-transitions'),
      );
      expect(carried.map((e) => e.type)).toEqual([...plan.map(() => 'SubcontractEnded'), 'TransitionCompleted']);
      expect(carried.every((e) => e.type !== 'SubcontractEnded' || (JSON.parse(e.data) as { caseId: string }).caseId === openedCase.id)).toBe(true);
      const handedBack = JSON.parse(history.find((e) => e.type === 'subcontracting.strand-decommissioned.v1')?.data ?? '{}') as { lotId: string; evidenceRefs: string[]; transition: unknown[] };
      expect(handedBack).toMatchObject({ lotId: 'STRAND-2', evidenceRefs: [...evidence, 'recruitment-plan'] });
      expect(handedBack.transition).toHaveLength(TIER_ONE_PER_PRIME + TIER_TWO_PER_PRIME);
    } finally {
      store.close();
    }
  }, 300_000);
});
