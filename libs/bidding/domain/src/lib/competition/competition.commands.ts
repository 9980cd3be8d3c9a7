import type { Command } from '@tendril/shared/ddd';

export interface CompetitionCriterion {
  readonly criterionId: string;
  /** The tender's criterion kind (`quality`, `price`, `social_value`, `youth_panel`). */
  readonly kind: string;
  /** The published weight; the evaluation ranks bids by it. */
  readonly weightPercent?: number;
}

/** Issued by the platform when the tender context publishes `tender.tender-published.v1`. */
export type OpenCompetition = Command<
  'OpenCompetition',
  {
    readonly tenderId: string;
    readonly commissionerOrganisationId: string;
    readonly lotIds: readonly string[];
    readonly criteria: readonly CompetitionCriterion[];
    readonly submissionDeadline: string;
  }
>;

/** Claims the organisation's one live bid for a lot; decided together with `SubmitBid`. */
export type EnterBid = Command<
  'EnterBid',
  { readonly tenderId: string; readonly bidId: string; readonly organisationId: string; readonly lotId: string }
>;

/** Frees the organisation's slot for the lot; decided together with `WithdrawBid`. */
export type WithdrawBidEntry = Command<'WithdrawBidEntry', { readonly tenderId: string; readonly bidId: string }>;

/** At the deadline (scheduler, or on `tender.tender-closed.v1`): unseals and lists the live bids. */
export type CloseCompetition = Command<'CloseCompetition', { readonly tenderId: string }>;

/** On `tender.tender-cancelled.v1`. */
export type CancelCompetition = Command<'CancelCompetition', { readonly tenderId: string; readonly reason: string }>;

/** On `tender.deadline-extended.v1`: bids are taken, and stay sealed, until the new deadline. */
export type ExtendCompetitionDeadline = Command<
  'ExtendCompetitionDeadline',
  { readonly tenderId: string; readonly submissionDeadline: string; readonly reason: string }
>;

export type CompetitionCommand = OpenCompetition | EnterBid | WithdrawBidEntry | CloseCompetition | CancelCompetition | ExtendCompetitionDeadline;
