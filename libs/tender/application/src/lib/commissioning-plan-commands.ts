import type { RequestContext } from '@tendril/shared/ddd';
import type {
  AddOutcomeMeasureData,
  AddStrandData,
  DraftCommissioningPlanData,
  PublishMarketEngagementNoticeData,
  RecordNeedsEvidenceData,
  RecordNoMarketEngagementReasonData,
  ReleaseStrandForTenderData,
} from '@tendril/tender/domain';

export class DraftCommissioningPlanCommand {
  constructor(
    readonly input: Omit<DraftCommissioningPlanData, 'planId'>,
    readonly context: RequestContext,
  ) {}
}

/** A change to an existing plan whose ids all come from the caller (strand and measure references). */
export type PlanChange =
  | { readonly type: 'AddOutcomeMeasure'; readonly data: AddOutcomeMeasureData }
  | { readonly type: 'AddStrand'; readonly data: AddStrandData }
  | { readonly type: 'RecordNoMarketEngagementReason'; readonly data: RecordNoMarketEngagementReasonData }
  | { readonly type: 'ReleaseStrandForTender'; readonly data: ReleaseStrandForTenderData };

export class ChangeCommissioningPlanCommand {
  constructor(
    readonly change: PlanChange,
    readonly context: RequestContext,
  ) {}
}

export class RecordNeedsEvidenceCommand {
  constructor(
    readonly input: Omit<RecordNeedsEvidenceData, 'evidenceId'>,
    readonly context: RequestContext,
  ) {}
}

export class PublishMarketEngagementNoticeCommand {
  constructor(
    readonly input: Omit<PublishMarketEngagementNoticeData, 'noticeId'>,
    readonly context: RequestContext,
  ) {}
}

/** The provider is the acting user's organisation; its kind comes from the provider registry. */
export class RegisterMarketInterestCommand {
  constructor(
    readonly input: { readonly planId: string; readonly noticeId: string },
    readonly context: RequestContext,
  ) {}
}

export interface CommissioningPlanCommandResult {
  readonly planId: string;
  readonly position: number | null;
}
