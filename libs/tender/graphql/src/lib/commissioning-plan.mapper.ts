import type { CommissioningPlanView, ProviderNoticeView } from '@tendril/tender/application';
import {
  type CommissioningPlanModel,
  type ConsultationMethodGql,
  type DeliveryModelGql,
  type OpenMarketEngagementNoticeModel,
  type OutcomeMeasureKindGql,
  type OutcomeMeasureModel,
  ProviderKindGql,
} from './commissioning-plan.models';

export const toCommissioningPlanModel = (view: CommissioningPlanView): CommissioningPlanModel => {
  const outcomes: OutcomeMeasureModel[] = view.outcomes.map((measure) => ({ ...measure, kind: measure.kind as OutcomeMeasureKindGql }));
  const engaged = new Set(view.notices.flatMap((notice) => notice.interests.map((interest) => interest.providerKind)));
  return {
    id: view.planId,
    organisationId: view.organisationId,
    title: view.title,
    periodStart: view.periodStart,
    periodEnd: view.periodEnd,
    inHouseBudgetPence: view.inHouseBudgetPence,
    externalBudgetPence: view.externalBudgetPence,
    totalBudgetPence: view.inHouseBudgetPence + view.externalBudgetPence,
    outcomes,
    strands: view.strands.map((strand) => ({
      strandId: strand.strandId,
      name: strand.name,
      area: strand.area,
      budgetPence: strand.budgetPence,
      deliveryModel: strand.deliveryModel as DeliveryModelGql,
      optionsAppraisal: { optionsConsidered: [...strand.optionsAppraisal.optionsConsidered], conclusion: strand.optionsAppraisal.conclusion },
      inHouseRationale: strand.inHouseRationale,
      reasonForNoEngagement: strand.reasonForNoEngagement,
      providerKindsEngaged: strand.providerKindsEngaged.map((kind) => kind as ProviderKindGql),
      releasedForTenderAt: strand.releasedForTenderAt ? new Date(strand.releasedForTenderAt) : null,
      reportsAgainst: outcomes,
    })),
    needsEvidence: view.needsEvidence.map((evidence) => ({
      ...evidence,
      method: evidence.method as ConsultationMethodGql,
      recordedAt: new Date(evidence.recordedAt),
    })),
    marketEngagement: view.notices.map((notice) => ({
      id: notice.noticeId,
      strandIds: [...notice.strandIds],
      summary: notice.summary,
      respondBy: notice.respondBy,
      publishedAt: new Date(notice.publishedAt),
      interests: notice.interests.map((interest) => ({
        providerOrganisationId: interest.providerOrganisationId,
        providerKind: interest.providerKind as ProviderKindGql,
        registeredAt: new Date(interest.registeredAt),
      })),
    })),
    // Listed in the enum's order, so the answer does not depend on who answered first.
    providerKindsEngaged: Object.values(ProviderKindGql).filter((kind) => engaged.has(kind)),
    draftedAt: new Date(view.draftedAt),
  };
};

export const toOpenNoticeModel = (view: ProviderNoticeView): OpenMarketEngagementNoticeModel => ({
  id: view.noticeId,
  planId: view.planId,
  organisationId: view.organisationId,
  planTitle: view.planTitle,
  strands: view.strands.map((strand) => ({ ...strand })),
  summary: view.summary,
  respondBy: view.respondBy,
  publishedAt: new Date(view.publishedAt),
  interestRegistered: view.interestRegistered,
});
