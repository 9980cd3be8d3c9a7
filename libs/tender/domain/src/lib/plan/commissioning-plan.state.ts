import type { DeliveryModel, OutcomeMeasure, ProviderKind } from './commissioning-plan.commands';
import type { CommissioningPlanEvent } from './commissioning-plan.events';

export interface PlanStrand {
  readonly strandId: string;
  readonly budgetPence: number;
  readonly deliveryModel: DeliveryModel;
  readonly reasonForNoEngagement: string | null;
  readonly releasedForTender: boolean;
}

export interface EngagementNotice {
  readonly noticeId: string;
  readonly strandIds: readonly string[];
  readonly respondBy: string;
  /** Organisation id -> its kind; one registration per organisation. */
  readonly interested: Readonly<Record<string, ProviderKind>>;
}

export interface DraftedPlan {
  readonly status: 'drafted';
  readonly planId: string;
  readonly organisationId: string;
  readonly totalBudgetPence: number;
  readonly outcomes: readonly OutcomeMeasure[];
  readonly strands: readonly PlanStrand[];
  readonly evidenceIds: readonly string[];
  readonly notices: readonly EngagementNotice[];
}

export type CommissioningPlanState = { readonly status: 'none' } | DraftedPlan;

export const initialCommissioningPlanState = (): CommissioningPlanState => ({ status: 'none' });

const drafted = (state: CommissioningPlanState, eventType: string): DraftedPlan => {
  if (state.status === 'none') throw new Error(`${eventType} applied to a plan that was never drafted`);
  return state;
};

const updateStrand = (plan: DraftedPlan, strandId: string, change: Partial<PlanStrand>): DraftedPlan => ({
  ...plan,
  strands: plan.strands.map((strand) => (strand.strandId === strandId ? { ...strand, ...change } : strand)),
});

export const evolveCommissioningPlan = (state: CommissioningPlanState, event: CommissioningPlanEvent): CommissioningPlanState => {
  switch (event.type) {
    case 'CommissioningPlanDrafted': {
      const { data } = event;
      return {
        status: 'drafted',
        planId: data.planId,
        organisationId: data.organisationId,
        totalBudgetPence: data.inHouseBudgetPence + data.externalBudgetPence,
        outcomes: data.outcomes,
        strands: [],
        evidenceIds: [],
        notices: [],
      };
    }
    case 'OutcomeMeasureAdded': {
      const plan = drafted(state, event.type);
      return { ...plan, outcomes: [...plan.outcomes, event.data.measure] };
    }
    case 'StrandAdded': {
      const plan = drafted(state, event.type);
      const { data } = event;
      const strand: PlanStrand = {
        strandId: data.strandId,
        budgetPence: data.budgetPence,
        deliveryModel: data.deliveryModel,
        reasonForNoEngagement: null,
        releasedForTender: false,
      };
      return { ...plan, strands: [...plan.strands, strand] };
    }
    case 'NeedsEvidenceRecorded': {
      const plan = drafted(state, event.type);
      return { ...plan, evidenceIds: [...plan.evidenceIds, event.data.evidenceId] };
    }
    case 'MarketEngagementNoticePublished': {
      const plan = drafted(state, event.type);
      const { data } = event;
      return { ...plan, notices: [...plan.notices, { noticeId: data.noticeId, strandIds: data.strandIds, respondBy: data.respondBy, interested: {} }] };
    }
    case 'MarketInterestRegistered': {
      const plan = drafted(state, event.type);
      const { data } = event;
      return {
        ...plan,
        notices: plan.notices.map((notice) =>
          notice.noticeId === data.noticeId
            ? { ...notice, interested: { ...notice.interested, [data.providerOrganisationId]: data.providerKind } }
            : notice,
        ),
      };
    }
    case 'NoMarketEngagementReasonRecorded':
      return updateStrand(drafted(state, event.type), event.data.strandId, { reasonForNoEngagement: event.data.reason });
    case 'StrandReleasedForTender':
      return updateStrand(drafted(state, event.type), event.data.strandId, { releasedForTender: true });
    default: {
      const unknown: never = event;
      throw new Error(`Unknown commissioning plan event ${(unknown as { type: string }).type}`);
    }
  }
};
