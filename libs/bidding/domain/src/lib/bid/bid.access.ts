import type { Actor } from '@tendril/shared/event-store';
import { actsForOrganisation } from '../actors';
import { deadlineReached } from '../values/value-guards';
import type { BidState } from './bid.state';

/** An evaluator's access to one tender's bids, granted by their declaration of interests. */
export interface EvaluatorGrant {
  readonly tenderId: string;
  readonly conflictedOrganisationIds: readonly string[];
}

const grantCovers = (grant: EvaluatorGrant, tenderId: string, organisationId: string): boolean =>
  grant.tenderId === tenderId && !grant.conflictedOrganisationIds.includes(organisationId);

/**
 * Sealing, as a rule the read side applies to every bid it returns:
 * - the bidding organisation's providers may always read their own bid;
 * - before the deadline nobody else may, not even the commissioner or an auditor;
 * - from the deadline, the tender's commissioners may read live and opened bids (not withdrawn
 *   ones, which never entered the competition) and auditors may read any bid;
 * - an assigned evaluator who has declared their interests may read the tender's live and opened bids,
 *   except those of organisations they declared a conflict with (`evaluatorGrants`), and a declared
 *   conflict holds even for an officer of the commissioning council, who could otherwise read them all;
 * - providers of other organisations, admins, youth panels and the system never may.
 */
export const canReadBid = (bid: BidState, reader: Actor, now: Date, evaluatorGrants: readonly EvaluatorGrant[] = []): boolean => {
  if (bid.status === 'none') return false;
  if (actsForOrganisation(reader, bid.organisationId)) return true;
  if (!deadlineReached(bid.submissionDeadline, now)) return false;
  if (reader.role === 'auditor') return true;
  // A declared conflict removes the evaluator from the bid, even one who works for the commissioning council.
  if (reader.role === 'commissioner' && evaluatorGrants.some((grant) => grant.tenderId === bid.tenderId && grant.conflictedOrganisationIds.includes(bid.organisationId))) {
    return false;
  }
  if (reader.role === 'commissioner' && bid.status !== 'withdrawn' && evaluatorGrants.some((grant) => grantCovers(grant, bid.tenderId, bid.organisationId))) {
    return true;
  }
  if (reader.role === 'commissioner' && reader.organisationId !== null && reader.organisationId === bid.commissionerOrganisationId) {
    return bid.status !== 'withdrawn';
  }
  return false;
};

/** True while no one but the bidder may read the bid. */
export const isBidSealed = (bid: BidState, now: Date): boolean => bid.status !== 'none' && !deadlineReached(bid.submissionDeadline, now);
