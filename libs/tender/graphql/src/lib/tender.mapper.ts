import type { AuditEntryView, ClarificationView, TenderView } from '@tendril/tender/application';
import { type AuditEntryModel, type ClarificationModel, type CriterionKindGql, type TenderModel, TenderStatusGql } from './tender.models';

export const toTenderModel = (view: TenderView): TenderModel => ({
  id: view.tenderId,
  organisationId: view.organisationId,
  title: view.title,
  description: view.description,
  category: view.category,
  status: TenderStatusGql[view.status],
  submissionDeadline: new Date(view.submissionDeadline),
  clarificationDeadline: new Date(view.clarificationDeadline),
  planId: view.planId,
  strandId: view.strandId,
  area: view.area,
  documents: view.documents.map((document) => ({ ...document })),
  amendments: view.amendments.map((amendment) => ({ ...amendment, amendedAt: new Date(amendment.amendedAt) })),
  totalEstimatedValuePence: view.totalEstimatedValuePence,
  lots: view.lots.map((lot) => ({
    lotId: lot.lotId,
    title: lot.title,
    estimatedValuePence: lot.estimatedValuePence,
    award: lot.award
      ? { ...lot.award, evidenceRefs: [...lot.award.evidenceRefs], awardedAt: new Date(lot.award.awardedAt) }
      : null,
  })),
  criteria: view.criteria.map((c) => ({ ...c, kind: c.kind as CriterionKindGql })),
  lightTouchRegime: view.lightTouchRegime,
  suitableForVcse: view.suitableForVcse,
  reservedParticipation: view.reservedParticipation,
  publishedAt: new Date(view.publishedAt),
  closedAt: view.closedAt ? new Date(view.closedAt) : null,
  cancelledAt: view.cancelledAt ? new Date(view.cancelledAt) : null,
  cancellationReason: view.cancellationReason,
});

export const toAuditEntryModel = (entry: AuditEntryView): AuditEntryModel => ({
  position: entry.position,
  streamName: entry.streamName,
  eventType: entry.eventType,
  occurredAt: new Date(entry.occurredAt),
  actor: { userId: entry.actorUserId, role: entry.actorRole, organisationId: entry.actorOrganisationId },
  correlationId: entry.correlationId,
  summary: entry.summary,
});

export const toClarificationModel = (view: ClarificationView): ClarificationModel => ({
  id: view.questionId,
  tenderId: view.tenderId,
  question: view.question,
  answer: view.answer,
  askedAt: new Date(view.askedAt),
  answeredAt: view.answeredAt ? new Date(view.answeredAt) : null,
  askedByOrganisationId: view.askedByOrganisationId,
  askedByYourOrganisation: view.askedByReader,
});
