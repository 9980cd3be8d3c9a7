import type { Command } from '@tendril/shared/ddd';

export type DeliveryModel = 'in_house' | 'external' | 'mixed';
export const DELIVERY_MODELS: readonly DeliveryModel[] = ['in_house', 'external', 'mixed'];

/** The kinds of provider a market engagement can reach, as the plan records them. */
export type ProviderKind = 'voluntary_community' | 'charity' | 'social_landlord' | 'school' | 'public_body' | 'other';
export const PROVIDER_KINDS: readonly ProviderKind[] = ['voluntary_community', 'charity', 'social_landlord', 'school', 'public_body', 'other'];

/** Every plan measures learning, achievement and progress, and reach; `other` measures come on top. */
export type OutcomeMeasureKind = 'learning_achievement_progress' | 'reach' | 'other';
export const OUTCOME_MEASURE_KINDS: readonly OutcomeMeasureKind[] = ['learning_achievement_progress', 'reach', 'other'];
export const MANDATORY_OUTCOME_MEASURE_KINDS: readonly OutcomeMeasureKind[] = ['learning_achievement_progress', 'reach'];

export type ConsultationMethod = 'focus_group' | 'survey' | 'workshop' | 'other';
export const CONSULTATION_METHODS: readonly ConsultationMethod[] = ['focus_group', 'survey', 'workshop', 'other'];

export interface OutcomeMeasure {
  readonly measureId: string;
  readonly name: string;
  readonly kind: OutcomeMeasureKind;
  /** The target as the council states it, e.g. "1,200 young people engaged a year". */
  readonly target: string;
}

export interface OptionsAppraisal {
  /** The delivery options weighed, e.g. "in-house", "grant", "contract": at least two. */
  readonly optionsConsidered: readonly string[];
  /** Why the chosen model won. */
  readonly conclusion: string;
}

export interface DraftCommissioningPlanData {
  readonly planId: string;
  readonly organisationId: string;
  readonly title: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly inHouseBudgetPence: number;
  readonly externalBudgetPence: number;
  readonly outcomes: readonly OutcomeMeasure[];
}

export interface AddOutcomeMeasureData {
  readonly planId: string;
  readonly measure: OutcomeMeasure;
}

export interface AddStrandData {
  readonly planId: string;
  readonly strandId: string;
  readonly name: string;
  /** The locality the strand serves, or null for borough-wide. */
  readonly area: string | null;
  readonly budgetPence: number;
  readonly deliveryModel: DeliveryModel;
  readonly optionsAppraisal: OptionsAppraisal;
  /** Required when the council's own team delivers the strand (in-house or mixed). */
  readonly inHouseRationale: string | null;
}

export interface RecordNeedsEvidenceData {
  readonly planId: string;
  readonly evidenceId: string;
  /** `YYYY-MM-DD`: when the consultation took place; not in the future. */
  readonly conductedOn: string;
  readonly method: ConsultationMethod;
  readonly participants: number;
  /** Aggregate findings only: no names, contact details or other personal data of young people. */
  readonly findings: string;
}

export interface PublishMarketEngagementNoticeData {
  readonly planId: string;
  readonly noticeId: string;
  readonly strandIds: readonly string[];
  readonly summary: string;
  /** `YYYY-MM-DD`: the last day providers may register interest. */
  readonly respondBy: string;
}

export interface RegisterMarketInterestData {
  readonly planId: string;
  readonly noticeId: string;
  readonly providerOrganisationId: string;
  /** From the provider registry, never from the provider's own say-so. */
  readonly providerKind: ProviderKind;
}

export interface RecordNoMarketEngagementReasonData {
  readonly planId: string;
  readonly strandId: string;
  readonly reason: string;
}

export interface ReleaseStrandForTenderData {
  readonly planId: string;
  readonly strandId: string;
}

export type DraftCommissioningPlan = Command<'DraftCommissioningPlan', DraftCommissioningPlanData>;
export type AddOutcomeMeasure = Command<'AddOutcomeMeasure', AddOutcomeMeasureData>;
export type AddStrand = Command<'AddStrand', AddStrandData>;
export type RecordNeedsEvidence = Command<'RecordNeedsEvidence', RecordNeedsEvidenceData>;
export type PublishMarketEngagementNotice = Command<'PublishMarketEngagementNotice', PublishMarketEngagementNoticeData>;
export type RegisterMarketInterest = Command<'RegisterMarketInterest', RegisterMarketInterestData>;
export type RecordNoMarketEngagementReason = Command<'RecordNoMarketEngagementReason', RecordNoMarketEngagementReasonData>;
export type ReleaseStrandForTender = Command<'ReleaseStrandForTender', ReleaseStrandForTenderData>;

export type CommissioningPlanCommand =
  | DraftCommissioningPlan
  | AddOutcomeMeasure
  | AddStrand
  | RecordNeedsEvidence
  | PublishMarketEngagementNotice
  | RegisterMarketInterest
  | RecordNoMarketEngagementReason
  | ReleaseStrandForTender;
