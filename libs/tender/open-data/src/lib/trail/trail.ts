import { BID_RECEIVED_V1, BID_WITHDRAWN_V1, BIDDING_INTEGRATION_STREAM_PREFIX, BIDS_OPENED_V1, type BidsOpenedV1Data, EVALUATION_COMPLETED_V1, type EvaluationCompletedV1Data } from '@tendril/bidding/contracts';
import type { RecordedEvent } from '@tendril/shared/event-store';
import {
  CONTRACT_CREATED_V1,
  CONTRACT_TERMINATED_V1,
  CONTRACT_VARIED_V1,
  type ContractCreatedV1Data,
  type ContractTerminatedV1Data,
  type ContractVariedV1Data,
  STRAND_DECOMMISSIONED_V1,
  type StrandDecommissionedV1Data,
  SUBCONTRACT_ENDED_V1,
  SUBCONTRACT_VARIED_V1,
  type SubcontractEndedV1Data,
  SUBCONTRACTOR_ADDED_V1,
  type SubcontractorAddedV1Data,
  type SubcontractVariedV1Data,
} from '@tendril/subcontracting/contracts';
import type { ClarificationAnsweredData, ClarificationAskedData, LotAwardedData, TenderDocumentAmendedData, TenderPublishedData } from '@tendril/tender/domain';
import { inLogOrder, type TenderEventSources } from '../ocds/ocds-sources';
import { type CsvCell, toCsv } from './csv';

/** One recorded fact of a trail, as an auditor reads it. */
export interface TrailEntry {
  readonly position: number;
  readonly occurredAt: string;
  readonly eventType: string;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly actorOrganisationId: string | null;
  readonly reason: string | null;
  readonly evidenceRefs: readonly string[];
  readonly summary: string;
  readonly streamName: string;
  readonly correlationId: string;
}

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

const summarise = (event: RecordedEvent): string => {
  switch (event.type) {
    case 'TenderPublished': {
      const d = event.data as TenderPublishedData;
      return `Published tender "${d.title}" with ${d.lots.length} lot(s) and submission deadline ${d.submissionDeadline}`;
    }
    case 'TenderClosed':
      return 'Closed at the submission deadline; bids unsealed';
    case 'LotAwarded': {
      const d = event.data as LotAwardedData;
      return `Awarded lot ${d.lotId} to organisation ${d.supplierOrganisationId} (bid ${d.bidId}, ${pounds(d.valuePence)}, ${d.contractStartDate} to ${d.contractEndDate})`;
    }
    case 'TenderCancelled':
      return 'Cancelled the tender';
    case 'TenderDeclaredUnsuccessful':
      return 'Declared the competition unsuccessful';
    case 'TenderDocumentAmended': {
      const d = event.data as TenderDocumentAmendedData;
      return `Amended document ${d.documentId} (SHA-256 now ${d.contentHash}): ${d.summary}`;
    }
    case 'ClarificationAsked': {
      const d = event.data as ClarificationAskedData;
      return `Organisation ${d.askedByOrganisationId} asked clarification ${d.questionId}: ${d.question}`;
    }
    case 'ClarificationAnswered': {
      const d = event.data as ClarificationAnsweredData;
      return `Answered clarification ${d.questionId} for every provider: ${d.answer}`;
    }
    case BIDS_OPENED_V1: {
      const d = event.data as BidsOpenedV1Data;
      return `Opened ${d.bids.length} bid(s): ${d.bids.map((bid) => `${bid.bidId} (lot ${bid.lotId}, organisation ${bid.organisationId})`).join('; ')}`;
    }
    case EVALUATION_COMPLETED_V1: {
      const d = event.data as EvaluationCompletedV1Data;
      return `Evaluation of lot ${d.lotId} completed: bid ${d.winner.bidId} (organisation ${d.winner.supplierOrganisationId}) ranked first of ${d.ranking.length} with ${d.winner.totalScore}`;
    }
    case CONTRACT_CREATED_V1: {
      const d = event.data as ContractCreatedV1Data;
      return `Contract ${d.contractId} created for lot ${d.lotId} with prime ${d.primeOrganisationId} (${pounds(d.valuePence)}, ${d.startDate} to ${d.endDate})`;
    }
    case SUBCONTRACTOR_ADDED_V1: {
      const d = event.data as SubcontractorAddedV1Data;
      return `Organisation ${d.parentOrganisationId} subcontracted ${d.scope} in ${d.area} to organisation ${d.subcontractorOrganisationId} (subcontract ${d.subcontractId}, tier ${d.tier}, ${pounds(d.valuePence)}, payment in ${d.paymentTermsDays} days)`;
    }
    case SUBCONTRACT_ENDED_V1:
      return `Subcontract ${(event.data as SubcontractEndedV1Data).subcontractId} ended`;
    case CONTRACT_VARIED_V1:
    case SUBCONTRACT_VARIED_V1: {
      const d = event.data as ContractVariedV1Data & Partial<SubcontractVariedV1Data>;
      const changes = Object.entries(d.changes).map(([term, value]) => `${term} ${String(d.previous[term as keyof typeof d.previous] ?? 'unset')} -> ${String(value)}`);
      const subject = d.subcontractId ? `subcontract ${d.subcontractId}` : `contract ${d.contractId}`;
      return `Variation ${d.variationId} of ${subject} approved by ${d.approvedBy.userId} for organisation ${d.approvedBy.organisationId}: ${changes.join('; ')}`;
    }
    case CONTRACT_TERMINATED_V1:
      return `Contract ${(event.data as ContractTerminatedV1Data).contractId} terminated`;
    case STRAND_DECOMMISSIONED_V1: {
      const d = event.data as StrandDecommissionedV1Data;
      return `Decommissioned contract ${d.contractId} (case ${d.caseId}) with ${d.noticePeriodDays} days' notice; delivery ends ${d.endDate}; ${d.transition.length} subcontract(s) transferred or ended`;
    }
    default:
      return `Recorded ${event.type}`;
  }
};

