import { BiddingRuleBroken } from '../bidding.errors';
import { deadlineReached } from '../values/value-guards';
import type { CompetitionState, CompetitionStatus } from './competition.state';

/** What a single bid needs to know about its tender, read from the competition when submitting. */
export interface KnownCompetitionFacts {
  readonly status: Exclude<CompetitionStatus, 'unknown'>;
  readonly tenderId: string;
  readonly commissionerOrganisationId: string;
  readonly submissionDeadline: string;
  readonly lotIds: readonly string[];
  readonly answerableCriterionIds: readonly string[];
}

export type CompetitionFacts = { readonly status: 'unknown'; readonly tenderId: string } | KnownCompetitionFacts;

export const competitionFacts = (state: CompetitionState, tenderId: string): CompetitionFacts =>
  state.status === 'unknown'
    ? { status: 'unknown', tenderId }
    : {
        status: state.status,
        tenderId: state.tenderId,
        commissionerOrganisationId: state.commissionerOrganisationId,
        submissionDeadline: state.submissionDeadline,
        lotIds: state.lotIds,
        answerableCriterionIds: state.answerableCriterionIds,
      };

/** The rules every new bid meets, whichever decider asks: the tender is open, before its deadline, and has the lot. */
export const assertAcceptsBidsFor = (facts: CompetitionFacts, lotId: string, now: Date): KnownCompetitionFacts => {
  if (facts.status === 'unknown' || facts.status === 'cancelled') {
    throw new BiddingRuleBroken('TENDER_NOT_OPEN', `Tender ${facts.tenderId} is not open for bids`, { tenderId: facts.tenderId, status: facts.status });
  }
  if (facts.status === 'closed' || deadlineReached(facts.submissionDeadline, now)) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_PASSED', `The deadline for tender ${facts.tenderId} has passed`, {
      tenderId: facts.tenderId,
      submissionDeadline: facts.submissionDeadline,
    });
  }
  if (!facts.lotIds.includes(lotId)) {
    throw new BiddingRuleBroken('LOT_NOT_FOUND', `Tender ${facts.tenderId} has no lot ${lotId}`, { tenderId: facts.tenderId, lotId });
  }
  return facts;
};
