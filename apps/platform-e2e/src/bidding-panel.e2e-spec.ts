import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { type ProviderRegistration, registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id } }`;
const BIDS = `query($tenderId: ID!) { bids(tenderId: $tenderId) { id status } }`;
const PANEL_FIELDS = `tenderId shortlists { lotId bidIds reason } visits { bidId ageBand visitedOn observations }
  scores { bidId ageBand mark scaleMax justification yours } results { bidId score scoredBy }`;
const PANEL = `query($tenderId: ID!) { evaluationPanel(tenderId: $tenderId) { ${PANEL_FIELDS} } }`;
const SHORTLIST = `mutation($input: ShortlistBidsInput!, $key: String!) { shortlistBids(input: $input, idempotencyKey: $key) { ${PANEL_FIELDS} } }`;
const VISIT = `mutation($input: RecordPanelVisitInput!, $key: String!) { recordPanelVisit(input: $input, idempotencyKey: $key) { ${PANEL_FIELDS} } }`;
const SCORE = `mutation($input: ScoreAsPanelMemberInput!, $key: String!) { scoreAsPanelMember(input: $input, idempotencyKey: $key) { ${PANEL_FIELDS} } }`;

type Panel = {
  shortlists: { lotId: string; bidIds: string[]; reason: string }[];
  visits: { bidId: string; ageBand: string; visitedOn: string; observations: string }[];
  scores: { bidId: string; ageBand: string; mark: number; justification: string; yours: boolean }[];
  results: { bidId: string; score: number; scoredBy: number }[];
};

describe('Shortlist and youth panel through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };
  const bidders = ['yasmin.provider', 'priya.provider', 'harriet.prime'];

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const username of [...bidders, 'clara.commissioner', 'ed.commissioner', 'panel.kestrel', 'panel.otter', 'audrey.auditor', 'alex.admin']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    const kinds: Record<string, ProviderRegistration> = {
      'yasmin.provider': { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true },
      'priya.provider': { name: 'Kindred Works CIC', kind: 'community_interest_company', companyNumber: 'SC123456', vcse: true },
      'harriet.prime': { name: 'Moorland Homes', kind: 'registered_social_landlord', vcse: false },
    };
    for (const username of bidders) {
      const registration = kinds[username];
      if (!registration) throw new Error(`No registration for ${username}`);
      await registerEligibleProvider(as(username), { sme: true, yourDisplayName: username, ...registration });
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('shortlists three finalists after the deadline; the pseudonymous panel visits and scores them; only the council and auditors see it all', async () => {
    const deadline = new Date(Date.now() + 6_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Youth voice and participation',
        description: 'Youth forums and participation work',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 10_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 50 },
          { criterionId: 'YP', name: 'Youth panel', kind: 'youth_panel', weightPercent: 20 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const bidIds: string[] = [];
    for (const [index, username] of bidders.entries()) {
      const { submitBid } = await as(username).data<{ submitBid: { id: string } }>(SUBMIT, {
        key: newKey('bid'),
        input: { tenderId: tender.id, lotId: 'ALL', pricePence: 9_000_000 + index * 100_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth forums' }], socialValueCommitments: '' },
      });
      bidIds.push(submitBid.id);
    }
    const shortlistInput = { tenderId: tender.id, lotId: 'ALL', bidIds, reason: 'All three met the quality threshold' };

    // Nothing to shortlist while bids are sealed.
    expect(await as('clara.commissioner').errorCodes(SHORTLIST, { key: newKey('shortlist'), input: shortlistInput })).toEqual(['TENDER_DEADLINE_NOT_REACHED']);

    await eventually(
      () => as('clara.commissioner').data<{ bids: { status: string }[] }>(BIDS, { tenderId: tender.id }),
      ({ bids }) => bids.length === 3 && bids.every((b) => b.status === 'opened'),
      30_000,
    );

    // Only the tender's own commissioners shortlist.
    expect(await as('ed.commissioner').errorCodes(SHORTLIST, { key: newKey('shortlist'), input: shortlistInput })).toEqual(['NOT_THE_COMMISSIONER_OF_THE_TENDER']);
    expect(await as('panel.kestrel').errorCodes(SHORTLIST, { key: newKey('shortlist'), input: shortlistInput })).toEqual(['FORBIDDEN']);
    const { shortlistBids } = await as('clara.commissioner').data<{ shortlistBids: Panel }>(SHORTLIST, { key: newKey('shortlist'), input: shortlistInput });
    expect(shortlistBids.shortlists).toEqual([{ lotId: 'ALL', bidIds, reason: 'All three met the quality threshold' }]);

    // The panel scores a finalist only after visiting it.
    const [first, second, third] = bidIds as [string, string, string];
    const score = (username: string, bidId: string, mark: number, ageBand: string) =>
      as(username).graphql<{ scoreAsPanelMember: Panel }>(SCORE, {
        key: newKey('score'),
        input: { tenderId: tender.id, bidId, ageBand, mark, justification: `Mark ${mark}: how the staff treated young people` },
      });
    expect((await score('panel.kestrel', first, 4, 'AGE_16_17')).errors.map((e) => e.extensions?.['code'])).toEqual(['PANEL_HAS_NOT_VISITED']);
    const today = new Date().toISOString().slice(0, 10);
    for (const bidId of bidIds) {
      await as('panel.kestrel').data(VISIT, {
        key: newKey('visit'),
        input: { tenderId: tender.id, bidId, ageBand: 'AGE_16_17', visitedOn: today, observations: `Visited the evening session of ${bidId.slice(0, 8)}` },
      });
    }
    const marks: [string, string, number, string][] = [
      ['panel.kestrel', first, 5, 'AGE_16_17'],
      ['panel.otter', first, 4, 'AGE_18_21'],
      ['panel.kestrel', second, 2, 'AGE_16_17'],
      ['panel.otter', second, 3, 'AGE_18_21'],
      ['panel.kestrel', third, 3, 'AGE_16_17'],
      ['panel.otter', third, 3, 'AGE_18_21'],
    ];
    for (const [username, bidId, mark, ageBand] of marks) expect((await score(username, bidId, mark, ageBand)).errors).toEqual([]);
    expect((await score('panel.otter', first, 1, 'AGE_18_21')).errors.map((e) => e.extensions?.['code'])).toEqual(['PANEL_MEMBER_ALREADY_SCORED']);

    // The commissioner and the auditor see every score and the panel's result per finalist (mean mark out of 100).
    for (const overseer of ['clara.commissioner', 'audrey.auditor']) {
      const { evaluationPanel } = await as(overseer).data<{ evaluationPanel: Panel }>(PANEL, { tenderId: tender.id });
      expect(evaluationPanel.visits).toHaveLength(3);
      expect(evaluationPanel.scores).toHaveLength(6);
      expect(Object.fromEntries(evaluationPanel.results.map((r) => [r.bidId, [r.score, r.scoredBy]]))).toEqual({ [first]: [90, 2], [second]: [50, 2], [third]: [60, 2] });
    }
    // Panel members are pseudonymous and score independently: each sees only their own scores, and no names anywhere.
    const { evaluationPanel: kestrelView } = await as('panel.kestrel').data<{ evaluationPanel: Panel }>(PANEL, { tenderId: tender.id });
    expect(kestrelView.scores.map((s) => [s.mark, s.yours, s.ageBand])).toEqual([
      [5, true, 'AGE_16_17'],
      [2, true, 'AGE_16_17'],
      [3, true, 'AGE_16_17'],
    ]);
    expect(kestrelView.results).toEqual([]);
    expect(JSON.stringify(kestrelView)).not.toMatch(/Kestrel|Otter|panel\.|b0000000-0000-4000-8000-000000000008/);

    // Bidders, another council and the platform admin see nothing of the evaluation.
    for (const outsider of [...bidders, 'ed.commissioner', 'alex.admin']) {
      expect((await as(outsider).data<{ evaluationPanel: Panel | null }>(PANEL, { tenderId: tender.id })).evaluationPanel).toBeNull();
    }
  }, 90_000);
});
