import type { Actor } from '@tendril/shared/event-store';
import type { AuditEntryView, ChallengeView, ClarificationView, TenderView } from '@tendril/tender/application';
import { type AuditEntryModel, ChallengeOutcomeGql, type ChallengeModel, type ClarificationModel, type CriterionKindGql, LotStageGql, type TenderModel, TenderStatusGql } from './tender.models';

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Challenges name the challenger only to those who oversee the tender; a bidder sees its own challenges. */
const visibleChallenges = (view: TenderView, reader: Actor | null): ChallengeModel[] => {
  const oversees = reader !== null && (reader.role === 'auditor' || reader.role === 'admin' || (reader.role === 'commissioner' && reader.organisationId === view.organisationId));
  return view.challenges
    .filter((challenge: ChallengeView) => oversees || (reader?.organisationId !== null && reader?.organisationId === challenge.challengerOrganisationId))
    .map((challenge) => ({
      id: challenge.challengeId,
      lotId: challenge.lotId,
      challengerOrganisationId: challenge.challengerOrganisationId,
      grounds: challenge.grounds,
      challengedAt: new Date(challenge.challengedAt),
      outcome: challenge.outcome === null ? null : ChallengeOutcomeGql[challenge.outcome],
      reasoning: challenge.reasoning,
      resolvedAt: date(challenge.resolvedAt),
    }));
};

export const toTenderModel = (view: TenderView, reader: Actor | null = null): TenderModel => ({
  id: view.tenderId,
  organisationId: view.organisationId,
  title: view.title,
  description: view.description,
  category: view.category,
  status: TenderStatusGql[view.status],
  submissionDeadline: date(view.submissionDeadline),
  clarificationDeadline: date(view.clarificationDeadline),
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
    strandId: lot.strandId ?? null,
    area: lot.area ?? null,
    stage: LotStageGql[lot.stage],
    proposedAward: lot.proposal
      ? { ...lot.proposal, proposedAt: new Date(lot.proposal.proposedAt), standstillEndsAt: new Date(lot.proposal.standstillEndsAt) }
      : null,
    award: lot.award
      ? { ...lot.award, evidenceRefs: [...lot.award.evidenceRefs], awardedAt: new Date(lot.award.awardedAt) }
      : null,
  })),
  criteria: view.criteria.map((c) => ({ ...c, kind: c.kind as CriterionKindGql })),
  lightTouchRegime: view.lightTouchRegime,
  suitableForVcse: view.suitableForVcse,
  reservedParticipation: view.reservedParticipation,
  publishedAt: date(view.publishedAt),
  draftedAt: date(view.draftedAt),
  retenderOfTenderId: view.retenderOfTenderId,
  deadlineExtensions: view.deadlineExtensions.map((extension) => ({
    ...extension,
    previousSubmissionDeadline: new Date(extension.previousSubmissionDeadline),
    submissionDeadline: new Date(extension.submissionDeadline),
    clarificationDeadline: new Date(extension.clarificationDeadline),
    extendedAt: new Date(extension.extendedAt),
  })),
  challenges: visibleChallenges(view, reader),
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
