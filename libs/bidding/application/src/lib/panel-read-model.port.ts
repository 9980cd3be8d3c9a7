import type { AgeBand } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';

export interface ShortlistView {
  readonly lotId: string;
  readonly bidIds: readonly string[];
  readonly reason: string;
  readonly shortlistedAt: string;
}

/** Pseudonymous: an age band, never who. */
export interface PanelVisitView {
  readonly bidId: string;
  readonly ageBand: AgeBand;
  readonly visitedOn: string;
  readonly observations: string;
}

export interface PanelScoreView {
  readonly bidId: string;
  readonly ageBand: AgeBand;
  readonly mark: number;
  readonly scaleMax: number;
  readonly justification: string;
  /** True for the reader's own score. */
  readonly yours: boolean;
}

export interface PanelResultView {
  readonly bidId: string;
  /** Mean of the members' marks, out of 100. */
  readonly score: number;
  readonly scoredBy: number;
}

export interface EvaluationPanelView {
  readonly tenderId: string;
  readonly shortlists: readonly ShortlistView[];
  readonly visits: readonly PanelVisitView[];
  /** Commissioners and auditors see every score; a panel member sees only their own, so each scores independently. */
  readonly scores: readonly PanelScoreView[];
  /** For commissioners and auditors only; empty for panel members. */
  readonly results: readonly PanelResultView[];
}

/**
 * Shortlists and youth panel work, as a reader may see them: the tender's commissioners, auditors and
 * the commissioning council's youth panel. Bidders see nothing of the evaluation.
 */
export abstract class EvaluationPanelReadModel {
  abstract findPanel(tenderId: string, reader: Actor): Promise<EvaluationPanelView | null>;
  abstract waitForPosition(position: number): Promise<void>;
}
