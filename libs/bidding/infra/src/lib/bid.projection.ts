import { BID_EVENT_TYPES, BID_STREAM_PREFIX, type BidEvent } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import { BidRow } from './bid-read-model.entities';

/** Pure: the bid row after an event. */
export const evolveBidRow = (row: BidRow | null, event: BidEvent): BidRow | null => {
  switch (event.type) {
    case 'BidSubmitted': {
      const d = event.data;
      return {
        bidId: d.bidId,
        tenderId: d.tenderId,
        lotId: d.lotId,
        organisationId: d.organisationId,
        commissionerOrganisationId: d.commissionerOrganisationId,
        submissionDeadline: d.submissionDeadline,
        status: 'submitted',
        pricePence: d.pricePence,
        qualityAnswersJson: JSON.stringify(d.qualityAnswers),
        socialValueCommitments: d.socialValueCommitments,
        subcontractorsJson: JSON.stringify(d.subcontractors ?? []),
        consortiumJson: JSON.stringify(d.consortium ?? null),
        submittedAt: d.submittedAt,
        amendedAt: null,
        withdrawnAt: null,
        openedAt: null,
        complianceReason: null,
      };
    }
    case 'BidAmended':
      return row && {
        ...row,
        pricePence: event.data.pricePence,
        qualityAnswersJson: JSON.stringify(event.data.qualityAnswers),
        socialValueCommitments: event.data.socialValueCommitments,
        subcontractorsJson: JSON.stringify(event.data.subcontractors ?? []),
        consortiumJson: JSON.stringify(event.data.consortium ?? null),
        amendedAt: event.data.amendedAt,
      };
    case 'BidWithdrawn':
      return row && { ...row, status: 'withdrawn', withdrawnAt: event.data.withdrawnAt };
    case 'BidOpened':
      return row && { ...row, status: 'opened', openedAt: event.data.openedAt };
    case 'BidShortlisted':
      return row && { ...row, status: 'shortlisted' };
    case 'BidOutcomeRecorded':
      return row && { ...row, status: event.data.successful ? 'successful' : 'unsuccessful' };
    case 'BidComplianceAssessed':
      return row && { ...row, status: event.data.compliant ? 'compliant' : 'non_compliant', complianceReason: event.data.reason };
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled bid event ${(unknown as { type: string }).type}`);
    }
  }
};

export const bidReadModelProjection = rowProjection<BidRow, BidEvent>({
  name: 'bid-read-model',
  entity: BidRow,
  eventTypes: BID_EVENT_TYPES,
  streamPrefixes: [BID_STREAM_PREFIX],
  rowKey: (event) => ({ bidId: event.data.bidId }),
  evolve: evolveBidRow,
});
