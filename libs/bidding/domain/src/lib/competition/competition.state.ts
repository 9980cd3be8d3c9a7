import type { CompetitionEvent } from './competition.events';

export interface CompetitionEntry {
  readonly bidId: string;
  readonly organisationId: string;
  readonly lotId: string;
  readonly status: 'live' | 'withdrawn';
}

/** `unknown`: the bidding context has not (yet) heard of the tender. */
export type CompetitionStatus = 'unknown' | 'open' | 'closed' | 'cancelled';

export interface UnknownCompetition {
  readonly status: 'unknown';
}

export interface KnownCompetition {
  readonly status: 'open' | 'closed' | 'cancelled';
  readonly tenderId: string;
  readonly commissionerOrganisationId: string;
  readonly submissionDeadline: string;
  readonly lotIds: readonly string[];
  readonly answerableCriterionIds: readonly string[];
  readonly weightedCriteria: readonly { readonly criterionId: string; readonly kind: string; readonly weightPercent: number }[];
  readonly entries: readonly CompetitionEntry[];
}

export type CompetitionState = UnknownCompetition | KnownCompetition;

export const initialCompetitionState = (): CompetitionState => ({ status: 'unknown' });

const known = (state: CompetitionState, eventType: string): KnownCompetition => {
  if (state.status === 'unknown') throw new Error(`${eventType} applied to a competition that was never opened`);
  return state;
};

export const evolveCompetition = (state: CompetitionState, event: CompetitionEvent): CompetitionState => {
  switch (event.type) {
    case 'CompetitionOpened': {
      const { data } = event;
      return {
        status: 'open',
        tenderId: data.tenderId,
        commissionerOrganisationId: data.commissionerOrganisationId,
        submissionDeadline: data.submissionDeadline,
        lotIds: data.lotIds,
        answerableCriterionIds: data.answerableCriterionIds,
        weightedCriteria: data.weightedCriteria ?? [],
        entries: [],
      };
    }
    case 'BidEntered': {
      const competition = known(state, event.type);
      const { bidId, organisationId, lotId } = event.data;
      return { ...competition, entries: [...competition.entries, { bidId, organisationId, lotId, status: 'live' }] };
    }
    case 'BidEntryWithdrawn': {
      const competition = known(state, event.type);
      return {
        ...competition,
        entries: competition.entries.map((entry) => (entry.bidId === event.data.bidId ? { ...entry, status: 'withdrawn' } : entry)),
      };
    }
    case 'CompetitionClosed':
      return { ...known(state, event.type), status: 'closed' };
    case 'CompetitionCancelled':
      return { ...known(state, event.type), status: 'cancelled' };
    case 'CompetitionDeadlineExtended':
      return { ...known(state, event.type), submissionDeadline: event.data.submissionDeadline };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown competition event ${(unknown as { type: string }).type}`);
    }
  }
};
