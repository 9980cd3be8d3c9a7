import type { Decider } from '@tendril/shared/ddd';
import type { TenderCommand } from './tender.commands';
import { decideTender } from './tender.decide';
import type { TenderEvent } from './tender.events';
import { evolveTender, initialTenderState, type TenderState } from './tender.state';

export const tenderDecider: Decider<TenderCommand, TenderEvent, TenderState> = {
  decide: decideTender,
  evolve: evolveTender,
  initialState: initialTenderState,
};

export const TENDER_STREAM_PREFIX = 'tender-';

/** One stream per tender. The category (`tender`) is the part before the first hyphen. */
export const tenderStreamName = (tenderId: string): string => `${TENDER_STREAM_PREFIX}${tenderId}`;
