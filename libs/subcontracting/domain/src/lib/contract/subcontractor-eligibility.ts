import { SubcontractingRuleBroken } from '../subcontracting.errors';
import type { ProviderEligibility } from './contract.commands';

// The same test bidding applies before it takes a bid, judged here on the registry's published facts.

const LABEL: Readonly<Record<string, string>> = {
  safeguarding_policy: 'safeguarding policy',
  dbs_checks: 'DBS checks for staff',
  insurance: 'insurance',
  latest_accounts: 'latest accounts',
};

const day = (instant: string): string => instant.slice(0, 10);

/** Only a registered provider with a current safeguarding declaration, and no lapsed declaration, takes on new subcontracted work. */
export const assertSubcontractorEligible = (organisationId: string, eligibility: ProviderEligibility | undefined, now: Date): void => {
  if (!eligibility?.registered) {
    throw new SubcontractingRuleBroken(
      'SUBCONTRACTOR_NOT_REGISTERED',
      `Organisation ${organisationId} is not in the provider registry: it must register and declare its safeguarding policy before it can be subcontracted`,
      { organisationId },
    );
  }
  const safeguarding = eligibility.declarations.find((d) => d.kind === 'safeguarding_policy');
  if (!safeguarding) {
    throw new SubcontractingRuleBroken(
      'SUBCONTRACTOR_SAFEGUARDING_MISSING',
      `Organisation ${organisationId} has not declared a safeguarding policy: it must declare one before it can be subcontracted`,
      { organisationId, renew: 'safeguarding_policy' },
    );
  }
  if (now.getTime() >= Date.parse(safeguarding.expiresAt)) {
    throw new SubcontractingRuleBroken(
      'SUBCONTRACTOR_SAFEGUARDING_EXPIRED',
      `The subcontractor's safeguarding policy declaration expired on ${day(safeguarding.expiresAt)}: it must renew it (declare its current safeguarding policy) before it can be subcontracted`,
      { organisationId, renew: 'safeguarding_policy', expiredAt: safeguarding.expiresAt },
    );
  }
  const lapsed = eligibility.declarations.find((d) => now.getTime() >= Date.parse(d.expiresAt));
  if (lapsed) {
    throw new SubcontractingRuleBroken(
      'SUBCONTRACTOR_DUE_DILIGENCE_EXPIRED',
      `The subcontractor's ${LABEL[lapsed.kind] ?? lapsed.kind} declaration expired on ${day(lapsed.expiresAt)}: it must renew it before it can be subcontracted`,
      { organisationId, renew: lapsed.kind, expiredAt: lapsed.expiresAt },
    );
  }
};
