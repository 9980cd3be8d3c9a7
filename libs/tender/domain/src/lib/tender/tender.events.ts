import type { DomainEvent } from '@tendril/shared/ddd';
import type { EvaluationCriterion, Lot, TenderDocument } from './tender.commands';

export interface TenderPublishedData {
  readonly tenderId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly lots: readonly Lot[];
  readonly criteria: readonly EvaluationCriterion[];
  /** Canonical UTC ISO-8601 instant. */
  readonly submissionDeadline: string;
  /** Canonical UTC instant; absent on tenders published before clarifications, which take questions until the submission deadline. */
  readonly clarificationDeadline?: string;
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  /** The commissioning plan and strand the tender belongs to; absent or null outside a plan. */
  readonly planId?: string | null;
  readonly strandId?: string | null;
  /** The strand's locality, so providers can find tenders by area. */
  readonly area?: string | null;
  /** Absent on tenders published before documents were recorded. */
  readonly documents?: readonly TenderDocument[];
  readonly publishedAt: string;
}

export interface TenderClosedData {
  readonly tenderId: string;
  readonly closedAt: string;
}

export interface LotAwardedData {
  readonly tenderId: string;
  /** The commissioner's organisation, so consumers need not remember the tender. */
  readonly organisationId: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly evidenceRefs: readonly string[];
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  readonly paymentTermsDays: number;
  readonly awardedAt: string;
}

export interface TenderCancelledData {
  readonly tenderId: string;
  readonly reason: string;
  readonly cancelledAt: string;
}

export interface ClarificationAskedData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly question: string;
  /** Kept in the tender's own record; never published with the answer. */
  readonly askedByOrganisationId: string;
  readonly askedAt: string;
}

/** The published clarification: question and answer, with the asker left out. */
export interface ClarificationAnsweredData {
  readonly tenderId: string;
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly answeredAt: string;
}

/** A published document changed: a recorded amendment every interested provider is told about. */
export interface TenderDocumentAmendedData {
  readonly tenderId: string;
  readonly documentId: string;
  readonly previousContentHash: string;
  readonly contentHash: string;
  readonly summary: string;
  readonly amendedAt: string;
}

export type TenderPublished = DomainEvent<'TenderPublished', TenderPublishedData>;
export type TenderClosed = DomainEvent<'TenderClosed', TenderClosedData>;
export type LotAwarded = DomainEvent<'LotAwarded', LotAwardedData>;
export type TenderCancelled = DomainEvent<'TenderCancelled', TenderCancelledData>;

export type ClarificationAsked = DomainEvent<'ClarificationAsked', ClarificationAskedData>;
export type ClarificationAnswered = DomainEvent<'ClarificationAnswered', ClarificationAnsweredData>;

export type TenderDeclaredUnsuccessful = DomainEvent<'TenderDeclaredUnsuccessful', { readonly tenderId: string; readonly reason: string; readonly declaredAt: string }>;
export type TenderDocumentAmended = DomainEvent<'TenderDocumentAmended', TenderDocumentAmendedData>;

export type TenderEvent =
  | TenderPublished
  | TenderClosed
  | LotAwarded
  | TenderCancelled
  | ClarificationAsked
  | ClarificationAnswered
  | TenderDocumentAmended
  | TenderDeclaredUnsuccessful;

export const TENDER_EVENT_TYPES: readonly TenderEvent['type'][] = [
  'TenderPublished',
  'TenderClosed',
  'LotAwarded',
  'TenderCancelled',
  'ClarificationAsked',
  'ClarificationAnswered',
  'TenderDocumentAmended',
  'TenderDeclaredUnsuccessful',
];
