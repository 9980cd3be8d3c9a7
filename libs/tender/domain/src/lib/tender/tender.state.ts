import type { EvaluationCriterion, Lot, OpenedBid, TenderDocument, TenderDraftContent } from './tender.commands';
import type { AwardProposedData, TenderEvent } from './tender.events';

export interface LotAward {
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly awardedAt: string;
}

/** The proposed award with every term the final award will carry. */
export type ProposedAward = AwardProposedData;

/**
 * Where a lot stands. `bidding` until the bids are opened; `under_evaluation` until the bidding context
 * publishes its evaluation; `final_stage` with a ranked winner; `standstill` once an award is proposed
 * (`challenged` while a challenge is open); `awarded` when the standstill ends.
 */
export type LotStage = 'bidding' | 'under_evaluation' | 'final_stage' | 'standstill' | 'challenged' | 'awarded';

export interface TenderLot extends Lot {
  readonly stage: LotStage;
  readonly evaluation: { readonly winnerBidId: string; readonly winnerOrganisationId: string; readonly evidenceRefs: readonly string[] } | null;
  readonly proposal: ProposedAward | null;
  readonly award: LotAward | null;
}

/**
 * `draft` -> `open` (published) -> `closed` (deadline reached) -> `under_evaluation` (bids opened) ->
 * `final_stage` (evaluated) -> `standstill` (award proposed) -> `awarded` (every lot's standstill ended);
 * `cancelled` any time before an award, `unsuccessful` after the close. Past the close the tender's status
 * is that of its least advanced lot still in competition.
 */
export type TenderStatus = 'draft' | 'open' | 'closed' | 'under_evaluation' | 'final_stage' | 'standstill' | 'awarded' | 'cancelled' | 'unsuccessful';

export interface UnpublishedTender {
  readonly status: 'none';
}

/** A tender written but not published; only its council sees it. Cancelling it keeps the content. */
export interface DraftedTender {
  readonly status: 'draft' | 'cancelled';
  readonly published: false;
  readonly tenderId: string;
  readonly organisationId: string;
  readonly content: TenderDraftContent;
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  readonly retenderOfTenderId: string | null;
}

export interface ChallengeRecord {
  readonly lotId: string;
  readonly challengerOrganisationId: string;
  readonly open: boolean;
}

export interface PublishedTender {
  readonly status: Exclude<TenderStatus, 'draft'>;
  readonly published: true;
  readonly tenderId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly submissionDeadline: string;
  readonly clarificationDeadline: string;
  readonly planId: string | null;
  readonly strandId: string | null;
  readonly area: string | null;
  readonly retenderOfTenderId: string | null;
  /** Document id -> its current content hash. */
  readonly documents: Readonly<Record<string, string>>;
  readonly documentDetails: readonly TenderDocument[];
  /** Question id -> its text and whether it has been answered. */
  readonly clarifications: Readonly<Record<string, { readonly question: string; readonly answered: boolean }>>;
  readonly lots: readonly TenderLot[];
  readonly criteria: readonly EvaluationCriterion[];
  readonly lightTouchRegime: boolean;
  readonly suitableForVcse: boolean;
  readonly reservedParticipation: boolean;
  /** Set once the bids are opened: the competition is then under evaluation. */
  readonly bidsOpened: boolean;
  readonly bids: readonly OpenedBid[];
  readonly challenges: Readonly<Record<string, ChallengeRecord>>;
}

export type TenderState = UnpublishedTender | DraftedTender | PublishedTender;

export const initialTenderState = (): TenderState => ({ status: 'none' });

const LOT_STAGE_ORDER: readonly LotStage[] = ['bidding', 'under_evaluation', 'final_stage', 'standstill', 'challenged', 'awarded'];

