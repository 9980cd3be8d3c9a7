import { assertActsForBidder, assertSystem } from '../actors';
import { BiddingRuleBroken } from '../bidding.errors';
import { deadlineReached, parseInstant, toCanonicalInstant } from '../values/value-guards';
import type { CancelCompetition, CloseCompetition, CompetitionCommand, EnterBid, ExtendCompetitionDeadline, OpenCompetition, WithdrawBidEntry } from './competition.commands';
import type {
  BidEntered,
  BidEntryWithdrawn,
  CompetitionCancelled,
  CompetitionClosed,
  CompetitionDeadlineExtended,
  CompetitionEvent,
  CompetitionOpened,
} from './competition.events';
import { assertAcceptsBidsFor, competitionFacts } from './competition.facts';
import type { CompetitionState, KnownCompetition } from './competition.state';

// Commands the platform issues in reaction to the tender context's events record nothing when the
// fact is already recorded, so a redelivered integration event is harmless.

const known = (state: CompetitionState, tenderId: string): KnownCompetition => {
  if (state.status === 'unknown') {
    throw new BiddingRuleBroken('TENDER_NOT_OPEN', `Tender ${tenderId} is not open for bids`, { tenderId, status: 'unknown' });
  }
  return state;
};

const openCompetition = (command: OpenCompetition, state: CompetitionState): CompetitionOpened[] => {
  const { data, metadata } = command;
  assertSystem(metadata, command.type);
  if (state.status !== 'unknown') return [];
  const deadline = parseInstant(data.submissionDeadline);
  if (deadline === null) {
    throw new BiddingRuleBroken('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The submission deadline must be an ISO-8601 instant with an offset');
  }
  return [
    {
      type: 'CompetitionOpened',
      data: {
        tenderId: data.tenderId,
        commissionerOrganisationId: data.commissionerOrganisationId,
        lotIds: [...data.lotIds],
        answerableCriterionIds: data.criteria.filter((criterion) => criterion.kind !== 'price').map((criterion) => criterion.criterionId),
        submissionDeadline: toCanonicalInstant(deadline),
        ...(data.criteria.every((c) => c.weightPercent !== undefined)
          ? { weightedCriteria: data.criteria.map(({ criterionId, kind, weightPercent }) => ({ criterionId, kind, weightPercent: weightPercent ?? 0 })) }
          : {}),
        openedAt: metadata.now.toISOString(),
      },
    },
  ];
};

const enterBid = (command: EnterBid, state: CompetitionState): BidEntered[] => {
  const { data, metadata } = command;
  assertActsForBidder(metadata, data.organisationId);
  const same = state.status === 'unknown' ? undefined : state.entries.find((entry) => entry.bidId === data.bidId);
  // A retried submission (same bid, same organisation and lot) is already entered.
  if (same && same.organisationId === data.organisationId && same.lotId === data.lotId && same.status === 'live') return [];
  assertAcceptsBidsFor(competitionFacts(state, data.tenderId), data.lotId, metadata.now);
  const competition = known(state, data.tenderId);
  if (same) {
    throw new BiddingRuleBroken('BID_ALREADY_SUBMITTED', `Bid ${data.bidId} was already entered`, { bidId: data.bidId });
  }
  const rival = competition.entries.find(
    (entry) => entry.status === 'live' && entry.organisationId === data.organisationId && entry.lotId === data.lotId,
  );
  if (rival) {
    throw new BiddingRuleBroken('BID_ALREADY_SUBMITTED_FOR_LOT', 'Your organisation already has a live bid for this lot: amend or withdraw it', {
      lotId: data.lotId,
      bidId: rival.bidId,
    });
  }
  return [
    {
      type: 'BidEntered',
      data: {
        tenderId: competition.tenderId,
        bidId: data.bidId,
        organisationId: data.organisationId,
        lotId: data.lotId,
        enteredAt: metadata.now.toISOString(),
      },
    },
  ];
};

