import type { DomainEvent } from '@tendril/shared/ddd';
import type { AgeBand } from './panel.commands';

export type BidsShortlisted = DomainEvent<
  'BidsShortlisted',
  {
    readonly tenderId: string;
    readonly commissionerOrganisationId: string;
    readonly lotId: string;
    readonly bidIds: readonly string[];
    readonly reason: string;
    readonly shortlistedAt: string;
  }
>;

export type PanelVisitRecorded = DomainEvent<
  'PanelVisitRecorded',
  {
    readonly tenderId: string;
    readonly bidId: string;
    readonly panelMemberId: string;
    readonly ageBand: AgeBand;
    readonly visitedOn: string;
    readonly observations: string;
    readonly recordedAt: string;
  }
>;

export type PanelScoreRecorded = DomainEvent<
  'PanelScoreRecorded',
  {
    readonly tenderId: string;
    readonly bidId: string;
    readonly panelMemberId: string;
    readonly ageBand: AgeBand;
    readonly mark: number;
    readonly scaleMax: number;
    readonly justification: string;
    readonly scoredAt: string;
  }
>;

export type PanelEvent = BidsShortlisted | PanelVisitRecorded | PanelScoreRecorded;

export const PANEL_EVENT_TYPES: readonly PanelEvent['type'][] = ['BidsShortlisted', 'PanelVisitRecorded', 'PanelScoreRecorded'];