/** Past the close: the least advanced lot still in competition says where the tender stands. Read models use it too. */
export const statusAfterClose = (lots: readonly { readonly stage: LotStage }[], bidsOpened: boolean): PublishedTender['status'] => {
  if (lots.every((lot) => lot.stage === 'awarded')) return 'awarded';
  const least = lots
    .map((lot) => lot.stage)
    .filter((stage) => stage !== 'awarded')
    .sort((a, b) => LOT_STAGE_ORDER.indexOf(a) - LOT_STAGE_ORDER.indexOf(b))[0];
  switch (least) {
    case 'final_stage':
      return 'final_stage';
    case 'standstill':
    case 'challenged':
      return 'standstill';
    case 'under_evaluation':
      return 'under_evaluation';
    default:
      return bidsOpened ? 'under_evaluation' : 'closed';
  }
};

const published = (state: TenderState, eventType: string): PublishedTender => {
  // An event other than TenderPublished or TenderDrafted on an empty stream means the stream is corrupt.
  if (state.status === 'none' || !state.published) throw new Error(`${eventType} applied to a tender that was never published`);
  return state;
};

const drafted = (state: TenderState, eventType: string): DraftedTender => {
  if (state.status === 'none' || state.published) throw new Error(`${eventType} applied to a tender that is not a draft`);
  return state;
};

const withLots = (tender: PublishedTender, lots: readonly TenderLot[]): PublishedTender => {
  const competing = tender.status !== 'open' && tender.status !== 'cancelled' && tender.status !== 'unsuccessful';
  return { ...tender, lots, status: competing ? statusAfterClose(lots, tender.bidsOpened) : tender.status };
};

const updateLot = (tender: PublishedTender, lotId: string, change: (lot: TenderLot) => TenderLot): PublishedTender =>
  withLots(
    tender,
    tender.lots.map((lot) => (lot.lotId === lotId ? change(lot) : lot)),
  );

const draftContent = (data: TenderDraftContent): TenderDraftContent => ({
  title: data.title,
  description: data.description,
  category: data.category,
  lots: data.lots,
  criteria: data.criteria,
  submissionDeadline: data.submissionDeadline,
  clarificationDeadline: data.clarificationDeadline,
  lightTouchRegime: data.lightTouchRegime,
  suitableForVcse: data.suitableForVcse,
  reservedParticipation: data.reservedParticipation,
  documents: data.documents,
});

