import type { Decider } from '@tendril/shared/ddd';
import type { CompetitionCommand } from './competition.commands';
import { decideCompetition } from './competition.decide';
import type { CompetitionEvent } from './competition.events';
import { evolveCompetition, initialCompetitionState, type CompetitionState } from './competition.state';

export const competitionDecider: Decider<CompetitionCommand, CompetitionEvent, CompetitionState> = {
  decide: decideCompetition,
  evolve: evolveCompetition,
  initialState: initialCompetitionState,
};

export const COMPETITION_STREAM_PREFIX = 'competition-';

/** The bidding context's stream for one tender: its facts as bidding knows them, and who has entered. */
export const competitionStreamName = (tenderId: string): string => `${COMPETITION_STREAM_PREFIX}${tenderId}`;
