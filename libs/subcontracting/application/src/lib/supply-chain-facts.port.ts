import type { ProviderEligibility, StrandOutcomeFramework, TransitionTarget } from '@tendril/subcontracting/domain';

/**
 * Facts this context keeps from other contexts' integration events and from its own read models, looked
 * up by handlers and passed into the decider (which decides on them with the command's `now`).
 */
export abstract class SupplyChainFacts {
  /** What the provider registry last published about an organisation (unregistered when it never did). */
  abstract eligibilityOf(organisationId: string): Promise<ProviderEligibility>;
  /**
   * A plan strand's outcomes framework as the tender context published it: the plan's strand when `planId`
   * is given, otherwise the council's latest release of a strand with that id.
   */
  abstract strandFramework(strand: { readonly planId: string | null; readonly strandId: string; readonly commissionerOrganisationId: string | null }): Promise<StrandOutcomeFramework | null>;
  /** The registry's facts about every organisation with live work in a contract's chain, by organisation id. */
  abstract chainEligibility(contractId: string): Promise<Readonly<Record<string, ProviderEligibility>>>;
  /** The named contracts, and every in-house agreement of the council that let `contractId`, with their headroom. */
  abstract transitionTargets(contractId: string, namedContractIds: readonly string[]): Promise<readonly TransitionTarget[]>;
}