export const evolveTender = (state: TenderState, event: TenderEvent): TenderState => {
  switch (event.type) {
    case 'TenderDrafted': {
      const { data } = event;
      return {
        status: 'draft',
        published: false,
        tenderId: data.tenderId,
        organisationId: data.organisationId,
        content: draftContent(data),
        planId: data.planId,
        strandId: data.strandId,
        area: data.area,
        retenderOfTenderId: data.retenderOfTenderId,
      };
    }
    case 'TenderDraftRevised': {
      const draft = drafted(state, event.type);
      const { data } = event;
      return { ...draft, content: draftContent(data), planId: data.planId, strandId: data.strandId, area: data.area };
    }
    case 'TenderPublished': {
      const { data } = event;
      const documents = data.documents ?? [];
      return {
        status: 'open',
        published: true,
        tenderId: data.tenderId,
        organisationId: data.organisationId,
        title: data.title,
        description: data.description,
        category: data.category,
        submissionDeadline: data.submissionDeadline,
        clarificationDeadline: data.clarificationDeadline ?? data.submissionDeadline,
        planId: data.planId ?? null,
        strandId: data.strandId ?? null,
        area: data.area ?? null,
        retenderOfTenderId: data.retenderOfTenderId ?? null,
        clarifications: {},
        documents: Object.fromEntries(documents.map((document) => [document.documentId, document.contentHash])),
        documentDetails: documents,
        lots: data.lots.map((lot) => ({ ...lot, stage: 'bidding', evaluation: null, proposal: null, award: null })),
        criteria: data.criteria,
        lightTouchRegime: data.lightTouchRegime,
        suitableForVcse: data.suitableForVcse,
        reservedParticipation: data.reservedParticipation,
        bidsOpened: false,
        bids: [],
        challenges: {},
      };
    }
    case 'TenderClosed': {
      const tender = published(state, event.type);
      return { ...tender, status: statusAfterClose(tender.lots, tender.bidsOpened) };
    }
    case 'EvaluationStarted': {
      const tender = published(state, event.type);
      const lots = tender.lots.map((lot) => (lot.stage === 'bidding' ? { ...lot, stage: 'under_evaluation' as const } : lot));
      return withLots({ ...tender, bidsOpened: true, bids: event.data.bids }, lots);
    }
    case 'LotEvaluated': {
      const { lotId, winnerBidId, winnerOrganisationId, evidenceRefs } = event.data;
      return updateLot(published(state, event.type), lotId, (lot) => ({
        ...lot,
        stage: 'final_stage',
        evaluation: { winnerBidId, winnerOrganisationId, evidenceRefs },
      }));
    }
    case 'AwardProposed': {
      return updateLot(published(state, event.type), event.data.lotId, (lot) => ({ ...lot, stage: 'standstill', proposal: event.data }));
    }
    case 'AwardChallenged': {
      const tender = published(state, event.type);
      const { challengeId, lotId, challengerOrganisationId } = event.data;
      const challenged = { ...tender, challenges: { ...tender.challenges, [challengeId]: { lotId, challengerOrganisationId, open: true } } };
      return updateLot(challenged, lotId, (lot) => ({ ...lot, stage: 'challenged' }));
    }
    case 'ChallengeResolved': {
      const tender = published(state, event.type);
      const { challengeId, lotId } = event.data;
      const previous = tender.challenges[challengeId];
      if (!previous) throw new Error(`ChallengeResolved names unknown challenge ${challengeId}`);
      const challenges = { ...tender.challenges, [challengeId]: { ...previous, open: false } };
      const stillChallenged = Object.values(challenges).some((challenge) => challenge.lotId === lotId && challenge.open);
      return updateLot({ ...tender, challenges }, lotId, (lot) =>
        lot.stage === 'challenged' && !stillChallenged ? { ...lot, stage: 'standstill' } : lot,
      );
    }
    case 'AwardWithdrawn': {
      const tender = published(state, event.type);
      const { lotId } = event.data;
      // Every challenge to the withdrawn award is settled with it.
      const challenges = Object.fromEntries(
        Object.entries(tender.challenges).map(([id, challenge]) => [id, challenge.lotId === lotId ? { ...challenge, open: false } : challenge]),
      );
      return updateLot({ ...tender, challenges }, lotId, (lot) => ({ ...lot, stage: 'under_evaluation', evaluation: null, proposal: null }));
    }
    case 'LotAwarded': {
      const { data } = event;
      return updateLot(published(state, event.type), data.lotId, (lot) => ({
        ...lot,
        stage: 'awarded',
        award: { bidId: data.bidId, supplierOrganisationId: data.supplierOrganisationId, valuePence: data.valuePence, awardedAt: data.awardedAt },
      }));
    }
    case 'TenderCancelled':
      if (state.status !== 'none' && !state.published) return { ...state, status: 'cancelled' };
      return { ...published(state, event.type), status: 'cancelled' };
    case 'TenderDeclaredUnsuccessful':
      return { ...published(state, event.type), status: 'unsuccessful' };
    case 'TenderDocumentAmended': {
      const tender = published(state, event.type);
      const { documentId, contentHash } = event.data;
      return {
        ...tender,
        documents: { ...tender.documents, [documentId]: contentHash },
        documentDetails: tender.documentDetails.map((document) => (document.documentId === documentId ? { ...document, contentHash } : document)),
      };
    }
    case 'TenderDeadlineExtended': {
      const tender = published(state, event.type);
      return { ...tender, submissionDeadline: event.data.submissionDeadline, clarificationDeadline: event.data.clarificationDeadline };
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
