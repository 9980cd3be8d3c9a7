import type { EvaluationCriterion, Lot } from './tender.commands';
import type { TenderEvent } from './tender.events';

// What this context publishes, mapped from its domain events. The shapes mirror
// `@tendril/tender/contracts` structurally: a domain library may not import a contracts library,
// so the translator (application layer) types the result as `TenderIntegrationEvent[]` and the
// compiler checks that the two agree. Internal facts (rationale, evidence, description) stay home.

export interface PublishedTenderPublished {
  readonly type: 'tender.tender-published.v1';
  readonly data: {
    readonly tenderId: string;
    readonly organisationId: string;
    readonly title: string;
    readonly category: string;
    readonly lots: readonly Lot[];
    readonly criteria: readonly EvaluationCriterion[];
    readonly submissionDeadline: string;
    readonly lightTouchRegime: boolean;
    readonly suitableForVcse: boolean;
    readonly reservedParticipation: boolean;
    readonly publishedAt: string;
    readonly planId: string | null;
    readonly strandId: string | null;
    readonly retenderOfTenderId: string | null;
  };
}

export interface PublishedTenderClosed {
  readonly type: 'tender.tender-closed.v1';
  readonly data: { readonly tenderId: string; readonly closedAt: string };
}

export interface PublishedLotAwarded {
  readonly type: 'tender.lot-awarded.v1';
  readonly data: {
    readonly tenderId: string;
    readonly organisationId: string;
    readonly lotId: string;
    readonly bidId: string;
    readonly supplierOrganisationId: string;
    readonly valuePence: number;
    readonly contractStartDate: string;
    readonly contractEndDate: string;
    readonly paymentTermsDays: number;
    readonly awardedAt: string;
    readonly planId: string | null;
    readonly strandId: string | null;
  };
}

export interface PublishedAwardProposed {
  readonly type: 'tender.award-proposed.v1';
  readonly data: {
    readonly tenderId: string;
    readonly organisationId: string;
    readonly lotId: string;
    readonly bidId: string;
    readonly supplierOrganisationId: string;
    readonly valuePence: number;
    readonly proposedAt: string;
    readonly standstillEndsAt: string;
  };
}

export interface PublishedAwardWithdrawn {
  readonly type: 'tender.award-withdrawn.v1';
  readonly data: { readonly tenderId: string; readonly lotId: string; readonly bidId: string; readonly reason: string; readonly withdrawnAt: string };
}

export interface PublishedDeadlineExtended {
  readonly type: 'tender.deadline-extended.v1';
  readonly data: {
    readonly tenderId: string;
    readonly previousSubmissionDeadline: string;
    readonly submissionDeadline: string;
    readonly reason: string;
    readonly extendedAt: string;
  };
}

export interface PublishedTenderCancelled {
  readonly type: 'tender.tender-cancelled.v1';
  readonly data: { readonly tenderId: string; readonly reason: string; readonly cancelledAt: string };
}

export interface PublishedClarification {
  readonly type: 'tender.clarification-published.v1';
  readonly data: {
    readonly tenderId: string;
    readonly questionId: string;
    readonly question: string;
    readonly answer: string;
    readonly publishedAt: string;
  };
}

export interface PublishedTenderAmended {
  readonly type: 'tender.tender-amended.v1';
  readonly data: {
    readonly tenderId: string;
    readonly documentId: string;
    readonly contentHash: string;
    readonly summary: string;
    readonly amendedAt: string;
  };
}

export interface PublishedTenderUnsuccessful {
  readonly type: 'tender.tender-unsuccessful.v1';
  readonly data: { readonly tenderId: string; readonly reason: string; readonly declaredAt: string };
}

export type TenderPublishedFact =
  | PublishedAwardProposed
  | PublishedAwardWithdrawn
  | PublishedDeadlineExtended
  | PublishedTenderUnsuccessful
  | PublishedTenderAmended
  | PublishedTenderPublished
  | PublishedTenderClosed
  | PublishedLotAwarded
  | PublishedTenderCancelled
  | PublishedClarification;

