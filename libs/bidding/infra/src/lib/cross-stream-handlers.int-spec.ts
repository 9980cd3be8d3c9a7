/// <reference types="jest" />
import {
  AddBidAttachmentCommand,
  AddBidAttachmentHandler,
  BiddingReactions,
  RemoveBidAttachmentCommand,
  RemoveBidAttachmentHandler,
  SubmitBidCommand,
  SubmitBidHandler,
  WithdrawBidCommand,
  WithdrawBidHandler,
} from '@tendril/bidding/application';
import {
  bidStreamName,
  competitionStreamName,
  evaluatorsStreamName,
  type LotEvaluationCompleted,
  providerStreamName,
} from '@tendril/bidding/domain';
import { type Clock, DomainRuleBroken, type RequestContext } from '@tendril/shared/ddd';
import { type Actor, type EventStore, NO_STREAM, type RecordedEvent } from '@tendril/shared/event-store';
import { openSqliteEventStore, type SqliteEventStore } from '@tendril/shared/event-store-sqlite';
import { DOCUMENT_TYPES, pdfDocument, wordDocument } from '@tendril/shared/testing';
import { tenderIntegrationStreamName } from '@tendril/tender/contracts';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileBidAttachmentStore } from './file-bid-attachment-store';

// The application handlers that write to more than one place, against a real SQLite store file (and,
// for documents, real files on disk): each either completes on every stream or, refused, changes none,
// and a retry or a redelivery after a crash in between completes the work without doing any of it twice.

const TENDER = 'tender-int-1';
const DEADLINE = '2030-03-01T12:00:00.000Z';
const BEFORE = new Date('2030-02-10T09:00:00.000Z');
const charity: Actor = { userId: 'u-yasmin', role: 'provider', organisationId: 'org-charity' };
const landlord: Actor = { userId: 'u-harriet', role: 'prime', organisationId: 'org-landlord' };
const system: Actor = { userId: 'test', role: 'system', organisationId: null };

class TestClock implements Clock {
  current = BEFORE;
  now(): Date {
    return this.current;
  }
}

