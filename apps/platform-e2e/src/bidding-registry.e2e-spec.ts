import { DEMO_ORGANISATIONS } from '@tendril/shared/testing';
import { newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';

const PROVIDER_FIELDS = `organisationId name kind charityNumber companyNumber schoolUrn vcse sme serviceCategories serviceAreas
  dueDiligence { kind expiresAt current statement evidenceRefs } members { userId displayName role } toRenewBeforeBidding`;
const REGISTER = `mutation($input: RegisterProviderInput!, $key: String!) { registerProvider(input: $input, idempotencyKey: $key) { ${PROVIDER_FIELDS} } }`;
const DECLARE = `mutation($input: DeclareDueDiligenceInput!, $key: String!) { declareDueDiligence(input: $input, idempotencyKey: $key) { ${PROVIDER_FIELDS} } }`;
const ADD_MEMBER = `mutation($input: AddProviderMemberInput!, $key: String!) { addProviderMember(input: $input, idempotencyKey: $key) { members { userId role } } }`;
const PROVIDER = `query($id: ID!) { provider(organisationId: $id) { ${PROVIDER_FIELDS} } }`;
const PROVIDERS = `query($filter: ProviderFilterInput) { providers(filter: $filter) { organisationId name kind } }`;
const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id status organisationId } }`;

type Provider = {
  organisationId: string;
  name: string;
  kind: string;
  charityNumber: string | null;
  companyNumber: string | null;
  schoolUrn: string | null;
  vcse: boolean;
  sme: boolean;
  dueDiligence: { kind: string; expiresAt: string; current: boolean; statement: string | null; evidenceRefs: string[] | null }[];
  members: { userId: string; displayName: string; role: string }[] | null;
  toRenewBeforeBidding: string[];
};

const registration = (overrides: Record<string, unknown>) => ({
  vcse: false,
  sme: false,
  serviceCategories: ['youth-work'],
  serviceAreas: ['North locality'],
  charityNumber: null,
  companyNumber: null,
  schoolUrn: null,
  ...overrides,
});

const safeguarding = (expiresAt: Date) => ({
  kind: 'safeguarding_policy',
  expiresAt: expiresAt.toISOString(),
  statement: 'Our safeguarding policy was reviewed and adopted by the board',
  evidenceRefs: ['board-minute-2026-11'],
});

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);

describe('Provider registry through the gateway', () => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    for (const username of ['clara.commissioner', 'yasmin.provider', 'sam.provider', 'priya.provider', 'harriet.prime', 'omar.prime', 'audrey.auditor', 'alex.admin']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('registers organisations of every kind, validating their identifiers, and shows members and evidence only to those entitled', async () => {
    // A charity with a malformed number is told what a charity number looks like; then it registers.
    const charity = registration({ name: 'Brightpath Youth Trust', kind: 'registered_charity', vcse: true, sme: true, yourDisplayName: 'Yasmin Clarke' });
    expect(await as('yasmin.provider').errorCodes(REGISTER, { key: newKey('reg'), input: { ...charity, charityNumber: '12-34' } })).toEqual([
      'CHARITY_NUMBER_INVALID',
    ]);
    expect(await as('yasmin.provider').errorCodes(REGISTER, { key: newKey('reg'), input: charity })).toEqual(['CHARITY_NUMBER_REQUIRED']);
    const key = newKey('reg');
    const registered = { ...charity, charityNumber: '1123 456' };
    const { registerProvider: brightpath } = await as('yasmin.provider').data<{ registerProvider: Provider }>(REGISTER, { key, input: registered });
    expect(brightpath).toMatchObject({
      organisationId: DEMO_ORGANISATIONS.brightpathYouthTrust.id,
      kind: 'registered_charity',
      charityNumber: '1123456',
      vcse: true,
      members: [{ displayName: 'Yasmin Clarke', role: 'administrator' }],
      toRenewBeforeBidding: ['safeguarding_policy'],
    });
    // A retry with the same key returns the first result; a second registration is refused.
    expect((await as('yasmin.provider').data<{ registerProvider: Provider }>(REGISTER, { key, input: registered })).registerProvider).toEqual(brightpath);
    expect(await as('yasmin.provider').errorCodes(REGISTER, { key: newKey('reg'), input: { ...charity, charityNumber: '1123456' } })).toEqual([
      'PROVIDER_ALREADY_REGISTERED',
    ]);

    // A school needs a six-digit URN; a CIC a Companies House number (Scottish prefix kept); flags must fit the kind.
    const school = registration({ name: 'Northmoor Academy', kind: 'school', yourDisplayName: 'Omar Haddad' });
    expect(await as('omar.prime').errorCodes(REGISTER, { key: newKey('reg'), input: { ...school, schoolUrn: '13749' } })).toEqual(['SCHOOL_URN_INVALID']);
    expect(await as('omar.prime').errorCodes(REGISTER, { key: newKey('reg'), input: { ...school, schoolUrn: '137492', vcse: true } })).toEqual([
      'VCSE_FLAG_NOT_ALLOWED_FOR_KIND',
    ]);
    const { registerProvider: academy } = await as('omar.prime').data<{ registerProvider: Provider }>(REGISTER, {
      key: newKey('reg'),
      input: { ...school, schoolUrn: '137492' },
    });
    expect(academy).toMatchObject({ kind: 'school', schoolUrn: '137492' });
    const cic = registration({ name: 'Kindred Works CIC', kind: 'community_interest_company', vcse: true, sme: true, yourDisplayName: 'Priya Nair' });
    expect(await as('priya.provider').errorCodes(REGISTER, { key: newKey('reg'), input: { ...cic, companyNumber: 'ZX123456' } })).toEqual([
      'COMPANY_NUMBER_INVALID',
    ]);
    const { registerProvider: kindred } = await as('priya.provider').data<{ registerProvider: Provider }>(REGISTER, {
      key: newKey('reg'),
      input: { ...cic, companyNumber: 'sc123456', serviceCategories: ['employment-support'] },
    });
    expect(kindred).toMatchObject({ companyNumber: 'SC123456', vcse: true, sme: true });

    // A council registers its in-house team; a provider cannot register one for itself.
    const inHouse = registration({ name: 'Northmoor Youth Service (in-house)', kind: 'in_house', yourDisplayName: 'Clara Okafor' });
    expect(await as('harriet.prime').errorCodes(REGISTER, { key: newKey('reg'), input: inHouse })).toEqual(['NOT_A_MEMBER_OF_THE_PROVIDER']);
    const { registerProvider: council } = await as('clara.commissioner').data<{ registerProvider: Provider }>(REGISTER, {
      key: newKey('reg'),
      input: inHouse,
    });
    expect(council).toMatchObject({ organisationId: DEMO_ORGANISATIONS.northmoorCouncil.id, kind: 'in_house' });

    // Members with roles: the administrator adds a finance lead, who may declare accounts but not safeguarding.
    const { addProviderMember } = await as('yasmin.provider').data<{ addProviderMember: { members: { userId: string; role: string }[] } }>(ADD_MEMBER, {
      key: newKey('member'),
      input: { userId: 'b0000000-0000-4000-8000-0000000000ff', displayName: 'Fin Lead', role: 'finance' },
    });
    expect(addProviderMember.members.map((m) => m.role)).toEqual(['administrator', 'finance']);
    expect(await as('sam.provider').errorCodes(ADD_MEMBER, { key: newKey('member'), input: { userId: 'x', displayName: 'X', role: 'finance' } })).toEqual([
      'PROVIDER_NOT_REGISTERED',
    ]);

    // Due diligence with an expiry and evidence: evidence for the organisation, commissioners, auditors, admins; not for rivals.
    await as('yasmin.provider').data(DECLARE, { key: newKey('dd'), input: safeguarding(inAYear()) });
    const seenBy = async (username: string) =>
      (await as(username).data<{ provider: Provider }>(PROVIDER, { id: DEMO_ORGANISATIONS.brightpathYouthTrust.id })).provider;
    expect((await seenBy('yasmin.provider')).toRenewBeforeBidding).toEqual([]);
    for (const entitled of ['yasmin.provider', 'clara.commissioner', 'audrey.auditor', 'alex.admin']) {
      expect((await seenBy(entitled)).dueDiligence[0]).toMatchObject({ kind: 'safeguarding_policy', current: true, evidenceRefs: ['board-minute-2026-11'] });
    }
    expect((await seenBy('priya.provider')).dueDiligence[0]).toMatchObject({ current: true, statement: null, evidenceRefs: null });
    expect((await seenBy('priya.provider')).members).toBeNull();
    expect((await seenBy('clara.commissioner')).members).toBeNull();
    expect((await seenBy('audrey.auditor')).members).toHaveLength(2);

    // The registry is searchable by kind, category and the VCSE flag.
    const names = async (filter: Record<string, unknown>) =>
      (await as('clara.commissioner').data<{ providers: { name: string }[] }>(PROVIDERS, { filter })).providers.map((p) => p.name);
    expect(await names({ vcse: true })).toEqual(['Brightpath Youth Trust', 'Kindred Works CIC']);
    expect(await names({ kind: 'school' })).toEqual(['Northmoor Academy']);
    expect(await names({ serviceCategory: 'employment-support' })).toEqual(['Kindred Works CIC']);
  }, 60_000);

  it('refuses bids from unregistered organisations and from those whose safeguarding declaration has expired, saying what to renew', async () => {
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Employment support for young people',
        description: 'Coaching into work for 16-24 year olds',
        category: 'employment-support',
        lots: [{ lotId: 'ALL', title: 'Whole borough', estimatedValuePence: 20_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
        suitableForVcse: true,
      },
    });
    const bid = { tenderId: tender.id, lotId: 'ALL', pricePence: 18_000_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Weekly coaching' }], socialValueCommitments: '' };

    // Sam's community group has not registered.
    expect(await as('sam.provider').errorCodes(SUBMIT, { key: newKey('bid'), input: bid })).toEqual(['PROVIDER_NOT_REGISTERED']);

    // Moorland Homes registers but has not declared safeguarding yet.
    await as('harriet.prime').data(REGISTER, {
      key: newKey('reg'),
      input: registration({ name: 'Moorland Homes', kind: 'registered_social_landlord', yourDisplayName: 'Harriet Mensah' }),
    });
    expect(await as('harriet.prime').errorCodes(SUBMIT, { key: newKey('bid'), input: bid })).toEqual(['SAFEGUARDING_DECLARATION_MISSING']);

    // Its declaration lapses: the bid is refused with an error naming the safeguarding policy.
    const lapsing = new Date(Date.now() + 1_500);
    await as('harriet.prime').data(DECLARE, { key: newKey('dd'), input: safeguarding(lapsing) });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lapsing.getTime() - Date.now()) + 200));
    const refused = await as('harriet.prime').graphql(SUBMIT, { key: newKey('bid'), input: bid });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/safeguarding policy declaration expired on \d{4}-\d{2}-\d{2}: renew it/),
      extensions: expect.objectContaining({ code: 'SAFEGUARDING_DECLARATION_EXPIRED' }),
    });
    const { provider } = await as('harriet.prime').data<{ provider: Provider }>(PROVIDER, { id: DEMO_ORGANISATIONS.moorlandHomes.id });
    expect(provider).toMatchObject({ toRenewBeforeBidding: ['safeguarding_policy'], dueDiligence: [expect.objectContaining({ current: false })] });

    // Renewed, the bid goes in.
    await as('harriet.prime').data(DECLARE, { key: newKey('dd'), input: safeguarding(inAYear()) });
    const { submitBid } = await as('harriet.prime').data<{ submitBid: { status: string; organisationId: string } }>(SUBMIT, { key: newKey('bid'), input: bid });
    expect(submitBid).toEqual(expect.objectContaining({ status: 'submitted', organisationId: DEMO_ORGANISATIONS.moorlandHomes.id }));
  }, 60_000);
});