const reasonOf = (data: Record<string, unknown>): string | null => {
  for (const key of ['reason', 'rationale']) if (typeof data[key] === 'string') return data[key];
  return null;
};

const evidenceOf = (data: Record<string, unknown>): readonly string[] => {
  const refs = data['evidenceRefs'];
  return Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
};

const entryOf = (event: RecordedEvent): TrailEntry => {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return {
    position: event.position,
    occurredAt: event.metadata.occurredAt,
    eventType: event.type,
    actorUserId: event.metadata.actor.userId,
    actorRole: event.metadata.actor.role,
    actorOrganisationId: event.metadata.actor.organisationId,
    reason: reasonOf(data),
    evidenceRefs: evidenceOf(data),
    summary: summarise(event),
    streamName: event.streamName,
    correlationId: event.metadata.correlationId,
  };
};

/**
 * Whether a bidding fact may enter a trail: only once the bids were opened at the deadline. Bid arrivals and
 * withdrawals are left out altogether: who bid is told once, by the bids-opened fact.
 */
const unsealed = (event: RecordedEvent, deadline: string | null, openedAt: string | null): boolean => {
  if (event.type === BID_RECEIVED_V1 || event.type === BID_WITHDRAWN_V1) return false;
  return deadline !== null && openedAt !== null && event.metadata.occurredAt >= deadline && event.metadata.occurredAt >= openedAt;
};

/** The ordered trail of a tender across contexts: its own facts, the bidding facts after the deadline, and its contracts' facts. */
export const tenderTrail = (sources: TenderEventSources): TrailEntry[] => {
  const published = sources.tenderEvents.find((event) => event.type === 'TenderPublished')?.data as TenderPublishedData | undefined;
  const opened = sources.biddingEvents.find((event) => event.type === BIDS_OPENED_V1);
  // An amendment may have moved the deadline later: the latest one is when bids unsealed.
  const extensions = sources.tenderEvents.filter((event) => event.type === 'TenderDeadlineExtended');
  const extended = (extensions[extensions.length - 1]?.data as { submissionDeadline?: string } | undefined)?.submissionDeadline;
  const deadline = extended ?? published?.submissionDeadline ?? null;
  const openedAt = opened?.metadata.occurredAt ?? null;
  return inLogOrder({ ...sources, planEvents: [] })
    .filter((event) => !event.streamName.startsWith(BIDDING_INTEGRATION_STREAM_PREFIX) || unsealed(event, deadline, openedAt))
    .map(entryOf);
};

/** The trail of one contract: the award it came from, then every fact published about it and its supply chain. */
export const contractTrail = (contractId: string, sources: TenderEventSources): TrailEntry[] => {
  const created = sources.contractEvents.find((event) => event.type === CONTRACT_CREATED_V1 && (event.data as ContractCreatedV1Data).contractId === contractId);
  if (!created) return [];
  const { lotId, bidId } = created.data as ContractCreatedV1Data;
  const award = sources.tenderEvents.filter((event) => {
    const data = event.data as Partial<LotAwardedData>;
    return event.type === 'LotAwarded' && data.lotId === lotId && data.bidId === bidId;
  });
  const ofContract = sources.contractEvents.filter((event) => (event.data as { contractId?: unknown }).contractId === contractId);
  return [...award, ...ofContract].sort((a, b) => a.position - b.position).map(entryOf);
};

export const TRAIL_CSV_HEADER = [
  'position',
  'occurred_at',
  'event_type',
  'actor_user_id',
  'actor_role',
  'actor_organisation_id',
  'reason',
  'evidence_refs',
  'summary',
  'stream',
  'correlation_id',
] as const;

/** The trail as an RFC 4180 CSV document with a header row; evidence references are separated by `; `. */
export const trailCsv = (entries: readonly TrailEntry[]): string =>
  toCsv(
    TRAIL_CSV_HEADER,
    entries.map((entry): CsvCell[] => [
      entry.position,
      entry.occurredAt,
      entry.eventType,
      entry.actorUserId,
      entry.actorRole,
      entry.actorOrganisationId,
      entry.reason,
      entry.evidenceRefs.join('; '),
      entry.summary,
      entry.streamName,
      entry.correlationId,
    ]),
  );
