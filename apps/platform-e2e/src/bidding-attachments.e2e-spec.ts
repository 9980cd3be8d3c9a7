import { DOCUMENT_TYPES, excelWorkbook, pdfDocument, wordDocument } from '@tendril/shared/testing';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';
import { registerEligibleProvider } from './support/providers';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;
const TENDER = `query($id: ID!) { tender(id: $id) { status } }`;
const SUBMIT = `mutation($input: SubmitBidInput!, $key: String!) { submitBid(input: $input, idempotencyKey: $key) { id } }`;
const ATTACHMENT_FIELDS = 'attachments { id fileName contentType sizeBytes sha256 }';
const ATTACH = `mutation($input: AddBidAttachmentInput!, $key: String!) { addBidAttachment(input: $input, idempotencyKey: $key) { id ${ATTACHMENT_FIELDS} } }`;
const REMOVE = `mutation($bidId: ID!, $attachmentId: ID!, $key: String!) { removeBidAttachment(bidId: $bidId, attachmentId: $attachmentId, idempotencyKey: $key) { id ${ATTACHMENT_FIELDS} } }`;
const BID = `query($id: ID!) { bid(id: $id) { id ${ATTACHMENT_FIELDS} } }`;
const DOWNLOAD = `query($bidId: ID!, $attachmentId: ID!) { bidAttachment(bidId: $bidId, attachmentId: $attachmentId) { id fileName contentType sizeBytes sha256 contentBase64 } }`;

type Attachment = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };
type Download = Attachment & { contentBase64: string };

