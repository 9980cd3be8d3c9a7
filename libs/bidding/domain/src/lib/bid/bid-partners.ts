import { BiddingRuleBroken } from '../bidding.errors';
import type { BidPartners, Consortium, ProposedSubcontractor } from './bid.commands';

const isWholeShare = (percent: number): boolean => Number.isInteger(percent) && percent >= 1 && percent <= 99;

const assertSubcontractors = (bidderId: string, subcontractors: readonly ProposedSubcontractor[], registered: ReadonlySet<string>): void => {
  const seen = new Set<string>();
  let total = 0;
  for (const { organisationId, sharePercent, scope } of subcontractors) {
    if (organisationId === bidderId) {
      throw new BiddingRuleBroken('SUBCONTRACTOR_IS_THE_BIDDER', 'You cannot propose your own organisation as a subcontractor', { organisationId });
    }
    if (seen.has(organisationId)) {
      throw new BiddingRuleBroken('DUPLICATE_SUBCONTRACTOR', `Organisation ${organisationId} is proposed as a subcontractor more than once`, { organisationId });
    }
    seen.add(organisationId);
    if (!isWholeShare(sharePercent)) {
      throw new BiddingRuleBroken('SUBCONTRACTOR_SHARE_MUST_BE_1_TO_99_PERCENT', "A subcontractor's share is a whole percentage from 1 to 99", {
        organisationId,
        sharePercent,
      });
    }
    if (scope.trim() === '') throw new BiddingRuleBroken('SUBCONTRACTOR_SCOPE_REQUIRED', 'Say what each subcontractor will do', { organisationId });
    if (!registered.has(organisationId)) {
      throw new BiddingRuleBroken('PROPOSED_SUBCONTRACTOR_NOT_REGISTERED', `Organisation ${organisationId} is not in the provider registry; only registered providers may be proposed`, {
        organisationId,
      });
    }
    total += sharePercent;
  }
  if (total >= 100) {
    throw new BiddingRuleBroken('SUBCONTRACTOR_SHARES_MUST_LEAVE_WORK_FOR_THE_BIDDER', `Subcontractors' shares add up to ${total}%: the bidder must keep a share`, {
      totalPercent: total,
    });
  }
};

const assertConsortium = (bidderId: string, consortium: Consortium, subcontractors: readonly ProposedSubcontractor[], registered: ReadonlySet<string>): void => {
  if (consortium.leadOrganisationId !== bidderId) {
    throw new BiddingRuleBroken('CONSORTIUM_LEAD_MUST_BE_THE_BIDDER', 'The organisation submitting a consortium bid leads the consortium', {
      leadOrganisationId: consortium.leadOrganisationId,
    });
  }
  const ids = consortium.members.map((m) => m.organisationId);
  if (!ids.includes(bidderId) || ids.length < 2) {
    throw new BiddingRuleBroken('CONSORTIUM_NEEDS_THE_LEAD_AND_ANOTHER_MEMBER', 'List every consortium member with its share, the lead included, and at least one other');
  }
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw new BiddingRuleBroken('DUPLICATE_CONSORTIUM_MEMBER', `Organisation ${duplicate} is listed more than once`, { organisationId: duplicate });
  }
  for (const { organisationId, sharePercent } of consortium.members) {
    if (!isWholeShare(sharePercent)) {
      throw new BiddingRuleBroken('CONSORTIUM_SHARE_MUST_BE_1_TO_99_PERCENT', "A consortium member's share is a whole percentage from 1 to 99", {
        organisationId,
        sharePercent,
      });
    }
    if (organisationId !== bidderId && !registered.has(organisationId)) {
      throw new BiddingRuleBroken('CONSORTIUM_MEMBER_NOT_REGISTERED', `Organisation ${organisationId} is not in the provider registry`, { organisationId });
    }
    if (subcontractors.some((s) => s.organisationId === organisationId)) {
      throw new BiddingRuleBroken('CONSORTIUM_MEMBER_PROPOSED_AS_SUBCONTRACTOR', `Organisation ${organisationId} is a consortium member, so it cannot also be a subcontractor`, {
        organisationId,
      });
    }
  }
  const total = consortium.members.reduce((sum, m) => sum + m.sharePercent, 0);
  if (total !== 100) {
    throw new BiddingRuleBroken('CONSORTIUM_SHARES_MUST_SUM_TO_100', `Consortium shares add up to ${total}%, not 100%`, { totalPercent: total });
  }
};

/** Checks who a bid names besides the bidder, and returns a copy fit to record. */
export const assertBidPartners = (bidderOrganisationId: string, partners: BidPartners, registeredPartnerIds: readonly string[]): BidPartners => {
  const registered = new Set(registeredPartnerIds);
  assertSubcontractors(bidderOrganisationId, partners.subcontractors, registered);
  if (partners.consortium) assertConsortium(bidderOrganisationId, partners.consortium, partners.subcontractors, registered);
  return {
    subcontractors: partners.subcontractors.map(({ organisationId, sharePercent, scope }) => ({ organisationId, sharePercent, scope: scope.trim() })),
    consortium: partners.consortium
      ? {
          leadOrganisationId: partners.consortium.leadOrganisationId,
          members: partners.consortium.members.map(({ organisationId, sharePercent }) => ({ organisationId, sharePercent })),
        }
      : null,
  };
};

/** Every organisation a bid names besides the bidder: the application looks these up in the registry. */
export const namedPartnerIds = (partners: BidPartners): string[] => [
  ...new Set([...partners.subcontractors.map((s) => s.organisationId), ...(partners.consortium?.members.map((m) => m.organisationId) ?? [])]),
];
