import type { DomainEvent } from '@tendril/shared/ddd';

export interface OpenedBid {
  readonly bidId: string;
  readonly organisationId: string;
  readonly lotId: string;
}

export type CompetitionOpened = DomainEvent<
  'CompetitionOpened',
  {
    readonly tenderId: string;
    readonly commissionerOrganisationId: string;
    readonly lotIds: readonly string[];
    /** Criteria a bid answers in words (every kind but `price`, which the bid's price answers). */
    readonly answerableCriterionIds: readonly string[];
    readonly submissionDeadline: string;
    /** Every criterion with its published weight; absent from competitions opened before evaluation existed. */
    readonly weightedCriteria?: readonly { readonly criterionId: string; readonly kind: string; readonly weightPercent: number }[];
    readonly openedAt: string;
  }
>;

export type BidEntered = DomainEvent<
  'BidEntered',
  { readonly tenderId: string; readonly bidId: string; readonly organisationId: string; readonly lotId: string; readonly enteredAt: string }
>;

export type BidEntryWithdrawn = DomainEvent<
  'BidEntryWithdrawn',
  { readonly tenderId: string; readonly bidId: string; readonly organisationId: string; readonly lotId: string; readonly withdrawnAt: string }
>;

export type CompetitionClosed = DomainEvent<
  'CompetitionClosed',
  { readonly tenderId: string; readonly closedAt: string; readonly bids: readonly OpenedBid[] }
>;

export type CompetitionCancelled = DomainEvent<
  'CompetitionCancelled',
  { readonly tenderId: string; readonly reason: string; readonly cancelledAt: string }
>;

export type CompetitionDeadlineExtended = DomainEvent<
  'CompetitionDeadlineExtended',
  {
    readonly tenderId: string;
    readonly previousSubmissionDeadline: string;
    readonly submissionDeadline: string;
    readonly reason: string;
    readonly extendedAt: string;
  }
>;

export type CompetitionEvent = CompetitionOpened | BidEntered | BidEntryWithdrawn | CompetitionClosed | CompetitionCancelled | CompetitionDeadlineExtended;

export const COMPETITION_EVENT_TYPES: readonly CompetitionEvent['type'][] = [
  'CompetitionOpened',
  'BidEntered',
  'BidEntryWithdrawn',
  'CompetitionClosed',
  'CompetitionCancelled',
  'CompetitionDeadlineExtended',
];