const withdrawBidEntry = (command: WithdrawBidEntry, state: CompetitionState): BidEntryWithdrawn[] => {
  const { data, metadata } = command;
  const competition = known(state, data.tenderId);
  const entry = competition.entries.find((candidate) => candidate.bidId === data.bidId);
  if (!entry) throw new BiddingRuleBroken('BID_NOT_FOUND', `Bid ${data.bidId} was never entered`, { bidId: data.bidId });
  assertActsForBidder(metadata, entry.organisationId);
  if (entry.status === 'withdrawn') return [];
  if (competition.status === 'closed' || deadlineReached(competition.submissionDeadline, metadata.now)) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_PASSED', 'Bids cannot be withdrawn after the deadline', {
      submissionDeadline: competition.submissionDeadline,
    });
  }
  return [
    {
      type: 'BidEntryWithdrawn',
      data: {
        tenderId: competition.tenderId,
        bidId: entry.bidId,
        organisationId: entry.organisationId,
        lotId: entry.lotId,
        withdrawnAt: metadata.now.toISOString(),
      },
    },
  ];
};

const closeCompetition = (command: CloseCompetition, state: CompetitionState): CompetitionClosed[] => {
  const { data, metadata } = command;
  assertSystem(metadata, command.type);
  const competition = known(state, data.tenderId);
  if (competition.status === 'closed') return [];
  if (competition.status === 'cancelled') {
    throw new BiddingRuleBroken('TENDER_NOT_OPEN', `Tender ${competition.tenderId} was cancelled`, { tenderId: competition.tenderId, status: 'cancelled' });
  }
  if (!deadlineReached(competition.submissionDeadline, metadata.now)) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_NOT_REACHED', 'Bids stay sealed until the deadline', {
      submissionDeadline: competition.submissionDeadline,
    });
  }
  return [
    {
      type: 'CompetitionClosed',
      data: {
        tenderId: competition.tenderId,
        closedAt: metadata.now.toISOString(),
        bids: competition.entries
          .filter((entry) => entry.status === 'live')
          .map(({ bidId, organisationId, lotId }) => ({ bidId, organisationId, lotId })),
      },
    },
  ];
};

const cancelCompetition = (command: CancelCompetition, state: CompetitionState): CompetitionCancelled[] => {
  const { data, metadata } = command;
  assertSystem(metadata, command.type);
  const competition = known(state, data.tenderId);
  if (competition.status === 'cancelled') return [];
  return [{ type: 'CompetitionCancelled', data: { tenderId: competition.tenderId, reason: data.reason, cancelledAt: metadata.now.toISOString() } }];
};

/**
 * The tender context moved the deadline later. A deadline already at (or past) the new instant records
 * nothing: the same extension delivered again. Bids cannot be resealed, so a competition that has
 * closed (or was cancelled) refuses it.
 */
const extendCompetitionDeadline = (command: ExtendCompetitionDeadline, state: CompetitionState): CompetitionDeadlineExtended[] => {
  const { data, metadata } = command;
  assertSystem(metadata, command.type);
  const competition = known(state, data.tenderId);
  const deadline = parseInstant(data.submissionDeadline);
  if (deadline === null) {
    throw new BiddingRuleBroken('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The submission deadline must be an ISO-8601 instant with an offset');
  }
  if (deadline <= Date.parse(competition.submissionDeadline)) return [];
  if (competition.status !== 'open') {
    throw new BiddingRuleBroken('TENDER_NOT_OPEN', `Tender ${competition.tenderId} is ${competition.status}: its bids cannot be resealed`, {
      tenderId: competition.tenderId,
      status: competition.status,
    });
  }
  return [
    {
      type: 'CompetitionDeadlineExtended',
      data: {
        tenderId: competition.tenderId,
        previousSubmissionDeadline: competition.submissionDeadline,
        submissionDeadline: toCanonicalInstant(deadline),
        reason: data.reason,
        extendedAt: metadata.now.toISOString(),
      },
    },
  ];
};

export const decideCompetition = (command: CompetitionCommand, state: CompetitionState): readonly CompetitionEvent[] => {
  switch (command.type) {
    case 'OpenCompetition':
      return openCompetition(command, state);
    case 'EnterBid':
      return enterBid(command, state);
    case 'WithdrawBidEntry':
      return withdrawBidEntry(command, state);
    case 'CloseCompetition':
      return closeCompetition(command, state);
    case 'CancelCompetition':
      return cancelCompetition(command, state);
    case 'ExtendCompetitionDeadline':
      return extendCompetitionDeadline(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown competition command ${(unknown as { type: string }).type}`);
    }
  }
};
