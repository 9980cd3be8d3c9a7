import type { DomainEvent } from '@tendril/shared/ddd';
import type { ConsultationMethod, DeliveryModel, OptionsAppraisal, OutcomeMeasure, ProviderKind } from './commissioning-plan.commands';

export interface CommissioningPlanDraftedData {
  readonly planId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly inHouseBudgetPence: number;
  readonly externalBudgetPence: number;
  readonly outcomes: readonly OutcomeMeasure[];
  readonly draftedAt: string;
}

export interface OutcomeMeasureAddedData {
  readonly planId: string;
  readonly measure: OutcomeMeasure;
  readonly addedAt: string;
}

export interface StrandAddedData {
  readonly planId: string;
  readonly strandId: string;
  readonly name: string;
  readonly area: string | null;
  readonly budgetPence: number;
  readonly deliveryModel: DeliveryModel;
  readonly optionsAppraisal: OptionsAppraisal;
  readonly inHouseRationale: string | null;
  readonly addedAt: string;
}

export interface NeedsEvidenceRecordedData {
  readonly planId: string;
  readonly evidenceId: string;
  readonly conductedOn: string;
  readonly method: ConsultationMethod;
  readonly participants: number;
  readonly findings: string;
  readonly recordedAt: string;
}

export interface MarketEngagementNoticePublishedData {
  readonly planId: string;
  readonly organisationId: string;
  readonly noticeId: string;
  readonly strandIds: readonly string[];
  readonly summary: string;
  readonly respondBy: string;
  readonly publishedAt: string;
}

export interface MarketInterestRegisteredData {
  readonly planId: string;
  readonly noticeId: string;
  readonly providerOrganisationId: string;
  readonly providerKind: ProviderKind;
  readonly registeredAt: string;
}

export interface NoMarketEngagementReasonRecordedData {
  readonly planId: string;
  readonly strandId: string;
  readonly reason: string;
  readonly recordedAt: string;
}

export interface StrandReleasedForTenderData {
  readonly planId: string;
  readonly strandId: string;
  readonly deliveryModel: DeliveryModel;
  /** The evidence the release rests on: the notices that reached providers and the kinds engaged, or the reason for none. */
  readonly engagementNoticeIds: readonly string[];
  readonly providerKindsEngaged: readonly ProviderKind[];
  readonly reasonForNoEngagement: string | null;
  readonly releasedAt: string;
}

export type CommissioningPlanDrafted = DomainEvent<'CommissioningPlanDrafted', CommissioningPlanDraftedData>;
export type OutcomeMeasureAdded = DomainEvent<'OutcomeMeasureAdded', OutcomeMeasureAddedData>;
export type StrandAdded = DomainEvent<'StrandAdded', StrandAddedData>;
export type NeedsEvidenceRecorded = DomainEvent<'NeedsEvidenceRecorded', NeedsEvidenceRecordedData>;
export type MarketEngagementNoticePublished = DomainEvent<'MarketEngagementNoticePublished', MarketEngagementNoticePublishedData>;
export type MarketInterestRegistered = DomainEvent<'MarketInterestRegistered', MarketInterestRegisteredData>;
export type NoMarketEngagementReasonRecorded = DomainEvent<'NoMarketEngagementReasonRecorded', NoMarketEngagementReasonRecordedData>;
export type StrandReleasedForTender = DomainEvent<'StrandReleasedForTender', StrandReleasedForTenderData>;

export type CommissioningPlanEvent =
  | CommissioningPlanDrafted
  | OutcomeMeasureAdded
  | StrandAdded
  | NeedsEvidenceRecorded
  | MarketEngagementNoticePublished
  | MarketInterestRegistered
  | NoMarketEngagementReasonRecorded
  | StrandReleasedForTender;

export const COMMISSIONING_PLAN_EVENT_TYPES: readonly CommissioningPlanEvent['type'][] = [
  'CommissioningPlanDrafted',
  'OutcomeMeasureAdded',
  'StrandAdded',
  'NeedsEvidenceRecorded',
  'MarketEngagementNoticePublished',
  'MarketInterestRegistered',
  'NoMarketEngagementReasonRecorded',
  'StrandReleasedForTender',
];
