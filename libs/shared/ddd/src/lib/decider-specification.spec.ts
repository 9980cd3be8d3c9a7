/// <reference types="jest" />
import { AssertionError } from 'node:assert/strict';
import { DeciderSpecification } from './decider-specification';
import { awardContract, closeTender, submitBid, tenderDecider } from '../testing/tender.decider';

const spec = DeciderSpecification.for(tenderDecider);
const bidA = { type: 'BidSubmitted', data: { bidId: 'bid-a', amount: 120_000 } } as const;
const closed = { type: 'TenderClosed', data: {} } as const;

describe('DeciderSpecification', () => {
  describe('then', () => {
    it('passes when decide returns exactly the expected events', () => {
      expect(() =>
        spec.given([bidA]).when(awardContract('bid-a')).then([
          { type: 'ContractAwarded', data: { bidId: 'bid-a', amount: 120_000 } },
          closed,
        ]),
      ).not.toThrow();
    });

    it('passes with no events when decide has nothing to record', () => {
      expect(() => spec.given([closed]).when(closeTender()).then([])).not.toThrow();
    });

    it('fails with a diff when the events differ', () => {
      expect(() =>
        spec.given([bidA]).when(awardContract('bid-a')).then([
          { type: 'ContractAwarded', data: { bidId: 'bid-a', amount: 99 } },
          closed,
        ]),
      ).toThrow(AssertionError);
    });

    it('fails, naming the broken rule, when decide refuses the command', () => {
      expect(() => spec.given([]).when(awardContract('bid-z')).then([])).toThrow(
        /Expected decide to succeed, but it threw DomainRuleBroken BID_NOT_FOUND/,
      );
    });
  });

  describe('thenThrows', () => {
    it('passes when decide breaks the named rule', () => {
      expect(() => spec.given([closed]).when(submitBid('bid-b', 10)).thenThrows('TENDER_CLOSED')).not.toThrow();
    });

    it('checks the rule details when they are given', () => {
      const awarded = { type: 'ContractAwarded', data: { bidId: 'bid-a', amount: 120_000 } } as const;
      const given = spec.given([bidA, awarded]).when(awardContract('bid-a'));
      expect(() => given.thenThrows('CONTRACT_ALREADY_AWARDED', { awardedTo: 'bid-a' })).not.toThrow();
      expect(() => given.thenThrows('CONTRACT_ALREADY_AWARDED', { awardedTo: 'bid-b' })).toThrow(AssertionError);
    });

    it('fails when decide accepts the command', () => {
      expect(() => spec.given([]).when(submitBid('bid-b', 10)).thenThrows('TENDER_CLOSED')).toThrow(
        /Expected decide to break rule TENDER_CLOSED, but it returned \[\{"type":"BidSubmitted"/,
      );
    });

    it('fails when decide breaks a different rule', () => {
      expect(() => spec.given([]).when(awardContract('bid-z')).thenThrows('TENDER_CLOSED')).toThrow(
        /break rule TENDER_CLOSED, but it threw DomainRuleBroken BID_NOT_FOUND/,
      );
    });

    it('fails when decide throws something that is not a broken rule', () => {
      const broken = DeciderSpecification.for({
        ...tenderDecider,
        decide: () => {
          throw new RangeError('bug in decide');
        },
      });
      expect(() => broken.given([]).when(closeTender()).thenThrows('TENDER_CLOSED')).toThrow(
        /but it threw RangeError: bug in decide/,
      );
    });
  });

  describe('thenState', () => {
    it('checks the state after the history and the new events', () => {
      expect(() =>
        spec.given([bidA]).when(closeTender()).thenState({ bids: { 'bid-a': 120_000 }, awardedTo: null, closed: true }),
      ).not.toThrow();
      expect(() =>
        spec.given([bidA]).when(closeTender()).thenState({ bids: {}, awardedTo: null, closed: true }),
      ).toThrow(AssertionError);
    });

    it('checks the state the history alone folds to', () => {
      expect(() => spec.given([bidA, closed]).thenState({ bids: { 'bid-a': 120_000 }, awardedTo: null, closed: true })).not.toThrow();
    });
  });
});
