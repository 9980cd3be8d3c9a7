import type { Command } from '@tendril/shared/ddd';
import type { PartnerRegistryFacts, SubmitBidContent, WithdrawBid } from './bid/bid.commands';
import { decideBid } from './bid/bid.decide';
import type { BidEvent } from './bid/bid.events';
import type { BidState } from './bid/bid.state';
import { decideCompetition } from './competition/competition.decide';
import type { CompetitionEvent } from './competition/competition.events';
import { assertAcceptsBidsFor, competitionFacts } from './competition/competition.facts';
import type { CompetitionState } from './competition/competition.state';
import { assertMayTakeOnNewWork } from './provider/provider.eligibility';
import type { ProviderState } from './provider/provider.state';

// Submitting and withdrawing touch two streams: the competition (who holds a live bid for which
// lot, guarded by its expected revision) and the bid (its sealed content). Both are decided here
// before anything is written, so a refused bid never claims a slot. Append `competitionEvents`
// first, then `bidEvents`: a retry of the same command after a crash in between records nothing
// more on the competition and completes the bid.

export interface BidDecision {
  readonly competitionEvents: readonly CompetitionEvent[];
  readonly bidEvents: readonly BidEvent[];
}

export type SubmitBidRequest = Command<'SubmitBid', SubmitBidContent & PartnerRegistryFacts>;

/**
 * `bidder` is the bidding organisation's registry record. The tender's own rules (open, before the
 * deadline, has the lot) are checked first, so a late bid is refused as late whoever sends it; then
 * the bidder must be registered with current due diligence.
 */
export const decideBidSubmission = (request: SubmitBidRequest, competition: CompetitionState, bid: BidState, bidder: ProviderState): BidDecision => {
  const { data, metadata } = request;
  const facts = competitionFacts(competition, data.tenderId);
  if (bid.status === 'none') {
    assertAcceptsBidsFor(facts, data.lotId, metadata.now);
    assertMayTakeOnNewWork(bidder, data.organisationId, metadata.now);
  }
  const bidEvents = decideBid(
    { type: 'SubmitBid', data: { ...data, competition: facts }, metadata },
    bid,
  );
  const competitionEvents = decideCompetition(
    { type: 'EnterBid', data: { tenderId: data.tenderId, bidId: data.bidId, organisationId: data.organisationId, lotId: data.lotId }, metadata },
    competition,
  );
  return { competitionEvents, bidEvents };
};

/** `bid` must be the bid being withdrawn; its tender names the competition to load. */
export const decideBidWithdrawal = (command: WithdrawBid, competition: CompetitionState, bid: BidState): BidDecision => {
  const currentSubmissionDeadline = competition.status === 'unknown' ? undefined : competition.submissionDeadline;
  const bidEvents = decideBid({ ...command, data: { ...command.data, ...(currentSubmissionDeadline ? { currentSubmissionDeadline } : {}) } }, bid);
  if (bid.status === 'none') return { competitionEvents: [], bidEvents };
  const competitionEvents = decideCompetition(
    { type: 'WithdrawBidEntry', data: { tenderId: bid.tenderId, bidId: command.data.bidId }, metadata: command.metadata },
    competition,
  );
  return { competitionEvents, bidEvents };
};
