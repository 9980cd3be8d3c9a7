import type { Command } from '@tendril/shared/ddd';

export const AGE_BANDS = ['16-17', '18-21', '22-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What the evaluation needs to know of the closed competition, read from its stream by the application. */
export interface ClosedCompetitionFacts {
  readonly status: 'unknown' | 'open' | 'closed' | 'cancelled';
  readonly commissionerOrganisationId: string | null;
  readonly liveBids: readonly { readonly bidId: string; readonly lotId: string }[];
}

/** The youth panel's published scale. */
export const PANEL_SCALE = { max: 5 } as const;

export type ShortlistBids = Command<
  'ShortlistBids',
  { readonly tenderId: string; readonly lotId: string; readonly bidIds: readonly string[]; readonly reason: string; readonly competition: ClosedCompetitionFacts }
>;

/** Panel members are pseudonymous: their sign-in id and an age band, never a name or date of birth. */
export type RecordPanelVisit = Command<
  'RecordPanelVisit',
  {
    readonly tenderId: string;
    readonly bidId: string;
    readonly ageBand: AgeBand;
    /** A calendar date, YYYY-MM-DD. */
    readonly visitedOn: string;
    readonly observations: string;
  }
>;

export type ScoreAsPanelMember = Command<
  'ScoreAsPanelMember',
  { readonly tenderId: string; readonly bidId: string; readonly ageBand: AgeBand; readonly mark: number; readonly justification: string }
>;

export type PanelCommand = ShortlistBids | RecordPanelVisit | ScoreAsPanelMember;
