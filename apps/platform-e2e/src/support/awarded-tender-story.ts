import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session } from './platform';
import { registerEligibleProvider } from './providers';

// One tender from publication to a contract with a subcontractor, through the gateway: data in every
// context (tender, bidding with the provider registry, subcontracting) for the stories that need it.

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id organisationId status } }`;
const AWARD = `mutation($input: AwardLotInput!, $key: String!) { awardLot(input: $input, idempotencyKey: $key) { id status } }`;
const CONTRACTS = `query($tenderId: ID) { contracts(tenderId: $tenderId) { id } }`;
const ASK = `mutation($input: AskClarificationInput!, $key: String!) { askClarification(input: $input, idempotencyKey: $key) { id } }`;
const ANSWER = `mutation($input: AnswerClarificationInput!, $key: String!) { answerClarification(input: $input, idempotencyKey: $key) { id } }`;
const VARY_CONTRACT = `mutation($input: VaryContractInput!, $key: String!) { varyContract(input: $input, idempotencyKey: $key) { id } }`;
const ADD_SUBCONTRACTOR = `mutation($input: AddSubcontractorInput!, $key: String!) { addSubcontractor(input: $input, idempotencyKey: $key) { id } }`;

export interface StorySessions {
  readonly commissioner: Session;
  readonly prime: Session;
  readonly rival: Session;
  /** A member of the charity the prime subcontracts to. */
  readonly subcontractor: Session;
}

export interface AwardedTender {
  readonly tenderId: string;
  readonly primeBidId: string;
  readonly contractId: string;
  readonly deadline: Date;
}

export const signInStorySessions = async (baseUrl: string): Promise<StorySessions> => ({
  commissioner: await Session.signIn(baseUrl, 'clara.commissioner'),
  prime: await Session.signIn(baseUrl, 'harriet.prime'),
  rival: await Session.signIn(baseUrl, 'priya.provider'),
  subcontractor: await Session.signIn(baseUrl, 'yasmin.provider'),
});

/**
 * Two registered providers bid, the tender closes at its deadline, the prime wins, the contract is created
 * and the prime lets a subcontract; a clarification is asked and answered on the way, and the council varies
 * the contract at the end. `beforeDeadline` runs while the bids are still sealed.
 */
export const runAwardedTenderStory = async (
  { commissioner, prime, rival, subcontractor }: StorySessions,
  beforeDeadline: (tenderId: string) => Promise<void> = async () => undefined,
): Promise<AwardedTender> => {
  await registerEligibleProvider(prime, { name: 'Moorland Homes', kind: 'registered_social_landlord', companyNumber: '01234567' });
  await registerEligibleProvider(rival, { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: '07654321' });
  // A prime may let work only to registered providers with current due diligence.
  await registerEligibleProvider(subcontractor, { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true });
  const deadline = new Date(Date.now() + 12_000);
  const { publishTender } = await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
    key: newKey('publish'),
    input: {
      title: 'Detached youth work, North locality',
      description: 'Evening detached youth work on three estates',
      category: 'youth-work',
      lots: [{ lotId: 'NORTH', title: 'North locality', estimatedValuePence: 40_000_000 }],
      criteria: [
        { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
        { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 40 },
      ],
      submissionDeadline: deadline.toISOString(),
      suitableForVcse: true,
    },
  });
  const tenderId = publishTender.id;
  const { askClarification } = await rival.data<{ askClarification: { id: string } }>(ASK, {
    key: newKey('ask'),
    input: { tenderId, question: 'May a consortium of two community groups bid?' },
  });
  await commissioner.data(ANSWER, {
    key: newKey('answer'),
    input: { tenderId, questionId: askClarification.id, answer: 'Yes: name a lead organisation that holds the contract.' },
  });
  const bid = (session: Session, pricePence: number) =>
    session.data<{ submitBid: { id: string } }>(SUBMIT, {
      key: newKey('bid'),
      input: { tenderId, lotId: 'NORTH', pricePence, qualityAnswers: [{ criterionId: 'Q1', answer: 'Four evenings a week' }], socialValueCommitments: 'Local apprenticeships' },
    });
  const { submitBid: primeBid } = await bid(prime, 38_500_000);
  await bid(rival, 39_000_000);
  await beforeDeadline(tenderId);

  await eventually(() => commissioner.data<{ tender: { status: string } }>(TENDER, { id: tenderId }), ({ tender }) => tender.status === 'under_evaluation', 30_000);
  await eventually(
    () => commissioner.data<{ bids: { status: string }[] }>(BIDS, { tenderId }),
    ({ bids }) => bids.length === 2 && bids.every((b) => b.status === 'opened'),
  );
  await commissioner.data(AWARD, {
    key: newKey('award'),
    input: {
      tenderId,
      lotId: 'NORTH',
      bidId: primeBid.id,
      valuePence: 38_500_000,
      rationale: 'Highest combined quality and price score',
      evidenceRefs: ['evaluation-summary-north'],
      contractStartDate: '2027-04-01',
      contractEndDate: '2030-03-31',
      paymentTermsDays: 30,
    },
  });
  const { contracts } = await eventually(
    () => prime.data<{ contracts: { id: string }[] }>(CONTRACTS, { tenderId }),
    (result) => result.contracts.length === 1,
  );
  const contractId = contracts[0]?.id ?? '';
  await prime.data(ADD_SUBCONTRACTOR, {
    key: newKey('sub'),
    input: {
      contractId,
      subcontractorOrganisationId: DEMO_ORGANISATIONS.brightpathYouthTrust.id,
      valuePence: 9_000_000,
      scope: 'Detached youth work on two estates',
      area: 'North locality',
      startDate: '2027-04-01',
      endDate: '2030-03-31',
      paymentTermsDays: 30,
    },
  });
  await commissioner.data(VARY_CONTRACT, {
    key: newKey('vary'),
    input: { contractId, valuePence: 40_000_000, reason: 'A fifth evening a week from the second year' },
  });
  return { tenderId, primeBidId: primeBid.id, contractId, deadline };
};
