import type { Actor } from '@tendril/shared/event-store';
import { actsForOrganisation } from '../actors';
import { deadlineReached } from '../values/value-guards';
import type { BidState } from './bid.state';

/**
 * Sealing, as a rule the read side applies to every bid it returns:
 * - the bidding organisation's providers may always read their own bid;
 * - before the deadline nobody else may, not even the commissioner or an auditor;
 * - from the deadline, the tender's commissioners may read live and opened bids (not withdrawn
 *   ones, which never entered the competition) and auditors may read any bid;
 * - providers of other organisations, admins, youth panels and the system never may.
 */
export const canReadBid = (bid: BidState, reader: Actor, now: Date): boolean => {
  if (bid.status === 'none') return false;
  if (actsForOrganisation(reader, bid.organisationId)) return true;
  if (!deadlineReached(bid.submissionDeadline, now)) return false;
  if (reader.role === 'auditor') return true;
  if (reader.role === 'commissioner' && reader.organisationId !== null && reader.organisationId === bid.commissionerOrganisationId) {
    return bid.status !== 'withdrawn';
  }
  return false;
};

/** True while no one but the bidder may read the bid. */
export const isBidSealed = (bid: BidState, now: Date): boolean => bid.status !== 'none' && !deadlineReached(bid.submissionDeadline, now);
