import type { Command } from '@tendril/shared/ddd';
import type { CompetitionFacts } from '../competition/competition.facts';

export interface QualityAnswer {
  readonly criterionId: string;
  readonly answer: string;
}

/** A registered provider the bidder proposes to subcontract to, with its share of the work (whole percent). */
export interface ProposedSubcontractor {
  readonly organisationId: string;
  readonly sharePercent: number;
  readonly scope: string;
}

export interface ConsortiumMember {
  readonly organisationId: string;
  readonly sharePercent: number;
}

/** A consortium bid: the bidding organisation leads; members (the lead included) have shares summing to 100. */
export interface Consortium {
  readonly leadOrganisationId: string;
  readonly members: readonly ConsortiumMember[];
}

/** The bid's content a bidder may change until the deadline. */
export interface BidPartners {
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
}

/** Read by the application from the provider registry: which of the organisations a bid names are registered. */
export interface PartnerRegistryFacts {
  readonly registeredPartnerIds: readonly string[];
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
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
}

/** The bid as the bid decider sees it: the content plus the tender facts read from the competition. */
export type SubmitBid = Command<'SubmitBid', SubmitBidContent & PartnerRegistryFacts & { readonly competition: CompetitionFacts }>;

/** Replaces the bid's content before the deadline. */
export type AmendBid = Command<
  'AmendBid',
  {
    readonly bidId: string;
    readonly pricePence: number;
    readonly qualityAnswers: readonly QualityAnswer[];
    readonly socialValueCommitments: string;
  } & BidPartners &
    PartnerRegistryFacts
>;

export type WithdrawBid = Command<'WithdrawBid', { readonly bidId: string }>;

/** Issued by the platform for each bid listed when the competition closes. */
export type OpenBid = Command<'OpenBid', { readonly bidId: string }>;

/** The tender's commissioner records whether an opened bid is compliant, and why not when it is not. */
export type AssessBidCompliance = Command<'AssessBidCompliance', { readonly bidId: string; readonly compliant: boolean; readonly reason: string }>;

/** Issued by the platform for each bid of a shortlist. */
export type MarkBidShortlisted = Command<'MarkBidShortlisted', { readonly bidId: string }>;

/** Issued by the platform when the tender context awards the bid's lot. */
export type RecordBidOutcome = Command<'RecordBidOutcome', { readonly bidId: string; readonly successful: boolean }>;

export type BidCommand = SubmitBid | AmendBid | WithdrawBid | OpenBid | AssessBidCompliance | MarkBidShortlisted | RecordBidOutcome;
