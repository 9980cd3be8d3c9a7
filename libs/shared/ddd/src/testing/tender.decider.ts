import { DomainRuleBroken, type Command, type CommandMetadata, type Decider, type DomainEvent } from '../lib/decider';

// A tiny tender decider for the kit's own specs: bids, one award, and a close that is a no-op when repeated.

export type TenderCommand =
  | Command<'SubmitBid', { bidId: string; amount: number }>
  | Command<'AwardContract', { bidId: string }>
  | Command<'CloseTender', Record<string, never>>;

export type TenderEvent =
  | DomainEvent<'BidSubmitted', { bidId: string; amount: number }>
  | DomainEvent<'ContractAwarded', { bidId: string; amount: number }>
  | DomainEvent<'TenderClosed', Record<string, never>>;

export interface TenderState {
  readonly bids: Readonly<Record<string, number>>;
  readonly awardedTo: string | null;
  readonly closed: boolean;
}

export const tenderDecider: Decider<TenderCommand, TenderEvent, TenderState> = {
  initialState: () => ({ bids: {}, awardedTo: null, closed: false }),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitBid':
        if (state.closed) throw new DomainRuleBroken('TENDER_CLOSED', 'The tender no longer accepts bids');
        return [{ type: 'BidSubmitted', data: { bidId: command.data.bidId, amount: command.data.amount } }];
      case 'AwardContract': {
        if (state.awardedTo !== null) {
          throw new DomainRuleBroken('CONTRACT_ALREADY_AWARDED', 'The contract has already been awarded', {
            awardedTo: state.awardedTo,
          });
        }
        const amount = state.bids[command.data.bidId];
        if (amount === undefined) throw new DomainRuleBroken('BID_NOT_FOUND', `No bid ${command.data.bidId}`);
        const events: TenderEvent[] = [{ type: 'ContractAwarded', data: { bidId: command.data.bidId, amount } }];
        if (!state.closed) events.push({ type: 'TenderClosed', data: {} });
        return events;
      }
      case 'CloseTender':
        return state.closed ? [] : [{ type: 'TenderClosed', data: {} }];
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'BidSubmitted':
        return { ...state, bids: { ...state.bids, [event.data.bidId]: event.data.amount } };
      case 'ContractAwarded':
        return { ...state, awardedTo: event.data.bidId };
      case 'TenderClosed':
        return { ...state, closed: true };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

export const commandMetadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  now: new Date('2030-03-01T09:30:00.000Z'),
  actor: { userId: 'user-commissioner-1', role: 'commissioner', organisationId: 'org-leeds' },
  correlationId: 'corr-1',
  causationId: null,
  ...overrides,
});

export const submitBid = (bidId: string, amount: number, metadata = commandMetadata()): TenderCommand => ({
  type: 'SubmitBid',
  data: { bidId, amount },
  metadata,
});

export const awardContract = (bidId: string, metadata = commandMetadata()): TenderCommand => ({
  type: 'AwardContract',
  data: { bidId },
  metadata,
});

export const closeTender = (metadata = commandMetadata()): TenderCommand => ({
  type: 'CloseTender',
  data: {},
  metadata,
});
