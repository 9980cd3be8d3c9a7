import type { Actor, RecordedEvent } from '@tendril/shared/event-store';
import { type CommissioningPlanEvent, commissioningPlanStreamName } from '@tendril/tender/domain';
import { biddingIntegrationStreamName, EVALUATION_COMPLETED_V1, PROVIDER_REGISTERED_V1, providerRegistryIntegrationStreamName } from '@tendril/bidding/contracts';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { TENDER_READ_MODEL_ENTITIES } from './tender-read-model.entities';
import { applyToTenderReadModel } from './tender.projection';
import { TypeormCommissioningPlanReadModel } from './typeorm-commissioning-plan-read-model';
import { TypeormRegisteredProviders } from './registered-providers';
import { TypeormTenderReadModel } from './typeorm-tender-read-model';

const COUNCIL = 'org-northmoor';
const commissioner: Actor = { userId: 'u-clara', role: 'commissioner', organisationId: COUNCIL };
const otherCouncil: Actor = { userId: 'u-ed', role: 'commissioner', organisationId: 'org-eastbridge' };
const charity: Actor = { userId: 'u-yasmin', role: 'provider', organisationId: 'org-brightpath' };
const landlord: Actor = { userId: 'u-harriet', role: 'prime', organisationId: 'org-moorland' };
const auditor: Actor = { userId: 'u-audrey', role: 'auditor', organisationId: null };
const AT = '2026-01-15T10:00:00.000Z';

const planEvents: CommissioningPlanEvent[] = [
  {
    type: 'CommissioningPlanDrafted',
    data: {
      planId: 'plan-1',
      organisationId: COUNCIL,
      title: 'Youth services 2026-2029',
      periodStart: '2026-04-01',
      periodEnd: '2029-03-31',
      inHouseBudgetPence: 3_000_000_000,
      externalBudgetPence: 7_000_000_000,
      outcomes: [
        { measureId: 'LAP', name: 'Learning', kind: 'learning_achievement_progress', target: '70%' },
        { measureId: 'REACH', name: 'Reach', kind: 'reach', target: '1,200' },
      ],
      draftedAt: AT,
    },
  },
  {
    type: 'StrandAdded',
    data: {
      planId: 'plan-1',
      strandId: 'OPEN',
      name: 'Open access',
      area: 'North',
      budgetPence: 5_000_000_000,
      deliveryModel: 'external',
      optionsAppraisal: { optionsConsidered: ['in-house', 'contract'], conclusion: 'Reach' },
      inHouseRationale: null,
      addedAt: AT,
    },
  },
  {
    type: 'NeedsEvidenceRecorded',
    data: { planId: 'plan-1', evidenceId: 'ev-1', conductedOn: '2025-11-20', method: 'survey', participants: 230, findings: 'Later opening', recordedAt: AT },
  },
  {
    type: 'MarketEngagementNoticePublished',
    data: { planId: 'plan-1', organisationId: COUNCIL, noticeId: 'n-1', strandIds: ['OPEN'], summary: 'Open access youth work', respondBy: '2026-02-15', publishedAt: AT },
  },
  {
    type: 'MarketInterestRegistered',
    data: { planId: 'plan-1', noticeId: 'n-1', providerOrganisationId: 'org-moorland', providerKind: 'social_landlord', registeredAt: AT },
  },
  {
    type: 'StrandReleasedForTender',
    data: {
      planId: 'plan-1',
      strandId: 'OPEN',
      deliveryModel: 'external',
      engagementNoticeIds: ['n-1'],
      providerKindsEngaged: ['social_landlord'],
      reasonForNoEngagement: null,
      releasedAt: '2026-02-20T09:00:00.000Z',
    },
  },
];

const recorded = (streamName: string, type: string, data: unknown, position: number): RecordedEvent =>
  ({
    id: `event-${position}`,
    streamName,
    type,
    data,
    position,
    revision: position,
    metadata: { occurredAt: AT, actor: commissioner, correlationId: 'corr', causationId: null, schemaVersion: 1 },
  }) as unknown as RecordedEvent;

