/// <reference types="jest" />
import { DomainRuleBroken } from '@tendril/shared/ddd';
import type { BidPartners } from './bid.commands';
import { assertBidPartners, namedPartnerIds } from './bid-partners';

const BIDDER = 'org-lead';
const registered = ['org-a', 'org-b', 'org-c'];
const none: BidPartners = { subcontractors: [], consortium: null };

const refusal = (partners: BidPartners, known: readonly string[] = registered): string | null => {
  try {
    assertBidPartners(BIDDER, partners, known);
    return null;
  } catch (error) {
    return error instanceof DomainRuleBroken ? error.code : 'not a rule';
  }
};

const consortium = (...members: [string, number][]): BidPartners => ({
  subcontractors: [],
  consortium: { leadOrganisationId: BIDDER, members: members.map(([organisationId, sharePercent]) => ({ organisationId, sharePercent })) },
});

describe('Who a bid names besides the bidder', () => {
  it('may be nobody', () => {
    expect(assertBidPartners(BIDDER, none, [])).toEqual(none);
  });

  describe('proposed subcontractors', () => {
    const subcontract = (organisationId: string, sharePercent: number, scope = 'Detached youth work') => ({ organisationId, sharePercent, scope });

    it('are registered providers with a share and a scope', () => {
      expect(assertBidPartners(BIDDER, { subcontractors: [subcontract('org-a', 20, ' Mentoring '), subcontract('org-b', 15)], consortium: null }, registered)).toEqual({
        subcontractors: [subcontract('org-a', 20, 'Mentoring'), subcontract('org-b', 15)],
        consortium: null,
      });
    });

    it('are refused when not in the provider registry', () => {
      expect(refusal({ subcontractors: [subcontract('org-unknown', 20)], consortium: null })).toBe('PROPOSED_SUBCONTRACTOR_NOT_REGISTERED');
    });

    it('must leave the bidder a share of the work', () => {
      expect(refusal({ subcontractors: [subcontract('org-a', 60), subcontract('org-b', 40)], consortium: null })).toBe(
        'SUBCONTRACTOR_SHARES_MUST_LEAVE_WORK_FOR_THE_BIDDER',
      );
      expect(refusal({ subcontractors: [subcontract('org-a', 60), subcontract('org-b', 39)], consortium: null })).toBeNull();
    });

    it.each([0, 100, 12.5])('refuses a share of %p percent', (share) => {
      expect(refusal({ subcontractors: [subcontract('org-a', share)], consortium: null })).toBe('SUBCONTRACTOR_SHARE_MUST_BE_1_TO_99_PERCENT');
    });

    it('refuses the bidder itself, the same organisation twice, and a subcontract with no scope', () => {
      expect(refusal({ subcontractors: [subcontract(BIDDER, 10)], consortium: null })).toBe('SUBCONTRACTOR_IS_THE_BIDDER');
      expect(refusal({ subcontractors: [subcontract('org-a', 10), subcontract('org-a', 5)], consortium: null })).toBe('DUPLICATE_SUBCONTRACTOR');
      expect(refusal({ subcontractors: [subcontract('org-a', 10, '  ')], consortium: null })).toBe('SUBCONTRACTOR_SCOPE_REQUIRED');
    });
  });

  describe('a consortium', () => {
    it('is led by the bidder, with registered members whose shares sum to 100', () => {
      expect(refusal(consortium([BIDDER, 50], ['org-a', 30], ['org-b', 20]))).toBeNull();
    });

    it('is refused when the shares do not sum to 100, saying what they sum to', () => {
      expect(() => assertBidPartners(BIDDER, consortium([BIDDER, 50], ['org-a', 30], ['org-b', 10]), registered)).toThrow(
        expect.objectContaining({ code: 'CONSORTIUM_SHARES_MUST_SUM_TO_100', details: { totalPercent: 90 } }),
      );
      expect(refusal(consortium([BIDDER, 60], ['org-a', 50]))).toBe('CONSORTIUM_SHARES_MUST_SUM_TO_100');
    });

    it('must list the lead and at least one other member', () => {
      expect(refusal(consortium(['org-a', 50], ['org-b', 50]))).toBe('CONSORTIUM_NEEDS_THE_LEAD_AND_ANOTHER_MEMBER');
      expect(refusal(consortium([BIDDER, 99]))).toBe('CONSORTIUM_NEEDS_THE_LEAD_AND_ANOTHER_MEMBER');
    });

    it('is led by the organisation submitting the bid', () => {
      const ledByAnother: BidPartners = { subcontractors: [], consortium: { leadOrganisationId: 'org-a', members: [] } };
      expect(refusal(ledByAnother)).toBe('CONSORTIUM_LEAD_MUST_BE_THE_BIDDER');
    });

    it('refuses an unregistered member, a member listed twice, and a share outside 1 to 99', () => {
      expect(refusal(consortium([BIDDER, 50], ['org-unknown', 50]))).toBe('CONSORTIUM_MEMBER_NOT_REGISTERED');
      expect(refusal(consortium([BIDDER, 50], ['org-a', 25], ['org-a', 25]))).toBe('DUPLICATE_CONSORTIUM_MEMBER');
      expect(refusal(consortium([BIDDER, 100], ['org-a', 0]))).toBe('CONSORTIUM_SHARE_MUST_BE_1_TO_99_PERCENT');
    });

    it('refuses a member who is also proposed as a subcontractor', () => {
      const both: BidPartners = { ...consortium([BIDDER, 50], ['org-a', 50]), subcontractors: [{ organisationId: 'org-a', sharePercent: 10, scope: 'x' }] };
      expect(refusal(both)).toBe('CONSORTIUM_MEMBER_PROPOSED_AS_SUBCONTRACTOR');
    });
  });

  it('lists every named organisation once, for the registry look-up', () => {
    const partners: BidPartners = { ...consortium([BIDDER, 50], ['org-a', 50]), subcontractors: [{ organisationId: 'org-b', sharePercent: 10, scope: 'x' }] };
    expect(namedPartnerIds(partners)).toEqual(['org-b', BIDDER, 'org-a']);
  });
});
