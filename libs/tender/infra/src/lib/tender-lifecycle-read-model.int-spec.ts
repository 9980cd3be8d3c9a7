import type { Actor, RecordedEvent } from '@tendril/shared/event-store';
import { type TenderEvent, tenderStreamName } from '@tendril/tender/domain';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { TENDER_READ_MODEL_ENTITIES } from './tender-read-model.entities';
import { applyToTenderReadModel } from './tender.projection';
import { TypeormTenderReadModel } from './typeorm-tender-read-model';

const COUNCIL = 'org-northmoor';
const commissioner: Actor = { userId: 'u-clara', role: 'commissioner', organisationId: COUNCIL };
const AT = '2026-03-02T09:30:00.000Z';
const ENDS = '2026-03-13T00:00:00.000Z';

const content = {
  title: 'Open-access youth work',
  description: '',
  category: 'youth-work',
  lots: [
    { lotId: 'NORTH', title: 'North', estimatedValuePence: 100, area: 'North' },
    { lotId: 'SOUTH', title: 'South', estimatedValuePence: 50 },
  ],
  criteria: [{ criterionId: 'Q', name: 'Quality', kind: 'quality' as const, weightPercent: 100 }],
  lightTouchRegime: false,
  suitableForVcse: true,
  reservedParticipation: false,
  documents: [],
};
const proposal = (lotId: string) => ({
  type: 'AwardProposed' as const,
  data: {
    tenderId: 't-1',
    organisationId: COUNCIL,
    lotId,
    bidId: `bid-${lotId}`,
    supplierOrganisationId: 'org-brightpath',
    valuePence: 90,
    rationale: 'Ranked first',
    evidenceRefs: [],
    contractStartDate: '2026-04-01',
    contractEndDate: '2027-03-31',
    paymentTermsDays: 30,
    standstillPeriod: '8 working days',
    proposedAt: AT,
    standstillEndsAt: ENDS,
  },
});

const events: TenderEvent[] = [
  {
    type: 'TenderDrafted',
    data: { tenderId: 't-1', organisationId: COUNCIL, ...content, submissionDeadline: null, clarificationDeadline: null, planId: null, strandId: null, area: null, retenderOfTenderId: 't-0', reason: 'Decommissioned', draftedAt: '2026-01-10T09:00:00.000Z' },
  },
  {
    type: 'TenderPublished',
    data: { tenderId: 't-1', organisationId: COUNCIL, ...content, submissionDeadline: '2026-03-01T12:00:00.000Z', clarificationDeadline: '2026-03-01T12:00:00.000Z', planId: null, strandId: null, area: null, retenderOfTenderId: 't-0', publishedAt: '2026-02-01T09:00:00.000Z' },
  },
  { type: 'TenderClosed', data: { tenderId: 't-1', closedAt: '2026-03-01T12:00:01.000Z' } },
  { type: 'EvaluationStarted', data: { tenderId: 't-1', bids: [], openedAt: '2026-03-01T12:00:02.000Z' } },
  proposal('NORTH'),
  proposal('SOUTH'),
  { type: 'AwardChallenged', data: { tenderId: 't-1', lotId: 'SOUTH', challengeId: 'c-1', challengerOrganisationId: 'org-kindred', grounds: 'Not scored', challengedAt: AT } },
];

const recorded = (event: TenderEvent, position: number): RecordedEvent =>
  ({
    id: `event-${position}`,
    streamName: tenderStreamName('t-1'),
    type: event.type,
    data: event.data,
    position,
    revision: position,
    metadata: { occurredAt: AT, actor: commissioner, correlationId: 'corr', causationId: null, schemaVersion: 1 },
  }) as unknown as RecordedEvent;

describe('The tender read model through drafts, standstill and challenges (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let tenders: TypeormTenderReadModel;
  let position = 0;
  const apply = async (event: TenderEvent) => dataSource.transaction((manager) => applyToTenderReadModel(recorded(event, ++position), manager));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tender-lifecycle-rm-'));
    dataSource = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'rm.sqlite'), entities: [...TENDER_READ_MODEL_ENTITIES], synchronize: true });
    await dataSource.initialize();
    tenders = new TypeormTenderReadModel(dataSource, { waitForPosition: () => Promise.resolve() });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists a draft only to its council and keeps its re-tender link through publication', async () => {
    const [drafted] = events;
    if (!drafted) throw new Error('unreachable');
    await apply(drafted);
    expect(await tenders.findTender('t-1')).toMatchObject({ status: 'draft', publishedAt: null, submissionDeadline: null, retenderOfTenderId: 't-0' });
    expect((await tenders.listTenders({ first: 10 })).items).toEqual([]);
    expect((await tenders.listTenders({ first: 10, draftsOf: 'org-eastbridge' })).items).toEqual([]);
    expect((await tenders.listTenders({ first: 10, draftsOf: COUNCIL })).items.map((t) => t.tenderId)).toEqual(['t-1']);
    for (const event of events.slice(1)) await apply(event);
    expect(await tenders.findTender('t-1')).toMatchObject({ status: 'standstill', draftedAt: '2026-01-10T09:00:00.000Z', retenderOfTenderId: 't-0' });
  });

  it('gives the scheduler the awards whose standstill ended, never one under challenge', async () => {
    expect(await tenders.findAwardsDueForFinalising(new Date('2026-03-12T23:59:59.000Z'))).toEqual([]);
    expect(await tenders.findAwardsDueForFinalising(new Date(ENDS))).toEqual([{ tenderId: 't-1', lotId: 'NORTH', standstillEndsAt: ENDS }]);
    expect((await tenders.findTender('t-1'))?.lots.map((lot) => [lot.lotId, lot.stage])).toEqual([
      ['NORTH', 'standstill'],
      ['SOUTH', 'challenged'],
    ]);
  });

  it('resumes the standstill when the challenge is dismissed, and forgets the award once final', async () => {
    await apply({ type: 'ChallengeResolved', data: { tenderId: 't-1', lotId: 'SOUTH', challengeId: 'c-1', outcome: 'dismissed', reasoning: 'Scored', resolvedAt: AT } });
    expect((await tenders.findAwardsDueForFinalising(new Date(ENDS))).map((due) => due.lotId)).toEqual(['NORTH', 'SOUTH']);
    await apply({
      type: 'LotAwarded',
      data: { ...proposal('NORTH').data, awardedAt: ENDS, planId: null, strandId: null },
    });
    expect((await tenders.findAwardsDueForFinalising(new Date(ENDS))).map((due) => due.lotId)).toEqual(['SOUTH']);
    const view = await tenders.findTender('t-1');
    expect(view?.challenges).toEqual([expect.objectContaining({ challengeId: 'c-1', outcome: 'dismissed', reasoning: 'Scored' })]);
    expect(view?.status).toBe('standstill');
  });

  it('sends a withdrawn award back to evaluation and off the scheduler', async () => {
    await apply({ type: 'AwardWithdrawn', data: { tenderId: 't-1', lotId: 'SOUTH', bidId: 'bid-SOUTH', reason: 'Upheld', withdrawnAt: AT } });
    expect(await tenders.findAwardsDueForFinalising(new Date(ENDS))).toEqual([]);
    expect(await tenders.findTender('t-1')).toMatchObject({ status: 'under_evaluation', lots: [{ stage: 'awarded' }, { stage: 'under_evaluation', proposal: null }] });
  });
});
