import type { EvaluationCriterion, Lot } from './tender.commands';
import type { TenderEvent } from './tender.events';

export interface LotAward {
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly awardedAt: string;
}

export interface TenderLot extends Lot {
  readonly award: LotAward | null;
}

/**
 * `open` -> `closed` (deadline reached) -> `awarded` (every lot awarded); `cancelled` from open or
 * closed while nothing is awarded. Issue 3 slots `draft` before `open` and standstill after awards.
 */
export type TenderStatus = 'open' | 'closed' | 'awarded' | 'cancelled' | 'unsuccessful';

export interface UnpublishedTender {
  readonly status: 'none';
}

export interface PublishedTender {
  readonly status: TenderStatus;
  readonly tenderId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly category: string;
  readonly submissionDeadline: string;
  readonly clarificationDeadline: string;
  /** Document id -> its current content hash. */
  readonly documents: Readonly<Record<string, string>>;
  /** Question id -> its text and whether it has been answered. */
  readonly clarifications: Readonly<Record<string, { readonly question: string; readonly answered: boolean }>>;
  readonly lots: readonly TenderLot[];
  readonly criteria: readonly EvaluationCriterion[];
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
}

export type TenderState = UnpublishedTender | PublishedTender;

export const initialTenderState = (): TenderState => ({ status: 'none' });

const published = (state: TenderState, eventType: string): PublishedTender => {
  // An event other than TenderPublished on an empty stream means the stream is corrupt.
  if (state.status === 'none') throw new Error(`${eventType} applied to a tender that was never published`);
  return state;
};

export const evolveTender = (state: TenderState, event: TenderEvent): TenderState => {
  switch (event.type) {
    case 'TenderPublished': {
      const { data } = event;
      return {
        status: 'open',
        tenderId: data.tenderId,
        organisationId: data.organisationId,
        title: data.title,
        category: data.category,
        submissionDeadline: data.submissionDeadline,
        clarificationDeadline: data.clarificationDeadline ?? data.submissionDeadline,
        clarifications: {},
        documents: Object.fromEntries((data.documents ?? []).map((document) => [document.documentId, document.contentHash])),
        lots: data.lots.map((lot) => ({ ...lot, award: null })),
        criteria: data.criteria,
        lightTouchRegime: data.lightTouchRegime,
        suitableForVcse: data.suitableForVcse,
        reservedParticipation: data.reservedParticipation,
      };
    }
    case 'TenderClosed':
      return { ...published(state, event.type), status: 'closed' };
    case 'LotAwarded': {
      const tender = published(state, event.type);
      const { data } = event;
      const lots = tender.lots.map((lot) =>
        lot.lotId === data.lotId
          ? {
              ...lot,
              award: {
                bidId: data.bidId,
                supplierOrganisationId: data.supplierOrganisationId,
                valuePence: data.valuePence,
                awardedAt: data.awardedAt,
              },
            }
          : lot,
      );
      return { ...tender, lots, status: lots.every((lot) => lot.award !== null) ? 'awarded' : tender.status };
    }
    case 'TenderCancelled':
      return { ...published(state, event.type), status: 'cancelled' };
    case 'TenderDeclaredUnsuccessful':
      return { ...published(state, event.type), status: 'unsuccessful' };
    case 'TenderDocumentAmended': {
      const tender = published(state, event.type);
      return { ...tender, documents: { ...tender.documents, [event.data.documentId]: event.data.contentHash } };
    }
    case 'ClarificationAsked': {
      const tender = published(state, event.type);
      const { questionId, question } = event.data;
      return { ...tender, clarifications: { ...tender.clarifications, [questionId]: { question, answered: false } } };
    }
    case 'ClarificationAnswered': {
      const tender = published(state, event.type);
      const { questionId, question } = event.data;
      return { ...tender, clarifications: { ...tender.clarifications, [questionId]: { question, answered: true } } };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown tender event ${(unknown as { type: string }).type}`);
    }
  }
};
