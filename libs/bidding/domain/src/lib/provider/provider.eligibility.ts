import { BiddingRuleBroken } from '../bidding.errors';
import type { DueDiligenceKind } from './provider.commands';
import type { ProviderState, RegisteredProvider } from './provider.state';

const LABEL: Readonly<Record<DueDiligenceKind, string>> = {
  safeguarding_policy: 'safeguarding policy',
  dbs_checks: 'DBS checks for staff',
  insurance: 'insurance',
  latest_accounts: 'latest accounts',
};

export const dueDiligenceLabel = (kind: DueDiligenceKind): string => LABEL[kind];

const day = (instant: string): string => instant.slice(0, 10);

/**
 * May this organisation start something new (a bid; for the subcontracting context, a subcontract)?
 * It must be registered with a current safeguarding declaration, and no declaration it made may have
 * lapsed. Each refusal names the declaration to renew.
 */
export const assertMayTakeOnNewWork = (state: ProviderState, organisationId: string, now: Date): RegisteredProvider => {
  if (state.status === 'unregistered') {
    throw new BiddingRuleBroken(
      'PROVIDER_NOT_REGISTERED',
      'Register your organisation in the provider registry, and declare your safeguarding policy, before bidding',
      { organisationId },
    );
  }
  const safeguarding = state.declarations.find((d) => d.kind === 'safeguarding_policy');
  if (!safeguarding) {
    throw new BiddingRuleBroken('SAFEGUARDING_DECLARATION_MISSING', 'Declare your safeguarding policy before bidding', {
      organisationId,
      renew: 'safeguarding_policy',
    });
  }
  if (now.getTime() >= Date.parse(safeguarding.expiresAt)) {
    throw new BiddingRuleBroken(
      'SAFEGUARDING_DECLARATION_EXPIRED',
      `Your safeguarding policy declaration expired on ${day(safeguarding.expiresAt)}: renew it (declare your current safeguarding policy) before bidding`,
      { organisationId, renew: 'safeguarding_policy', expiredAt: safeguarding.expiresAt },
    );
  }
  const lapsed = state.declarations.find((d) => now.getTime() >= Date.parse(d.expiresAt));
  if (lapsed) {
    throw new BiddingRuleBroken(
      'DUE_DILIGENCE_EXPIRED',
      `Your ${LABEL[lapsed.kind]} declaration expired on ${day(lapsed.expiresAt)}: renew it before bidding`,
      { organisationId, renew: lapsed.kind, expiredAt: lapsed.expiresAt },
    );
  }
  return state;
};