export const toIntegrationEvents = (event: TenderEvent): readonly TenderPublishedFact[] => {
  switch (event.type) {
    case 'TenderPublished': {
      const { data } = event;
      return [
        {
          type: 'tender.tender-published.v1',
          data: {
            tenderId: data.tenderId,
            organisationId: data.organisationId,
            title: data.title,
            category: data.category,
            lots: data.lots.map(({ lotId, title, estimatedValuePence, strandId, area }) => ({
              lotId,
              title,
              estimatedValuePence,
              strandId: strandId ?? data.strandId ?? null,
              area: area ?? data.area ?? null,
            })),
            criteria: data.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
            submissionDeadline: data.submissionDeadline,
            lightTouchRegime: data.lightTouchRegime,
            suitableForVcse: data.suitableForVcse,
            reservedParticipation: data.reservedParticipation,
            publishedAt: data.publishedAt,
            planId: data.planId ?? null,
            strandId: data.strandId ?? null,
            retenderOfTenderId: data.retenderOfTenderId ?? null,
          },
        },
      ];
    }
    case 'TenderClosed':
      return [{ type: 'tender.tender-closed.v1', data: { tenderId: event.data.tenderId, closedAt: event.data.closedAt } }];
    case 'LotAwarded': {
      const { data } = event;
      return [
        {
          type: 'tender.lot-awarded.v1',
          data: {
            tenderId: data.tenderId,
            organisationId: data.organisationId,
            lotId: data.lotId,
            bidId: data.bidId,
            supplierOrganisationId: data.supplierOrganisationId,
            valuePence: data.valuePence,
            contractStartDate: data.contractStartDate,
            contractEndDate: data.contractEndDate,
            paymentTermsDays: data.paymentTermsDays,
            awardedAt: data.awardedAt,
            planId: data.planId ?? null,
            strandId: data.strandId ?? null,
          },
        },
      ];
    }
    case 'TenderCancelled': {
      const { data } = event;
      return [{ type: 'tender.tender-cancelled.v1', data: { tenderId: data.tenderId, reason: data.reason, cancelledAt: data.cancelledAt } }];
    }
    // A question stays with the tender until answered; only the anonymised answer is published. Drafts,
    // the bidding facts the tender records and challenges stay inside the context.
    case 'ClarificationAsked':
    case 'TenderDrafted':
    case 'TenderDraftRevised':
    case 'EvaluationStarted':
    case 'LotEvaluated':
    case 'AwardChallenged':
    case 'ChallengeResolved':
      return [];
    case 'AwardProposed': {
      const { data } = event;
      return [
        {
          type: 'tender.award-proposed.v1',
          data: {
            tenderId: data.tenderId,
            organisationId: data.organisationId,
            lotId: data.lotId,
            bidId: data.bidId,
            supplierOrganisationId: data.supplierOrganisationId,
            valuePence: data.valuePence,
            proposedAt: data.proposedAt,
            standstillEndsAt: data.standstillEndsAt,
          },
        },
      ];
    }
    case 'AwardWithdrawn': {
      const { data } = event;
      return [{ type: 'tender.award-withdrawn.v1', data: { tenderId: data.tenderId, lotId: data.lotId, bidId: data.bidId, reason: data.reason, withdrawnAt: data.withdrawnAt } }];
    }
    case 'TenderDeadlineExtended': {
      const { data } = event;
      return [
        {
          type: 'tender.deadline-extended.v1',
          data: {
            tenderId: data.tenderId,
            previousSubmissionDeadline: data.previousSubmissionDeadline,
            submissionDeadline: data.submissionDeadline,
            reason: data.reason,
            extendedAt: data.extendedAt,
          },
        },
      ];
    }
    case 'TenderDeclaredUnsuccessful':
      return [{ type: 'tender.tender-unsuccessful.v1', data: { ...event.data } }];
    case 'TenderDocumentAmended': {
      const { data } = event;
      return [
        {
          type: 'tender.tender-amended.v1',
          data: { tenderId: data.tenderId, documentId: data.documentId, contentHash: data.contentHash, summary: data.summary, amendedAt: data.amendedAt },
        },
      ];
    }
    case 'ClarificationAnswered': {
      const { data } = event;
      return [
        {
          type: 'tender.clarification-published.v1',
          data: { tenderId: data.tenderId, questionId: data.questionId, question: data.question, answer: data.answer, publishedAt: data.answeredAt },
        },
      ];
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown tender event ${(unknown as { type: string }).type}`);
    }
  }
};
