import type { RecordedEvent } from '@tendril/shared/event-store';

/**
 * Everything the tender context may publish about one contracting process, as recorded events: the
 * tender's own stream, its bidding integration stream (bids opened at the deadline), the integration
 * streams of the contracts awarded from it, and the strand release of its commissioning plan.
 */
export interface TenderEventSources {
  readonly tenderEvents: readonly RecordedEvent[];
  readonly biddingEvents: readonly RecordedEvent[];
  readonly contractEvents: readonly RecordedEvent[];
  readonly planEvents: readonly RecordedEvent[];
}

/** The sources in log order: the order in which the facts became true. */
export const inLogOrder = (sources: TenderEventSources): readonly RecordedEvent[] =>
  [...sources.tenderEvents, ...sources.biddingEvents, ...sources.contractEvents, ...sources.planEvents].sort((a, b) => a.position - b.position);

/** What is known about an organisation beyond its id, for OCDS `parties`. */
export interface OrganisationDetails {
  readonly name: string;
  /** Register identifiers, org-id.guide schemes (`GB-CHC` charity number, `GB-COH` company number, `GB-EDU` school URN). */
  readonly identifiers: readonly { readonly scheme: string; readonly id: string }[];
}

/** Looks organisations up by id (a Map will do). */
export type OrganisationDirectory = Pick<ReadonlyMap<string, OrganisationDetails>, 'get'>;
