import type { Command } from '@tendril/shared/ddd';
import type { CompetitionFacts } from '../competition/competition.facts';

export interface QualityAnswer {
  readonly criterionId: string;
  readonly answer: string;
}

/** What the bidder sends. */
export interface SubmitBidContent {
  readonly bidId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly organisationId: string;
  readonly pricePence: number;
  readonly qualityAnswers: readonly QualityAnswer[];
  readonly socialValueCommitments: string;
}

/** The bid as the bid decider sees it: the content plus the tender facts read from the competition. */
export type SubmitBid = Command<'SubmitBid', SubmitBidContent & { readonly competition: CompetitionFacts }>;

/** Replaces the bid's content before the deadline. */
export type AmendBid = Command<
  'AmendBid',
  {
    readonly bidId: string;
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
  }
>;

export type WithdrawBid = Command<'WithdrawBid', { readonly bidId: string }>;

/** Issued by the platform for each bid listed when the competition closes. */
export type OpenBid = Command<'OpenBid', { readonly bidId: string }>;

export type BidCommand = SubmitBid | AmendBid | WithdrawBid | OpenBid;
