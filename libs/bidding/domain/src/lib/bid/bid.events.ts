import type { DomainEvent } from '@tendril/shared/ddd';
import type { QualityAnswer } from './bid.commands';

export type BidSubmitted = DomainEvent<
  'BidSubmitted',
  {
    readonly bidId: string;
    readonly tenderId: string;
    readonly lotId: string;
    readonly organisationId: string;
    /** Copied from the competition so the bid can judge who may read it without asking. */
    readonly commissionerOrganisationId: string;
    readonly submissionDeadline: string;
    readonly answerableCriterionIds: readonly string[];
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
    readonly submittedAt: string;
  }
>;

export type BidAmended = DomainEvent<
  'BidAmended',
  {
    readonly bidId: string;
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
    readonly amendedAt: string;
  }
>;

export type BidWithdrawn = DomainEvent<
  'BidWithdrawn',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly organisationId: string; readonly withdrawnAt: string }
>;

export type BidOpened = DomainEvent<
  'BidOpened',
  { readonly bidId: string; readonly tenderId: string; readonly lotId: string; readonly organisationId: string; readonly openedAt: string }
>;

export type BidEvent = BidSubmitted | BidAmended | BidWithdrawn | BidOpened;

export const BID_EVENT_TYPES: readonly BidEvent['type'][] = ['BidSubmitted', 'BidAmended', 'BidWithdrawn', 'BidOpened'];