const POSTGRES_URL = process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';
// A small cap keeps the test quick; the body limits of the gateway and the services follow it.
const MAX_ATTACHMENT_BYTES = 256 * 1024;
const readModelSetups: [string, () => Record<string, string>][] = [
  ['read models on SQLite (the embedded default)', () => ({})],
  [
    'read models on PostgreSQL (production)',
    () => ({ READ_MODEL_DB: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA_PREFIX: `e2e_att_${process.pid}_${Date.now() % 100_000}_` }),
  ],
];

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(readModelSetups)('Bid documents through the gateway, %s', (_name, environment) => {
  let platform: TestPlatform;
  const sessions: Record<string, Session> = {};
  const as = (username: string): Session => {
    const session = sessions[username];
    if (!session) throw new Error(`${username} is not signed in`);
    return session;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ ...environment(), MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT_BYTES) });
    for (const username of ['clara.commissioner', 'noah.commissioner', 'ed.commissioner', 'yasmin.provider', 'sam.provider', 'audrey.auditor', 'alex.admin', 'panel.kestrel']) {
      sessions[username] = await Session.signIn(platform.baseUrl, username);
    }
    await registerEligibleProvider(as('yasmin.provider'), { name: 'Brightpath Youth Trust', kind: 'registered_charity', charityNumber: '1123456', vcse: true, sme: true });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes PDF, Word and Excel documents checked by content, keeps them on disk by hash, and seals them like the bid', async () => {
    const deadline = new Date(Date.now() + 10_000);
    const { publishTender: tender } = await as('clara.commissioner').data<{ publishTender: { id: string } }>(PUBLISH, {
      key: newKey('publish'),
      input: {
        title: 'Mentoring for care leavers',
        description: 'One-to-one mentoring',
        category: 'youth-work',
        lots: [{ lotId: 'ALL', title: 'Borough-wide', estimatedValuePence: 5_000_000 }],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
        ],
        submissionDeadline: deadline.toISOString(),
        suitableForVcse: true,
      },
    });
    const { submitBid: bid } = await as('yasmin.provider').data<{ submitBid: { id: string } }>(SUBMIT, {
      key: newKey('bid'),
      input: { tenderId: tender.id, lotId: 'ALL', pricePence: 4_800_000, qualityAnswers: [{ criterionId: 'Q1', answer: 'Trained mentors' }], socialValueCommitments: '' },
    });
    const attach = (session: Session, fileName: string, contentType: string, content: Buffer, replacesAttachmentId?: string) =>
      session.graphql<{ addBidAttachment: { attachments: Attachment[] } }>(ATTACH, {
        key: newKey('attach'),
        input: { bidId: bid.id, fileName, contentType, contentBase64: content.toString('base64'), ...(replacesAttachmentId ? { replacesAttachmentId } : {}) },
      });
    const codes = async (pending: Promise<{ errors: readonly { extensions?: { code?: string } }[] }>) => (await pending).errors.map((e) => e.extensions?.code);

    // A method statement (PDF, padded past the 100 kB default request limit), a Word document and a pricing workbook.
    const method = Buffer.concat([pdfDocument('Method statement'), Buffer.from(`%${'x'.repeat(150 * 1024)}\n`)]);
    const approach = wordDocument('How we will work with care leavers');
    const pricing = excelWorkbook([['Item', 'Pence'], ['Mentor hours', 4_000_000], ['Training', 800_000]]);
    expect(await codes(attach(as('yasmin.provider'), 'Method statement.pdf', DOCUMENT_TYPES.pdf, method))).toEqual([]);
    expect(await codes(attach(as('yasmin.provider'), 'Approach.docx', DOCUMENT_TYPES.docx, approach))).toEqual([]);
    const { data } = await attach(as('yasmin.provider'), 'Pricing.xlsx', DOCUMENT_TYPES.xlsx, pricing);
    expect(data?.addBidAttachment.attachments.map(({ fileName, contentType, sizeBytes, sha256 }) => ({ fileName, contentType, sizeBytes, sha256 }))).toEqual([
      { fileName: 'Method statement.pdf', contentType: DOCUMENT_TYPES.pdf, sizeBytes: method.length, sha256: sha(method) },
      { fileName: 'Approach.docx', contentType: DOCUMENT_TYPES.docx, sizeBytes: approach.length, sha256: sha(approach) },
      { fileName: 'Pricing.xlsx', contentType: DOCUMENT_TYPES.xlsx, sizeBytes: pricing.length, sha256: sha(pricing) },
    ]);
    // The bytes are on disk under DATA_DIR, named by their hash.
    for (const content of [method, approach, pricing]) {
      expect(fs.readFileSync(path.join(platform.dataDir, 'bid-attachments', sha(content).slice(0, 2), sha(content)))).toEqual(content);
    }

    // Refused, with codes a person can act on: a renamed file, a type off the list, a file over the cap, not base64.
    expect(await codes(attach(as('yasmin.provider'), 'Budget.pdf', DOCUMENT_TYPES.pdf, pricing))).toEqual(['ATTACHMENT_CONTENT_DOES_NOT_MATCH_TYPE']);
    expect(await codes(attach(as('yasmin.provider'), 'Run me.exe', 'application/x-msdownload', Buffer.from('MZ\x90\x00')))).toEqual(['ATTACHMENT_TYPE_NOT_ALLOWED']);
    const oversized = await attach(as('yasmin.provider'), 'Annual report.pdf', DOCUMENT_TYPES.pdf, Buffer.concat([pdfDocument('Big'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]));
    expect(oversized.errors.map((e) => e.extensions?.code)).toEqual(['ATTACHMENT_TOO_LARGE']);
    expect(oversized.errors[0]?.message).toContain('a bid document may be at most 256 KiB');
    expect(
      await codes(as('yasmin.provider').graphql(ATTACH, { key: newKey('attach'), input: { bidId: bid.id, fileName: 'x.pdf', contentType: DOCUMENT_TYPES.pdf, contentBase64: '%%%not base64' } })),
    ).toEqual(['ATTACHMENT_CONTENT_NOT_BASE64']);
    // Nobody else can attach to the bid, or find out it exists by trying.
    expect(await codes(attach(as('sam.provider'), 'Spoiler.pdf', DOCUMENT_TYPES.pdf, pdfDocument('Spoiler')))).toEqual(['BID_NOT_FOUND']);
    expect(await codes(attach(as('clara.commissioner'), 'Spoiler.pdf', DOCUMENT_TYPES.pdf, pdfDocument('Spoiler')))).toEqual(['FORBIDDEN']);

    // The Word document is replaced by a PDF; the bidder downloads exactly what it uploaded.
    const attachments = (await as('yasmin.provider').data<{ bid: { attachments: Attachment[] } }>(BID, { id: bid.id })).bid.attachments;
    const word = attachments.find((a) => a.fileName === 'Approach.docx');
    const revised = pdfDocument('How we will work with care leavers (revised)');
    const replaced = await attach(as('yasmin.provider'), 'Approach.pdf', DOCUMENT_TYPES.pdf, revised, word?.id);
    expect(replaced.data?.addBidAttachment.attachments.map((a) => a.fileName)).toEqual(['Method statement.pdf', 'Pricing.xlsx', 'Approach.pdf']);
    const pricingId = attachments.find((a) => a.fileName === 'Pricing.xlsx')?.id ?? '';
    const download = (username: string, attachmentId: string) =>
      as(username).data<{ bidAttachment: Download | null }>(DOWNLOAD, { bidId: bid.id, attachmentId }).then((r) => r.bidAttachment);
    const own = await download('yasmin.provider', pricingId);
    expect(Buffer.from(own?.contentBase64 ?? '', 'base64')).toEqual(pricing);
    expect(own).toMatchObject({ fileName: 'Pricing.xlsx', sha256: sha(pricing) });

    // Sealed before the deadline from every other role: no document, no bid.
    for (const username of ['clara.commissioner', 'noah.commissioner', 'ed.commissioner', 'audrey.auditor', 'alex.admin', 'panel.kestrel', 'sam.provider']) {
      expect(await download(username, pricingId)).toBeNull();
      expect((await as(username).data<{ bid: unknown }>(BID, { id: bid.id })).bid).toBeNull();
    }
    expect(Date.now()).toBeLessThan(deadline.getTime());

    // After the deadline the documents can no longer change, and the tender's commissioner and an auditor may read them.
    await eventually(() => as('clara.commissioner').data<{ tender: { status: string } }>(TENDER, { id: tender.id }), ({ tender: t }) => t.status !== 'open', 30_000);
    expect(await codes(as('yasmin.provider').graphql(REMOVE, { bidId: bid.id, attachmentId: pricingId, key: newKey('remove') }))).toEqual(['TENDER_DEADLINE_PASSED']);
    expect(await codes(attach(as('yasmin.provider'), 'Late.pdf', DOCUMENT_TYPES.pdf, pdfDocument('Late')))).toEqual(['TENDER_DEADLINE_PASSED']);
    const forCouncil = await eventually(() => download('clara.commissioner', pricingId), (found) => found !== null);
    expect(Buffer.from(forCouncil?.contentBase64 ?? '', 'base64')).toEqual(pricing);
    expect(Buffer.from((await download('audrey.auditor', pricingId))?.contentBase64 ?? '', 'base64')).toEqual(pricing);
    for (const username of ['ed.commissioner', 'alex.admin', 'panel.kestrel', 'sam.provider']) expect(await download(username, pricingId)).toBeNull();
    // The replaced Word document is no longer part of the bid, but its bytes stay on disk, named in the bid's history.
    expect(await download('clara.commissioner', word?.id ?? '')).toBeNull();
    expect(fs.existsSync(path.join(platform.dataDir, 'bid-attachments', sha(approach).slice(0, 2), sha(approach)))).toBe(true);
  }, 90_000);
});
