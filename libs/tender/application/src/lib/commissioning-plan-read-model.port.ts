import type { Actor } from '@tendril/shared/event-store';
import type { ConsultationMethod, DeliveryModel, OptionsAppraisal, OutcomeMeasure, ProviderKind } from '@tendril/tender/domain';

export interface PlanStrandView {
  readonly strandId: string;
  readonly name: string;
  readonly area: string | null;
  readonly budgetPence: number;
  readonly deliveryModel: DeliveryModel;
  readonly optionsAppraisal: OptionsAppraisal;
  readonly inHouseRationale: string | null;
  readonly reasonForNoEngagement: string | null;
  readonly releasedForTenderAt: string | null;
  readonly providerKindsEngaged: readonly ProviderKind[];
}

export interface NeedsEvidenceView {
  readonly evidenceId: string;
  readonly conductedOn: string;
  readonly method: ConsultationMethod;
  readonly participants: number;
  readonly findings: string;
  readonly recordedAt: string;
}

export interface MarketInterestView {
  readonly providerOrganisationId: string;
  readonly providerKind: ProviderKind;
  readonly registeredAt: string;
}

export interface EngagementNoticeView {
  readonly noticeId: string;
  readonly planId: string;
  readonly organisationId: string;
  readonly strandIds: readonly string[];
  readonly summary: string;
  readonly respondBy: string;
  readonly publishedAt: string;
  readonly interests: readonly MarketInterestView[];
}

export interface CommissioningPlanView {
  readonly planId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly inHouseBudgetPence: number;
  readonly externalBudgetPence: number;
  readonly outcomes: readonly OutcomeMeasure[];
  readonly strands: readonly PlanStrandView[];
  readonly needsEvidence: readonly NeedsEvidenceView[];
  readonly notices: readonly EngagementNoticeView[];
  readonly draftedAt: string;
  readonly lastPosition: number;
}

/** A notice as a provider sees it: the strands it covers and whether the reader's organisation answered. */
export interface ProviderNoticeView {
  readonly noticeId: string;
  readonly planId: string;
  readonly organisationId: string;
  readonly planTitle: string;
  readonly strands: readonly { readonly strandId: string; readonly name: string; readonly area: string | null }[];
  readonly summary: string;
  readonly respondBy: string;
  readonly publishedAt: string;
  readonly interestRegistered: boolean;
}

export interface CommissioningPlanPage {
  readonly items: readonly CommissioningPlanView[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/**
 * Plans are internal to their council until tendered: only the council's commissioners, auditors and admins
 * read them. Providers see the engagement notices, never the needs evidence or who else answered.
 */
export abstract class CommissioningPlanReadModel {
  /** The plan if `reader` may see it, else null (the plan's existence is not revealed). */
  abstract findPlan(planId: string, reader: Actor): Promise<CommissioningPlanView | null>;
  abstract listPlans(reader: Actor, first: number, after: string | null): Promise<CommissioningPlanPage>;
  /** Notices still taking responses on `today` (`YYYY-MM-DD`), newest first. */
  abstract openNotices(reader: Actor, today: string): Promise<readonly ProviderNoticeView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}
