import type { MarketInterestView, NeedsEvidenceView, PlanStrandView } from '@tendril/tender/application';
import type { CommissioningPlanEvent, OutcomeMeasure } from '@tendril/tender/domain';
import type { EntityManager } from 'typeorm';
import { CommissioningPlanRow, EngagementNoticeRow } from './commissioning-plan-read-model.entities';

/** The strand as stored; the kinds of provider engaged are derived from the notices when read. */
export type StoredStrand = Omit<PlanStrandView, 'providerKindsEngaged'>;

const changeStrand = async (manager: EntityManager, planId: string, strandId: string, change: Partial<StoredStrand>, position: number) => {
  const plans = manager.getRepository(CommissioningPlanRow);
  const row = await plans.findOneByOrFail({ planId });
  const strands = (JSON.parse(row.strandsJson) as StoredStrand[]).map((strand) => (strand.strandId === strandId ? { ...strand, ...change } : strand));
  await plans.update({ planId }, { strandsJson: JSON.stringify(strands), lastPosition: position });
};

/** Applies one commissioning plan event inside the projector's transaction. */
export const applyCommissioningPlanEvent = async (event: CommissioningPlanEvent, position: number, manager: EntityManager): Promise<void> => {
  const plans = manager.getRepository(CommissioningPlanRow);
  const notices = manager.getRepository(EngagementNoticeRow);
  switch (event.type) {
    case 'CommissioningPlanDrafted': {
      const d = event.data;
      await plans.save({
        planId: d.planId,
        organisationId: d.organisationId,
        title: d.title,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        inHouseBudgetPence: d.inHouseBudgetPence,
        externalBudgetPence: d.externalBudgetPence,
        outcomesJson: JSON.stringify(d.outcomes),
        strandsJson: '[]',
        evidenceJson: '[]',
        draftedAt: d.draftedAt,
        lastPosition: position,
        draftedPosition: position,
      });
      return;
    }
    case 'OutcomeMeasureAdded': {
      const row = await plans.findOneByOrFail({ planId: event.data.planId });
      const outcomes = [...(JSON.parse(row.outcomesJson) as OutcomeMeasure[]), event.data.measure];
      await plans.update({ planId: row.planId }, { outcomesJson: JSON.stringify(outcomes), lastPosition: position });
      return;
    }
    case 'StrandAdded': {
      const d = event.data;
      const row = await plans.findOneByOrFail({ planId: d.planId });
      const strand: StoredStrand = {
        strandId: d.strandId,
        name: d.name,
        area: d.area,
        budgetPence: d.budgetPence,
        deliveryModel: d.deliveryModel,
        optionsAppraisal: d.optionsAppraisal,
        inHouseRationale: d.inHouseRationale,
        reasonForNoEngagement: null,
        releasedForTenderAt: null,
      };
      await plans.update({ planId: d.planId }, { strandsJson: JSON.stringify([...(JSON.parse(row.strandsJson) as StoredStrand[]), strand]), lastPosition: position });
      return;
    }
    case 'NeedsEvidenceRecorded': {
      const { planId, ...evidence } = event.data;
      const row = await plans.findOneByOrFail({ planId });
      const all: NeedsEvidenceView[] = [...(JSON.parse(row.evidenceJson) as NeedsEvidenceView[]), evidence];
      await plans.update({ planId }, { evidenceJson: JSON.stringify(all), lastPosition: position });
      return;
    }
    case 'MarketEngagementNoticePublished': {
      const d = event.data;
      await notices.save({
        noticeId: d.noticeId,
        planId: d.planId,
        organisationId: d.organisationId,
        strandIdsJson: JSON.stringify(d.strandIds),
        summary: d.summary,
        respondBy: d.respondBy,
        publishedAt: d.publishedAt,
        publishedPosition: position,
        interestsJson: '[]',
      });
      await plans.update({ planId: d.planId }, { lastPosition: position });
      return;
    }
    case 'MarketInterestRegistered': {
      const d = event.data;
      const notice = await notices.findOneByOrFail({ noticeId: d.noticeId });
      const interest: MarketInterestView = { providerOrganisationId: d.providerOrganisationId, providerKind: d.providerKind, registeredAt: d.registeredAt };
      await notices.update({ noticeId: d.noticeId }, { interestsJson: JSON.stringify([...(JSON.parse(notice.interestsJson) as MarketInterestView[]), interest]) });
      await plans.update({ planId: d.planId }, { lastPosition: position });
      return;
    }
    case 'NoMarketEngagementReasonRecorded':
      await changeStrand(manager, event.data.planId, event.data.strandId, { reasonForNoEngagement: event.data.reason }, position);
      return;
    case 'StrandReleasedForTender':
      await changeStrand(manager, event.data.planId, event.data.strandId, { releasedForTenderAt: event.data.releasedAt }, position);
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled commissioning plan event ${(unknown as { type: string }).type}`);
    }
  }
};
