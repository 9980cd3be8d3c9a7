import { createHash } from 'node:crypto';
import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) {
  publishTender(input: $input, idempotencyKey: $key) { id status submissionDeadline clarificationDeadline }
}`;
const ASK = `mutation($input: AskClarificationInput!, $key: String!) {
  askClarification(input: $input, idempotencyKey: $key) { id tenderId question answer askedByOrganisationId askedByYourOrganisation }
}`;
const ANSWER = `mutation($input: AnswerClarificationInput!, $key: String!) {
  answerClarification(input: $input, idempotencyKey: $key) { id question answer answeredAt askedByOrganisationId }
}`;
const CLARIFICATIONS = `query($tenderId: ID!) { tenderClarifications(tenderId: $tenderId) { id question answer askedByOrganisationId askedByYourOrganisation } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { id status } }`;
const TENDERS = `query { tenders(first: 100) { nodes { id } } }`;
const AMEND = `mutation($input: AmendTenderDocumentInput!, $key: String!) {
  amendTenderDocument(input: $input, idempotencyKey: $key) { id documents { documentId kind contentHash } amendments { documentId previousContentHash contentHash summary } }
}`;
const DOCUMENTS = `query($id: ID!) { tender(id: $id) { documents { documentId kind title contentHash } amendments { documentId contentHash summary } } }`;
const CONTENT = `query($hash: String!) { tenderDocumentContent(contentHash: $hash) }`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const HISTORY = `query($tenderId: ID!) { tenderHistory(tenderId: $tenderId) { eventType summary } }`;

type Clarification = { id: string; question: string; answer: string | null; askedByOrganisationId: string | null; askedByYourOrganisation: boolean };

const tenderInput = (submissionDeadline: Date, clarificationDeadline: Date | null) => ({
  title: 'Detached youth work, East locality',
  description: 'Street-based youth work',
  category: 'youth-work',
  lots: [{ lotId: 'EAST', title: 'East locality', estimatedValuePence: 20_000_000 }],
  criteria: [
    { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 50 },
    { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
    { criterionId: 'Y1', name: "Young people's panel", kind: 'youth_panel', weightPercent: 20 },
  ],
  submissionDeadline: submissionDeadline.toISOString(),
  clarificationDeadline: clarificationDeadline?.toISOString() ?? null,
});

const SEARCH = `query($category: String, $area: String, $min: Float, $max: Float, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  tenders(status: open, category: $category, area: $area, minValuePence: $min, maxValuePence: $max, deadlineFrom: $from, deadlineTo: $to, first: $first, after: $after) {
    nodes { id title totalEstimatedValuePence } endCursor hasNextPage
  }
}`;
type SearchPage = { tenders: { nodes: { id: string; title: string; totalEstimatedValuePence: number }[]; endCursor: string | null; hasNextPage: boolean } };

describe('Tenders as providers and commissioners meet them, through the gateway', () => {
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

  it('refuses bad tenders with a specific code and records nothing', async () => {
    const before = (await commissioner.data<{ tenders: { nodes: unknown[] } }>(TENDERS)).tenders.nodes.length;
    const future = new Date(Date.now() + 3_600_000);
    const good = tenderInput(future, null);
    const badWeights = { ...good, criteria: good.criteria.map((c) => (c.criterionId === 'Y1' ? { ...c, weightPercent: 25 } : c)) };
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('bad'), input: badWeights })).toEqual(['CRITERIA_WEIGHTS_MUST_SUM_TO_100']);
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('bad'), input: tenderInput(new Date(Date.now() - 60_000), null) })).toEqual([
      'SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE',
    ]);
    expect(await commissioner.errorCodes(PUBLISH, { key: newKey('bad'), input: tenderInput(future, new Date(future.getTime() + 1_000)) })).toEqual([
      'CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE',
    ]);
    expect((await commissioner.data<{ tenders: { nodes: unknown[] } }>(TENDERS)).tenders.nodes).toHaveLength(before);
  });

  it('lets providers find open tenders by category, value and deadline, page by page', async () => {
    const category = `search-${Date.now()}`;
    const hour = 3_600_000;
    const publish = async (title: string, valuePence: number, hoursAhead: number) =>
      (
        await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
          key: newKey('publish'),
          input: {
            ...tenderInput(new Date(Date.now() + hoursAhead * hour), null),
            title,
            category,
            lots: [
              { lotId: 'A', title: 'A', estimatedValuePence: valuePence / 2 },
              { lotId: 'B', title: 'B', estimatedValuePence: valuePence / 2 },
            ],
          },
        })
      ).publishTender.id;
    const small = await publish('Small', 1_000_000, 1);
    const medium = await publish('Medium', 5_000_000, 2);
    const large = await publish('Large', 3_000_000_000, 3);

    const search = (variables: Record<string, unknown>) => charity.data<SearchPage>(SEARCH, { category, ...variables });
    expect((await search({})).tenders.nodes.map((t) => t.id)).toEqual([large, medium, small]);
    expect((await search({ min: 2_000_000 })).tenders.nodes.map((t) => t.id)).toEqual([large, medium]);
    expect((await search({ max: 6_000_000, to: new Date(Date.now() + 1.5 * hour).toISOString() })).tenders.nodes.map((t) => t.id)).toEqual([small]);
    expect((await search({ from: new Date(Date.now() + 2.5 * hour).toISOString() })).tenders.nodes).toEqual([
      { id: large, title: 'Large', totalEstimatedValuePence: 3_000_000_000 },
    ]);
    expect((await search({ area: 'Nowhere' })).tenders.nodes).toEqual([]);

    // Cursors walk the results newest first without repeating or skipping a tender.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result: SearchPage = await search({ first: 1, after });
      seen.push(...result.tenders.nodes.map((t) => t.id));
      if (!result.tenders.hasNextPage) break;
      after = result.tenders.endCursor;
    }
    expect(seen).toEqual([large, medium, small]);
  });

  it("feeds each provider the new tenders in the categories its organisation registered interest in", async () => {
    const watched = `feed-${Date.now()}`;
    const REGISTER = `mutation($category: String!, $key: String!) { registerTenderInterest(category: $category, idempotencyKey: $key) }`;
    const WITHDRAW = `mutation($category: String!, $key: String!) { withdrawTenderInterest(category: $category, idempotencyKey: $key) }`;
    const FEED = `query { tenderFeed(first: 50) { nodes { id category } hasNextPage } }`;
    type Feed = { tenderFeed: { nodes: { id: string; category: string }[] } };

    expect((await charity.data<{ registerTenderInterest: string[] }>(REGISTER, { category: watched, key: newKey('interest') })).registerTenderInterest).toContain(
      watched,
    );
    expect(await commissioner.errorCodes(REGISTER, { category: watched, key: newKey('interest') })).toEqual(['FORBIDDEN']);
    const publishIn = async (category: string) =>
      (
        await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
          key: newKey('publish'),
          input: { ...tenderInput(new Date(Date.now() + 3_600_000), null), category },
        })
      ).publishTender.id;
    const inWatched = await publishIn(watched);
    await publishIn(`${watched}-other`);

    const feed = (await charity.data<Feed>(FEED)).tenderFeed.nodes.filter((t) => t.category.startsWith('feed-'));
    expect(feed.filter((t) => t.category.startsWith(watched))).toEqual([{ id: inWatched, category: watched }]);
    expect((await landlord.data<Feed>(FEED)).tenderFeed.nodes.filter((t) => t.category.startsWith(watched))).toEqual([]);

    expect(await charity.errorCodes(WITHDRAW, { category: 'never-registered', key: newKey('interest') })).toEqual(['CATEGORY_INTEREST_NOT_FOUND']);
    expect((await charity.data<{ withdrawTenderInterest: string[] }>(WITHDRAW, { category: watched, key: newKey('interest') })).withdrawTenderInterest).not.toContain(
      watched,
    );
    expect((await charity.data<Feed>(FEED)).tenderFeed.nodes.filter((t) => t.category.startsWith(watched))).toEqual([]);
  });

  it('stores documents by content hash and tells every provider about an amendment', async () => {
    const specification = 'Deliver four evening sessions a week across the East locality.';
    const terms = 'Payment within 30 days of a valid invoice.';
    const { publishTender: tender } = await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        ...tenderInput(new Date(Date.now() + 3_600_000), null),
        documents: [
          { documentId: 'SPEC', kind: 'specification', title: 'Service specification', content: specification },
          { documentId: 'TERMS', kind: 'terms', title: 'Terms', content: terms },
        ],
      },
    });
    type Documents = { tender: { documents: { documentId: string; contentHash: string }[]; amendments: { documentId: string; contentHash: string; summary: string }[] } };
    const asPublished = await landlord.data<Documents>(DOCUMENTS, { id: tender.id });
    expect(asPublished.tender.documents.map((d) => [d.documentId, d.contentHash])).toEqual([
      ['SPEC', sha256(specification)],
      ['TERMS', sha256(terms)],
    ]);
    expect((await landlord.data<{ tenderDocumentContent: string | null }>(CONTENT, { hash: sha256(specification) })).tenderDocumentContent).toBe(specification);

    const revised = `${specification} Sessions run until 10pm.`;
    const amendInput = { tenderId: tender.id, documentId: 'SPEC', content: revised, summary: 'Sessions now run until 10pm' };
    expect(await otherCouncil.errorCodes(AMEND, { key: newKey('amend'), input: amendInput })).toEqual(['NOT_THE_TENDER_COMMISSIONER']);
    expect(await commissioner.errorCodes(AMEND, { key: newKey('amend'), input: { ...amendInput, documentId: 'ANNEX' } })).toEqual(['DOCUMENT_NOT_FOUND']);
    expect(await commissioner.errorCodes(AMEND, { key: newKey('amend'), input: { ...amendInput, content: specification } })).toEqual(['DOCUMENT_UNCHANGED']);
    await commissioner.data(AMEND, { key: newKey('amend'), input: amendInput });

    // Every provider reads the amendment and the new content; the old version stays readable by its hash.
    const afterAmendment = await charity.data<Documents>(DOCUMENTS, { id: tender.id });
    expect(afterAmendment.tender.documents.find((d) => d.documentId === 'SPEC')?.contentHash).toBe(sha256(revised));
    expect(afterAmendment.tender.amendments).toEqual([{ documentId: 'SPEC', contentHash: sha256(revised), summary: 'Sessions now run until 10pm' }]);
    expect((await charity.data<{ tenderDocumentContent: string | null }>(CONTENT, { hash: sha256(revised) })).tenderDocumentContent).toBe(revised);
    expect((await charity.data<{ tenderDocumentContent: string | null }>(CONTENT, { hash: sha256(specification) })).tenderDocumentContent).toBe(specification);
    const { tenderHistory } = await auditor.data<{ tenderHistory: { eventType: string; summary: string }[] }>(HISTORY, { tenderId: tender.id });
    expect(tenderHistory.map((entry) => entry.eventType)).toEqual(['TenderPublished', 'TenderDocumentAmended']);
  });

  it('takes questions until the clarification deadline and publishes answers to every provider without the asker', async () => {
    const clarificationDeadline = new Date(Date.now() + 7_000);
    const submissionDeadline = new Date(Date.now() + 11_000);
    const { publishTender: tender } = await commissioner.data<{ publishTender: { id: string; clarificationDeadline: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: tenderInput(submissionDeadline, clarificationDeadline),
    });
    expect(tender.clarificationDeadline).toBe(clarificationDeadline.toISOString());
    const { publishTender: otherTender } = await commissioner.data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: tenderInput(new Date(Date.now() + 3_600_000), null),
    });

    // A provider asks; only it and the commissioners see the unanswered question.
    const question = 'May a consortium of two community groups bid for the lot?';
    const { askClarification: asked } = await charity.data<{ askClarification: Clarification }>(ASK, { key: newKey('ask'), input: { tenderId: tender.id, question } });
    expect(asked).toMatchObject({ question, answer: null, askedByYourOrganisation: true, askedByOrganisationId: null });
    expect(await commissioner.errorCodes(ASK, { key: newKey('ask'), input: { tenderId: tender.id, question } })).toEqual(['FORBIDDEN']);
    expect((await landlord.data<{ tenderClarifications: Clarification[] }>(CLARIFICATIONS, { tenderId: tender.id })).tenderClarifications).toEqual([]);
    expect((await commissioner.data<{ tenderClarifications: Clarification[] }>(CLARIFICATIONS, { tenderId: tender.id })).tenderClarifications).toEqual([
      expect.objectContaining({ id: asked.id, answer: null, askedByOrganisationId: DEMO_ORGANISATIONS.brightpathYouthTrust.id }),
    ]);

    // Answers come from the tender's own commissioner, to a question of this tender.
    const answer = 'Yes: name a lead organisation that holds the contract.';
    expect(await otherCouncil.errorCodes(ANSWER, { key: newKey('answer'), input: { tenderId: tender.id, questionId: asked.id, answer } })).toEqual([
      'NOT_THE_TENDER_COMMISSIONER',
    ]);
    expect(await commissioner.errorCodes(ANSWER, { key: newKey('answer'), input: { tenderId: otherTender.id, questionId: asked.id, answer } })).toEqual([
      'CLARIFICATION_BELONGS_TO_ANOTHER_TENDER',
    ]);
    expect(await commissioner.errorCodes(ANSWER, { key: newKey('answer'), input: { tenderId: tender.id, questionId: 'no-such-question', answer } })).toEqual([
      'CLARIFICATION_NOT_FOUND',
    ]);
    expect((await commissioner.data<{ tenderClarifications: Clarification[] }>(CLARIFICATIONS, { tenderId: otherTender.id })).tenderClarifications).toEqual([]);
    const { answerClarification } = await commissioner.data<{ answerClarification: Clarification }>(ANSWER, {
      key: newKey('answer'),
      input: { tenderId: tender.id, questionId: asked.id, answer },
    });
    expect(answerClarification).toMatchObject({ question, answer });
    expect(await commissioner.errorCodes(ANSWER, { key: newKey('answer'), input: { tenderId: tender.id, questionId: asked.id, answer } })).toEqual([
      'CLARIFICATION_ALREADY_ANSWERED',
    ]);

    // Every provider now reads the answer, with the asker anonymised.
    expect((await landlord.data<{ tenderClarifications: Clarification[] }>(CLARIFICATIONS, { tenderId: tender.id })).tenderClarifications).toEqual([
      { id: asked.id, question, answer, askedByOrganisationId: null, askedByYourOrganisation: false },
    ]);
    expect((await charity.data<{ tenderClarifications: Clarification[] }>(CLARIFICATIONS, { tenderId: tender.id })).tenderClarifications[0]).toMatchObject({
      answer,
      askedByYourOrganisation: true,
      askedByOrganisationId: null,
    });

    // After the clarification deadline no more questions; after the submission deadline the tender closes by itself.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, clarificationDeadline.getTime() - Date.now() + 200)));
    expect(await landlord.errorCodes(ASK, { key: newKey('ask'), input: { tenderId: tender.id, question: 'One more?' } })).toEqual(['CLARIFICATION_DEADLINE_PASSED']);
    await eventually(
      () => commissioner.data<{ tender: { status: string } }>(TENDER, { id: tender.id }),
      ({ tender: t }) => t.status !== 'open',
      30_000,
    );
    expect(await landlord.errorCodes(ASK, { key: newKey('ask'), input: { tenderId: tender.id, question: 'Too late?' } })).toEqual(['TENDER_DEADLINE_PASSED']);
    expect(
      await commissioner.errorCodes(AMEND, { key: newKey('amend'), input: { tenderId: tender.id, documentId: 'SPEC', content: 'Late change', summary: 'Late' } }),
    ).toEqual(['TENDER_DEADLINE_PASSED']);

    // Nobody bid: the commissioner ends the competition without an award, and it can no longer be cancelled.
    const UNSUCCESSFUL = `mutation($input: CancelTenderInput!, $key: String!) { declareTenderUnsuccessful(input: $input, idempotencyKey: $key) { status cancellationReason } }`;
    const CANCEL = `mutation($input: CancelTenderInput!, $key: String!) { cancelTender(input: $input, idempotencyKey: $key) { status } }`;
    expect(await otherCouncil.errorCodes(UNSUCCESSFUL, { key: newKey('unsuccessful'), input: { tenderId: tender.id, reason: 'No bids' } })).toEqual([
      'NOT_THE_TENDER_COMMISSIONER',
    ]);
    const { declareTenderUnsuccessful } = await commissioner.data<{ declareTenderUnsuccessful: { status: string; cancellationReason: string } }>(UNSUCCESSFUL, {
      key: newKey('unsuccessful'),
      input: { tenderId: tender.id, reason: 'No compliant bid was received' },
    });
    expect(declareTenderUnsuccessful).toEqual({ status: 'unsuccessful', cancellationReason: 'No compliant bid was received' });
    expect(await commissioner.errorCodes(CANCEL, { key: newKey('cancel'), input: { tenderId: tender.id, reason: 'Tidy up' } })).toEqual(['TENDER_UNSUCCESSFUL']);

    // Auditors see who asked and who answered, in order.
    const { tenderHistory } = await auditor.data<{ tenderHistory: { eventType: string; summary: string }[] }>(HISTORY, { tenderId: tender.id });
    const tenderFacts = tenderHistory.map((entry) => entry.eventType).filter((type) => !type.includes('.')); // other contexts' facts follow the close
    expect(tenderFacts).toEqual(['TenderPublished', 'ClarificationAsked', 'ClarificationAnswered', 'TenderClosed', 'TenderDeclaredUnsuccessful']);
    expect(tenderHistory[1]?.summary).toContain(DEMO_ORGANISATIONS.brightpathYouthTrust.id);
  }, 90_000);
});
