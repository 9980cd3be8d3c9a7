import type { Actor } from '@tendril/shared/event-store';
import type { BidStatus, Consortium, ProposedSubcontractor, QualityAnswer } from '@tendril/bidding/domain';

export interface BidAttachmentView {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly addedAt: string;
}

export interface BidView {
  readonly bidId: string;
  readonly tenderId: string;
  readonly lotId: string;
  readonly organisationId: string;
  readonly commissionerOrganisationId: string;
  /** The competition's deadline as it stands now (an extension moves it). */
  readonly submissionDeadline: string;
  readonly status: BidStatus;
  readonly pricePence: number;
  readonly qualityAnswers: readonly QualityAnswer[];
  readonly socialValueCommitments: string;
  readonly subcontractors: readonly ProposedSubcontractor[];
  readonly consortium: Consortium | null;
  readonly attachments: readonly BidAttachmentView[];
  readonly submittedAt: string;
  readonly amendedAt: string | null;
  readonly withdrawnAt: string | null;
  readonly openedAt: string | null;
  /** Why the commissioner found the bid compliant or not; null until checked. */
  readonly complianceReason: string | null;
}

export interface BidFilter {
  readonly tenderId?: string;
  readonly lotId?: string;
}

/**
 * Bids as a reader may see them. Sealing is enforced here, where data is read: every method takes the
 * reader and the time and returns only bids that reader may see at that time, so no caller can forget.
 */
export abstract class BidReadModel {
  abstract findReadableBid(bidId: string, reader: Actor, now: Date): Promise<BidView | null>;
  abstract findReadableBids(filter: BidFilter, reader: Actor, now: Date): Promise<readonly BidView[]>;
  abstract waitForPosition(position: number): Promise<void>;
}