const contextOf = (actor: Actor, seed: string = randomUUID()): RequestContext => ({ actor, correlationId: `corr-${seed}`, idempotencySeed: seed });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Cross-stream bidding handlers on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let clock: TestClock;
  let reactions: BiddingReactions;

  const events = async (streamName: string): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    try {
      for await (const event of store.readStream(streamName)) found.push(event);
    } catch {
      return [];
    }
    return found;
  };
  const types = async (streamName: string) => (await events(streamName)).map((e) => e.type);
  const append = async (streamName: string, type: string, data: unknown) =>
    store.appendToStream(
      streamName,
      [{ type, data, metadata: { eventId: randomUUID(), schemaVersion: 1, occurredAt: clock.now().toISOString(), correlationId: 'seed', causationId: null, actor: system } }],
      { expectedRevision: (await events(streamName)).at(-1)?.revision ?? NO_STREAM },
    );
  /** Publishes a tender integration event and delivers it to the reaction, as the projector would. */
  const deliver = async (type: string, data: unknown): Promise<RecordedEvent> => {
    await append(tenderIntegrationStreamName(TENDER), type, data);
    const published = (await events(tenderIntegrationStreamName(TENDER))).at(-1);
    if (!published) throw new Error('nothing published');
    await reactions.react(published);
    return published;
  };
  const register = async (organisationId: string, userId: string) => {
    await append(providerStreamName(organisationId), 'ProviderRegistered', {
      organisationId,
      name: organisationId,
      kind: 'voluntary_community_group',
      charityNumber: null,
      companyNumber: null,
      schoolUrn: null,
      vcse: true,
      sme: true,
      serviceCategories: ['youth-work'],
      serviceAreas: ['North'],
      firstMember: { userId, displayName: userId, role: 'administrator' },
      registeredAt: '2030-01-05T09:00:00.000Z',
    });
    await append(providerStreamName(organisationId), 'DueDiligenceDeclared', {
      organisationId,
      kind: 'safeguarding_policy',
      statement: 'Adopted by the board',
      evidenceRefs: ['minute-1'],
      declaredAt: '2030-01-05T10:00:00.000Z',
      expiresAt: '2031-01-05T10:00:00.000Z',
    });
  };
  const bidInput = (lotId = 'NORTH', pricePence = 1_000_000) => ({
    tenderId: TENDER,
    lotId,
    pricePence,
    qualityAnswers: [{ criterionId: 'Q1', answer: 'Four evenings a week' }],
    socialValueCommitments: '',
    subcontractors: [],
    consortium: null,
  });
  const submit = (actor: Actor, seed?: string, lotId = 'NORTH', on: EventStore = store) =>
    new SubmitBidHandler(on, clock).execute(new SubmitBidCommand(bidInput(lotId), contextOf(actor, seed)));
  const codeOf = async (work: Promise<unknown>): Promise<string> => {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainRuleBroken) return error.code;
      throw error;
    }
    return 'NO_ERROR';
  };
  /** A store whose next append to a stream with this prefix fails as if the process died just before it. */
  const crashingBefore = (prefix: string): EventStore => {
    let crashed = false;
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'appendToStream') {
          return (streamName: string, ...rest: unknown[]) => {
            if (!crashed && streamName.startsWith(prefix)) {
              crashed = true;
              return Promise.reject(new Error('process killed'));
            }
            return (target.appendToStream as (...args: unknown[]) => Promise<unknown>)(streamName, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidding-int-'));
    store = await openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    clock = new TestClock();
    reactions = new BiddingReactions(store, clock);
    await deliver('tender.tender-published.v1', {
      tenderId: TENDER,
      organisationId: 'org-council',
      title: 'Youth work',
      category: 'youth-work',
      lots: [
        { lotId: 'NORTH', title: 'North', estimatedValuePence: 10_000_000 },
        { lotId: 'SOUTH', title: 'South', estimatedValuePence: 10_000_000 },
      ],
      criteria: [
        { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 70 },
        { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
      ],
      submissionDeadline: DEADLINE,
      lightTouchRegime: true,
      suitableForVcse: true,
      reservedParticipation: false,
      publishedAt: BEFORE.toISOString(),
    });
    await register('org-charity', 'u-yasmin');
    await register('org-landlord', 'u-harriet');
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('submitting a bid (competition, then bid: ADR 0015)', () => {
    it('writes the entry and the sealed content together', async () => {
      const { bidId } = await submit(charity);
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered']);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
    });

    it('writes nothing anywhere when refused', async () => {
      await submit(charity);
      const before = await types(competitionStreamName(TENDER));
      expect(await codeOf(submit(charity))).toBe('BID_ALREADY_SUBMITTED_FOR_LOT');
      expect(await codeOf(new SubmitBidHandler(store, clock).execute(new SubmitBidCommand({ ...bidInput(), lotId: 'EAST' }, contextOf(landlord))))).toBe('LOT_NOT_FOUND');
      expect(await types(competitionStreamName(TENDER))).toEqual(before);
      const bidStreams = (await events(competitionStreamName(TENDER))).filter((e) => e.type === 'BidEntered');
      expect(bidStreams).toHaveLength(1);
    });

    it('completes the bid on retry after a crash between the two appends, without a second entry', async () => {
      const seed = randomUUID();
      await expect(submit(charity, seed, 'NORTH', crashingBefore('bid-'))).rejects.toThrow('process killed');
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered']);
      const { bidId } = await submit(charity, seed);
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered']);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
      // And the retry of a completed request records nothing more.
      await submit(charity, seed);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
    });

    it('lets only one of two racing submissions for the same lot through', async () => {
      const outcomes = await Promise.all([codeOf(submit(charity)), codeOf(submit(charity)), codeOf(submit(charity))]);
      expect(outcomes.sort()).toEqual(['BID_ALREADY_SUBMITTED_FOR_LOT', 'BID_ALREADY_SUBMITTED_FOR_LOT', 'NO_ERROR']);
      expect((await types(competitionStreamName(TENDER))).filter((t) => t === 'BidEntered')).toHaveLength(1);
    });
  });

  describe('withdrawing a bid', () => {
    it('frees the lot and marks the bid, and completes both on retry after a crash in between', async () => {
      const { bidId } = await submit(charity);
      const seed = randomUUID();
      const withdraw = (on: EventStore) => new WithdrawBidHandler(on, clock).execute(new WithdrawBidCommand(bidId, contextOf(charity, seed)));
      await expect(withdraw(crashingBefore('bid-'))).rejects.toThrow('process killed');
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered', 'BidEntryWithdrawn']);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
      await withdraw(store);
      await withdraw(store);
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered', 'BidEntryWithdrawn']);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted', 'BidWithdrawn']);
      expect(await codeOf(submit(charity))).toBe('NO_ERROR');
    });

    it('changes neither stream for someone else’s bid', async () => {
      const { bidId } = await submit(charity);
      expect(await codeOf(new WithdrawBidHandler(store, clock).execute(new WithdrawBidCommand(bidId, contextOf(landlord))))).toBe('BID_NOT_FOUND');
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'BidEntered']);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
    });
  });

  describe('reactions that write to many bids', () => {
    it('open every listed bid at close, and a redelivery after a crash midway finishes without opening any twice', async () => {
      const first = await submit(charity);
      const second = await submit(landlord);
      clock.current = new Date(DEADLINE);
      await deliver('tender.tender-closed.v1', { tenderId: TENDER, closedAt: DEADLINE });
      const closed = (await events(competitionStreamName(TENDER))).find((e) => e.type === 'CompetitionClosed');
      if (!closed) throw new Error('not closed');
      // Re-run the reaction to the close as a crashed projector would, once with the second bid's append failing.
      const crashing = new BiddingReactions(crashingBefore(bidStreamName(second.bidId)), clock);
      await crashing.react(closed).catch(() => undefined);
      await reactions.react(closed);
      await reactions.react(closed);
      expect(await types(bidStreamName(first.bidId))).toEqual(['BidSubmitted', 'BidOpened']);
      expect(await types(bidStreamName(second.bidId))).toEqual(['BidSubmitted', 'BidOpened']);
    });

    it('record every live bid’s outcome once when the lot is awarded, however often the award is delivered', async () => {
      const winner = await submit(charity);
      const loser = await submit(landlord);
      clock.current = new Date(DEADLINE);
      await deliver('tender.tender-closed.v1', { tenderId: TENDER, closedAt: DEADLINE });
      const closed = (await events(competitionStreamName(TENDER))).find((e) => e.type === 'CompetitionClosed');
      if (closed) await reactions.react(closed);
      const awarded = await deliver('tender.lot-awarded.v1', {
        tenderId: TENDER,
        organisationId: 'org-council',
        lotId: 'NORTH',
        bidId: winner.bidId,
        supplierOrganisationId: 'org-charity',
        valuePence: 1_000_000,
        contractStartDate: '2030-04-01',
        contractEndDate: '2033-03-31',
        paymentTermsDays: 30,
        awardedAt: DEADLINE,
      });
      await reactions.react(awarded);
      const outcomes = async (bidId: string) => (await events(bidStreamName(bidId))).filter((e) => e.type === 'BidOutcomeRecorded').map((e) => (e.data as { successful: boolean }).successful);
      expect(await outcomes(winner.bidId)).toEqual([true]);
      expect(await outcomes(loser.bidId)).toEqual([false]);
    });
  });

  describe('an extended deadline', () => {
    const extend = (submissionDeadline: string) =>
      deliver('tender.deadline-extended.v1', { tenderId: TENDER, previousSubmissionDeadline: DEADLINE, submissionDeadline, reason: 'Specification clarified', extendedAt: BEFORE.toISOString() });

    it('takes bids after the old deadline and refuses them at the new one; redelivery records nothing', async () => {
      const published = await extend('2030-03-15T12:00:00.000Z');
      await reactions.react(published);
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'CompetitionDeadlineExtended']);
      clock.current = new Date('2030-03-02T09:00:00.000Z');
      expect(await codeOf(submit(charity))).toBe('NO_ERROR');
      clock.current = new Date('2030-03-15T12:00:00.000Z');
      expect(await codeOf(submit(landlord))).toBe('TENDER_DEADLINE_PASSED');
    });

    it('is logged and skipped, not retried for ever, when the competition has already closed', async () => {
      clock.current = new Date(DEADLINE);
      await deliver('tender.tender-closed.v1', { tenderId: TENDER, closedAt: DEADLINE });
      await expect(extend('2030-03-15T12:00:00.000Z')).resolves.toBeDefined();
      expect(await types(competitionStreamName(TENDER))).toEqual(['CompetitionOpened', 'CompetitionClosed']);
    });
  });

  describe('a withdrawn award', () => {
    it('reopens the lot’s completed evaluation once, however often it is delivered', async () => {
      const completed: LotEvaluationCompleted['data'] = {
        tenderId: TENDER,
        commissionerOrganisationId: 'org-council',
        lotId: 'NORTH',
        ranking: [{ rank: 1, bidId: 'bid-x', organisationId: 'org-charity', pricePence: 1, totalScore: 90, scores: [] }],
        priceFormula: 'lowest-price-over-price',
        tieBreakRule: 'higher-quality',
        evidenceRefs: [],
        completedAt: DEADLINE,
      };
      await append(evaluatorsStreamName(TENDER), 'EvaluatorAssigned', { tenderId: TENDER, commissionerOrganisationId: 'org-council', evaluatorUserId: 'u-clara', displayName: 'Clara', assignedAt: DEADLINE });
      await append(evaluatorsStreamName(TENDER), 'LotEvaluationCompleted', completed);
      const withdrawn = await deliver('tender.award-withdrawn.v1', { tenderId: TENDER, lotId: 'NORTH', bidId: 'bid-x', reason: 'Challenge upheld', withdrawnAt: DEADLINE });
      await reactions.react(withdrawn);
      const reopened = (await events(evaluatorsStreamName(TENDER))).filter((e) => e.type === 'LotEvaluationReopened');
      expect(reopened.map((e) => e.data)).toEqual([
        { tenderId: TENDER, lotId: 'NORTH', withdrawnAwardBidId: 'bid-x', reason: 'Challenge upheld', reopenedBidIds: ['bid-x'], reopenedAt: BEFORE.toISOString() },
      ]);
    });
  });

  describe('attaching documents (bytes on disk, then the bid’s event)', () => {
    let attachmentsDir: string;
    let attachments: FileBidAttachmentStore;
    const settings = { maxBytes: 64 * 1024 };
    const addHandler = (on: EventStore = store) => new AddBidAttachmentHandler(on, clock, attachments, settings);
    const attach = (bidId: string, content: Buffer, options: { actor?: Actor; seed?: string; contentType?: string; fileName?: string; replaces?: string } = {}) =>
      addHandler().execute(
        new AddBidAttachmentCommand(
          { bidId, fileName: options.fileName ?? 'Method statement.pdf', contentType: options.contentType ?? DOCUMENT_TYPES.pdf, content, replacesAttachmentId: options.replaces ?? null },
          contextOf(options.actor ?? charity, options.seed),
        ),
      );
    const filesOnDisk = (): string[] =>
      fs.existsSync(attachmentsDir) ? fs.readdirSync(attachmentsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort() : [];

    beforeEach(() => {
      attachmentsDir = path.join(dir, 'bid-attachments');
      attachments = new FileBidAttachmentStore(attachmentsDir);
    });

    it('stores the bytes under their SHA-256 and records the hash in the bid’s event', async () => {
      const { bidId } = await submit(charity);
      const pdf = pdfDocument('Our method');
      await attach(bidId, pdf);
      const [, added] = await events(bidStreamName(bidId));
      expect(added).toMatchObject({ type: 'BidAttachmentAdded', data: { fileName: 'Method statement.pdf', contentType: DOCUMENT_TYPES.pdf, sizeBytes: pdf.length, sha256: sha(pdf) } });
      expect(filesOnDisk()).toEqual([sha(pdf)]);
      expect(fs.readFileSync(path.join(attachmentsDir, sha(pdf).slice(0, 2), sha(pdf)))).toEqual(pdf);
      expect(await attachments.get(sha(pdf))).toEqual(pdf);
    });

    it('keeps one file for the same content attached to two bids', async () => {
      const pdf = pdfDocument('Safeguarding policy');
      const first = await submit(charity);
      const second = await submit(landlord);
      await attach(first.bidId, pdf);
      await attach(second.bidId, pdf, { actor: landlord });
      expect(filesOnDisk()).toEqual([sha(pdf)]);
    });

    it('writes neither file nor event when the file is refused', async () => {
      const { bidId } = await submit(charity);
      expect(await codeOf(attach(bidId, Buffer.from('<html>not a pdf</html>')))).toBe('ATTACHMENT_CONTENT_DOES_NOT_MATCH_TYPE');
      expect(await codeOf(attach(bidId, Buffer.alloc(settings.maxBytes + 1, 0x25)))).toBe('ATTACHMENT_TOO_LARGE');
      expect(await codeOf(attach(bidId, pdfDocument('Theirs'), { actor: landlord }))).toBe('BID_NOT_FOUND');
      clock.current = new Date(DEADLINE);
      expect(await codeOf(attach(bidId, pdfDocument('Late')))).toBe('TENDER_DEADLINE_PASSED');
      expect(filesOnDisk()).toEqual([]);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted']);
    });

    it('completes on retry when the process died between the file and the event, with one file and one event', async () => {
      const { bidId } = await submit(charity);
      const word = wordDocument('Our approach');
      const seed = randomUUID();
      const request = (on: EventStore) =>
        new AddBidAttachmentHandler(on, clock, attachments, settings).execute(
          new AddBidAttachmentCommand({ bidId, fileName: 'Approach.docx', contentType: DOCUMENT_TYPES.docx, content: word, replacesAttachmentId: null }, contextOf(charity, seed)),
        );
      await expect(request(crashingBefore('bid-'))).rejects.toThrow('process killed');
      expect(filesOnDisk()).toEqual([sha(word)]);
      await request(store);
      await request(store);
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted', 'BidAttachmentAdded']);
      expect(filesOnDisk()).toEqual([sha(word)]);
    });

    it('replaces and removes documents in the bid’s history while keeping the bytes of what was submitted', async () => {
      const { bidId } = await submit(charity);
      const draft = pdfDocument('Draft');
      const final = pdfDocument('Final');
      await attach(bidId, draft);
      const [, added] = await events(bidStreamName(bidId));
      const draftId = (added?.data as { attachmentId: string }).attachmentId;
      await attach(bidId, final, { replaces: draftId });
      const finalId = ((await events(bidStreamName(bidId))).at(-1)?.data as { attachmentId: string }).attachmentId;
      await new RemoveBidAttachmentHandler(store, clock).execute(new RemoveBidAttachmentCommand({ bidId, attachmentId: finalId }, contextOf(charity)));
      expect(await types(bidStreamName(bidId))).toEqual(['BidSubmitted', 'BidAttachmentAdded', 'BidAttachmentRemoved', 'BidAttachmentAdded', 'BidAttachmentRemoved']);
      expect(filesOnDisk()).toEqual([sha(draft), sha(final)].sort());
    });

    it('refuses to serve bytes that no longer match their hash', async () => {
      const pdf = pdfDocument('Tampered');
      const hash = await attachments.put(pdf);
      fs.writeFileSync(path.join(attachmentsDir, hash.slice(0, 2), hash), Buffer.concat([pdf, Buffer.from('x')]));
      await expect(attachments.get(hash)).rejects.toThrow('no longer matches its hash');
      expect(await attachments.get('0'.repeat(64))).toBeNull();
    });
  });
});