describe('Tender read models for plans, registry and evaluations (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let readModel: TypeormCommissioningPlanReadModel;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tender-plan-rm-'));
    dataSource = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'rm.sqlite'), entities: [...TENDER_READ_MODEL_ENTITIES], synchronize: true });
    await dataSource.initialize();
    const events = [
      ...planEvents.map((event, index) => recorded(commissioningPlanStreamName('plan-1'), event.type, event.data, index + 1)),
      recorded(providerRegistryIntegrationStreamName('org-brightpath'), PROVIDER_REGISTERED_V1, { organisationId: 'org-brightpath', kind: 'registered_charity' }, 10),
      recorded(
        biddingIntegrationStreamName('tender-9'),
        EVALUATION_COMPLETED_V1,
        {
          tenderId: 'tender-9',
          lotId: 'lot-1',
          completedAt: AT,
          ranking: [
            { rank: 1, bidId: 'bid-a', supplierOrganisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 81.5, scores: [] },
            { rank: 2, bidId: 'bid-b', supplierOrganisationId: 'org-moorland', pricePence: 8_000_000, totalScore: 77.25, scores: [] },
          ],
          winner: { bidId: 'bid-a', supplierOrganisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 81.5 },
          priceFormula: 'lowest-price-over-price',
          tieBreakRule: 'higher-quality-then-lower-price-then-earlier-submission',
          evidenceRefs: ['moderation-lot-1'],
        },
        11,
      ),
    ];
    for (const event of events) await dataSource.transaction((manager) => applyToTenderReadModel(event, manager));
    readModel = new TypeormCommissioningPlanReadModel(dataSource, { waitForPosition: () => Promise.resolve() });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the council the plan with strands, evidence, engagement and budgets beyond 32 bits', async () => {
    const plan = await readModel.findPlan('plan-1', commissioner);
    expect(plan).toMatchObject({
      externalBudgetPence: 7_000_000_000,
      needsEvidence: [{ evidenceId: 'ev-1', method: 'survey', participants: 230 }],
      strands: [{ strandId: 'OPEN', providerKindsEngaged: ['social_landlord'], releasedForTenderAt: '2026-02-20T09:00:00.000Z' }],
      notices: [{ noticeId: 'n-1', interests: [{ providerOrganisationId: 'org-moorland', providerKind: 'social_landlord' }] }],
      lastPosition: 6,
    });
  });

  it('hides the plan from other councils and providers, but not from auditors', async () => {
    expect(await readModel.findPlan('plan-1', otherCouncil)).toBeNull();
    expect(await readModel.findPlan('plan-1', charity)).toBeNull();
    expect((await readModel.findPlan('plan-1', auditor))?.planId).toBe('plan-1');
    expect((await readModel.listPlans(otherCouncil, 10, null)).items).toEqual([]);
    expect((await readModel.listPlans(commissioner, 10, null)).items.map((p) => p.planId)).toEqual(['plan-1']);
  });

  it('lists open notices to providers, telling each only whether it answered itself', async () => {
    const [forLandlord] = await readModel.openNotices(landlord, '2026-02-15');
    expect(forLandlord).toMatchObject({ noticeId: 'n-1', interestRegistered: true, strands: [{ strandId: 'OPEN', name: 'Open access', area: 'North' }] });
    expect(forLandlord).not.toHaveProperty('interests');
    expect((await readModel.openNotices(charity, '2026-02-15'))[0]?.interestRegistered).toBe(false);
    expect(await readModel.openNotices(charity, '2026-02-16')).toEqual([]);
  });

  it("keeps each lot's published evaluation, ranked, for the award to follow", async () => {
    const tenders = new TypeormTenderReadModel(dataSource, { waitForPosition: () => Promise.resolve() });
    expect(await tenders.findLotEvaluation('tender-9', 'lot-1')).toEqual({
      tenderId: 'tender-9',
      lotId: 'lot-1',
      winnerBidId: 'bid-a',
      winnerOrganisationId: 'org-brightpath',
      winnerPricePence: 9_000_000,
      winnerTotalScore: 81.5,
      ranking: [
        { rank: 1, bidId: 'bid-a', supplierOrganisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 81.5 },
        { rank: 2, bidId: 'bid-b', supplierOrganisationId: 'org-moorland', pricePence: 8_000_000, totalScore: 77.25 },
      ],
      evidenceRefs: ['moderation-lot-1'],
      completedAt: AT,
    });
    expect(await tenders.findLotEvaluation('tender-9', 'lot-2')).toBeNull();
  });

  it('knows registered providers by the kind the plan records', async () => {
    const registry = new TypeormRegisteredProviders(dataSource);
    expect(await registry.kindOf('org-brightpath')).toBe('charity');
    expect(await registry.kindOf('org-unknown')).toBeNull();
  });
});
