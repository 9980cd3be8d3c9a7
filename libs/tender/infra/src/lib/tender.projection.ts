import type { RecordedEvent } from '@tendril/shared/event-store';
import {
  BIDS_OPENED_V1,
  EVALUATION_COMPLETED_V1,
  type EvaluationCompletedV1Data,
  BIDDING_INTEGRATION_STREAM_PREFIX,
  type BidsOpenedV1Data,
  PROVIDER_REGISTERED_V1,
  PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX,
  type ProviderRegisteredV1Data,
} from '@tendril/bidding/contracts';
import {
  COMMISSIONING_PLAN_STREAM_PREFIX,
  type CommissioningPlanEvent,
  PROVIDER_INTEREST_STREAM_PREFIX,
  type ProviderInterestEvent,
  TENDER_STREAM_PREFIX,
  type AwardProposedData,
  type LotAwardedData,
  type Lot,
  type TenderDraftContent,
  type TenderEvent,
  type TenderDeadlineExtendedData,
  type AwardChallengedData,
  type ChallengeResolvedData,
  statusAfterClose,
} from '@tendril/tender/domain';
import type { EntityManager } from 'typeorm';
import type { ChallengeView, DeadlineExtensionView, TenderLotView } from '@tendril/tender/application';
import {
  CONTRACT_CREATED_V1,
  type ContractCreatedV1Data,
  SUBCONTRACT_ENDED_V1,
  SUBCONTRACTING_INTEGRATION_STREAM_PREFIX,
  SUBCONTRACTOR_ADDED_V1,
  type SubcontractEndedV1Data,
  type SubcontractorAddedV1Data,
} from '@tendril/subcontracting/contracts';
import { applyCommissioningPlanEvent } from './commissioning-plan.projection';
import { applyProviderRegistered } from './registered-providers';
import { AuditEntryRow, CategoryInterestRow, ClarificationRow, LotEvaluationRow, OpenedBidRow, StandstillRow, TenderContractRow, TenderRow } from './tender-read-model.entities';

type StoredLot = TenderLotView;

/** Rows written before lots had stages read as the stage their award implies. */
export const storedLots = (row: TenderRow): StoredLot[] =>
  (JSON.parse(row.lotsJson) as (Omit<StoredLot, 'stage' | 'proposal'> & Partial<Pick<StoredLot, 'stage' | 'proposal'>>)[]).map((lot) => ({
    ...lot,
    stage: lot.stage ?? (lot.award ? 'awarded' : row.bidsOpenedAt ? 'under_evaluation' : 'bidding'),
    proposal: lot.proposal ?? null,
  }));

const COMPETING = new Set(['closed', 'under_evaluation', 'final_stage', 'standstill', 'awarded']);

/** The row's lots changed: the tender's status follows its least advanced lot once bids have closed (as in the decider). */
const withLots = (row: TenderRow, lots: readonly StoredLot[]): Pick<TenderRow, 'lotsJson' | 'status'> => ({
  lotsJson: JSON.stringify(lots),
  status: COMPETING.has(row.status) ? statusAfterClose(lots, row.bidsOpenedAt !== null) : row.status,
});

const draftColumns = (data: TenderDraftContent) => ({
  title: data.title,
  description: data.description,
  category: data.category,
  submissionDeadline: data.submissionDeadline,
  clarificationDeadline: data.clarificationDeadline,
  documentsJson: JSON.stringify(data.documents),
  totalEstimatedValuePence: data.lots.reduce((sum, lot) => sum + lot.estimatedValuePence, 0),
  lotsJson: JSON.stringify(data.lots.map((lot: Lot): StoredLot => ({ ...lot, stage: 'bidding', proposal: null, award: null }))),
  criteriaJson: JSON.stringify(data.criteria),
  lightTouchRegime: data.lightTouchRegime,
  suitableForVcse: data.suitableForVcse,
  reservedParticipation: data.reservedParticipation,
});

export const TENDER_PROJECTION_NAME = 'tender-read-model';

/**
 * Tender and commissioning plan domain events, the provider registry's registrations, the bidding facts published at the deadline (bid arrivals
 * stay sealed) and the supply-chain facts of contracts awarded from the tender. One projection, so the
 * context's read models rebuild together and share one checkpoint.
 */
export const TENDER_PROJECTION_FILTER = {
  streamPrefixes: [
    TENDER_STREAM_PREFIX,
    COMMISSIONING_PLAN_STREAM_PREFIX,
    PROVIDER_INTEREST_STREAM_PREFIX,
    BIDDING_INTEGRATION_STREAM_PREFIX,
    PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX,
    SUBCONTRACTING_INTEGRATION_STREAM_PREFIX,
  ],
};

const describe = (event: RecordedEvent): string | null => {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'TenderPublished':
      return `Published tender "${String(data['title'])}" with deadline ${String(data['submissionDeadline'])}`;
    case 'TenderClosed':
      return 'Closed at the submission deadline; bids unsealed';
    case 'TenderDrafted':
      return data['retenderOfTenderId']
        ? `Drafted re-tender "${String(data['title'])}" of tender ${String(data['retenderOfTenderId'])}: ${String(data['reason'])}`
        : `Drafted tender "${String(data['title'])}"`;
    case 'TenderDraftRevised':
      return `Revised the draft "${String(data['title'])}"`;
    case 'AwardProposed': {
      const proposal = data as unknown as AwardProposedData;
      return `Proposed the award of lot ${proposal.lotId} to organisation ${proposal.supplierOrganisationId} (bid ${proposal.bidId}, ${proposal.valuePence} pence); standstill of ${proposal.standstillPeriod} until ${proposal.standstillEndsAt}: ${proposal.rationale}`;
    }
    case 'AwardChallenged': {
      const challenge = data as unknown as AwardChallengedData;
      return `Organisation ${challenge.challengerOrganisationId} challenged the award of lot ${challenge.lotId}: ${challenge.grounds}`;
    }
    case 'ChallengeResolved': {
      const resolved = data as unknown as ChallengeResolvedData;
      return `Challenge ${resolved.challengeId} to the award of lot ${resolved.lotId} ${resolved.outcome}: ${resolved.reasoning}`;
    }
    case 'AwardWithdrawn':
      return `Withdrew the proposed award of lot ${String(data['lotId'])}; the lot goes back to evaluation: ${String(data['reason'])}`;
    case 'TenderDeadlineExtended': {
      const extension = data as unknown as TenderDeadlineExtendedData;
      return `Extended the submission deadline from ${extension.previousSubmissionDeadline} to ${extension.submissionDeadline} and told every provider: ${extension.reason}`;
    }
    case 'LotAwarded': {
      const award = data as unknown as LotAwardedData;
      return `Awarded lot ${award.lotId} to organisation ${award.supplierOrganisationId} (bid ${award.bidId}, ${award.valuePence} pence): ${award.rationale}`;
    }
    case 'TenderCancelled':
      return `Cancelled: ${String(data['reason'])}`;
    case 'TenderDeclaredUnsuccessful':
      return `Declared unsuccessful: ${String(data['reason'])}`;
    case 'TenderDocumentAmended':
      return `Amended document ${String(data['documentId'])} (now ${String(data['contentHash'])}) and told every provider: ${String(data['summary'])}`;
    case 'ClarificationAsked':
      return `Organisation ${String(data['askedByOrganisationId'])} asked clarification ${String(data['questionId'])}: ${String(data['question'])}`;
    case 'ClarificationAnswered':
      return `Answered clarification ${String(data['questionId'])} and published it to every provider: ${String(data['answer'])}`;
    case BIDS_OPENED_V1: {
      const opened = data as unknown as BidsOpenedV1Data;
      return `Opened ${opened.bids.length} bid(s): ${opened.bids.map((b) => `${b.bidId} (lot ${b.lotId}, organisation ${b.organisationId})`).join(', ')}`;
    }
    case EVALUATION_COMPLETED_V1: {
      const evaluation = data as unknown as EvaluationCompletedV1Data;
      return `Evaluation of lot ${evaluation.lotId} completed: bid ${evaluation.winner.bidId} (organisation ${evaluation.winner.supplierOrganisationId}) ranked first with ${evaluation.winner.totalScore} of ${evaluation.ranking.length} evaluated`;
    }
    case CONTRACT_CREATED_V1: {
      const contract = data as unknown as ContractCreatedV1Data;
      return `Contract ${contract.contractId} created for lot ${contract.lotId} with prime ${contract.primeOrganisationId} (${contract.valuePence} pence, ${contract.startDate} to ${contract.endDate})`;
    }
    case SUBCONTRACTOR_ADDED_V1: {
      const added = data as unknown as SubcontractorAddedV1Data;
      return `Organisation ${added.parentOrganisationId} subcontracted ${added.scope} in ${added.area} to organisation ${added.subcontractorOrganisationId} (tier ${added.tier}, ${added.valuePence} pence, payment in ${added.paymentTermsDays} days)`;
    }
    case SUBCONTRACT_ENDED_V1: {
      const ended = data as unknown as SubcontractEndedV1Data;
      return `Subcontract ${ended.subcontractId} ended: ${ended.reason}`;
    }
    default:
      return null;
  }
};

const tenderIdOf = async (event: RecordedEvent, manager: EntityManager): Promise<string | null> => {
  const data = event.data as { tenderId?: unknown; contractId?: unknown };
  if (typeof data.tenderId === 'string') return data.tenderId;
  if (typeof data.contractId !== 'string') return null;
  const contract = await manager.getRepository(TenderContractRow).findOneBy({ contractId: data.contractId });
  return contract?.tenderId ?? null;
};

const applyTenderEvent = async (event: TenderEvent, position: number, manager: EntityManager): Promise<void> => {
  const tenders = manager.getRepository(TenderRow);
  const standstills = manager.getRepository(StandstillRow);
  const changeLots = async (tenderId: string, change: (lots: StoredLot[], row: TenderRow) => StoredLot[], extra: Partial<TenderRow> = {}): Promise<void> => {
    const row = await tenders.findOneByOrFail({ tenderId });
    const updated = { ...row, ...extra };
    await tenders.update({ tenderId }, { ...extra, ...withLots(updated, change(storedLots(updated), updated)), lastPosition: position });
  };
  const lot = (lotId: string, change: (lot: StoredLot) => StoredLot) => (lots: StoredLot[]) => lots.map((candidate) => (candidate.lotId === lotId ? change(candidate) : candidate));
  switch (event.type) {
    case 'TenderDrafted': {
      const d = event.data;
      await tenders.save({
        tenderId: d.tenderId,
        organisationId: d.organisationId,
        ...draftColumns(d),
        status: 'draft',
        planId: d.planId,
        strandId: d.strandId,
        area: d.area,
        amendmentsJson: '[]',
        deadlineExtensionsJson: '[]',
        challengesJson: '[]',
        publishedAt: null,
        draftedAt: d.draftedAt,
        retenderOfTenderId: d.retenderOfTenderId,
        bidsOpenedAt: null,
        closedAt: null,
        cancelledAt: null,
        cancellationReason: null,
        lastPosition: position,
        publishedPosition: position,
      });
      return;
    }
    case 'TenderDraftRevised': {
      const d = event.data;
      await tenders.update({ tenderId: d.tenderId }, { ...draftColumns(d), planId: d.planId, strandId: d.strandId, area: d.area, lastPosition: position });
      return;
    }
    case 'TenderPublished': {
      const d = event.data;
      const draft = await tenders.findOneBy({ tenderId: d.tenderId });
      await tenders.save({
        tenderId: d.tenderId,
        organisationId: d.organisationId,
        ...draftColumns({ ...d, clarificationDeadline: d.clarificationDeadline ?? null, documents: d.documents ?? [] }),
        status: 'open',
        planId: d.planId ?? null,
        strandId: d.strandId ?? null,
        area: d.area ?? null,
        amendmentsJson: '[]',
        deadlineExtensionsJson: '[]',
        challengesJson: '[]',
        publishedAt: d.publishedAt,
        draftedAt: draft?.draftedAt ?? null,
        retenderOfTenderId: d.retenderOfTenderId ?? null,
        bidsOpenedAt: null,
        closedAt: null,
        cancelledAt: null,
        cancellationReason: null,
        lastPosition: position,
        // Providers' lists order by publication, so a long-drafted tender is new when it goes out.
        publishedPosition: position,
      });
      return;
    }
    case 'TenderClosed': {
      const row = await tenders.findOneByOrFail({ tenderId: event.data.tenderId });
      const lots = storedLots(row);
      await tenders.update(
        { tenderId: event.data.tenderId },
        { status: statusAfterClose(lots, row.bidsOpenedAt !== null), closedAt: event.data.closedAt, lastPosition: position },
      );
      return;
    }
    case 'EvaluationStarted':
      await changeLots(
        event.data.tenderId,
        (lots) => lots.map((candidate) => (candidate.stage === 'bidding' ? { ...candidate, stage: 'under_evaluation' } : candidate)),
        { bidsOpenedAt: event.data.openedAt },
      );
      return;
    case 'LotEvaluated':
      await changeLots(event.data.tenderId, lot(event.data.lotId, (candidate) => ({ ...candidate, stage: 'final_stage' })));
      return;
    case 'AwardProposed': {
      const d = event.data;
      await changeLots(
        d.tenderId,
        lot(d.lotId, (candidate) => ({
          ...candidate,
          stage: 'standstill',
          proposal: {
            bidId: d.bidId,
            supplierOrganisationId: d.supplierOrganisationId,
            valuePence: d.valuePence,
            rationale: d.rationale,
            proposedAt: d.proposedAt,
            standstillEndsAt: d.standstillEndsAt,
          },
        })),
      );
      await standstills.save({ tenderId: d.tenderId, lotId: d.lotId, standstillEndsAt: d.standstillEndsAt, openChallenges: 0 });
      return;
    }
    case 'AwardChallenged': {
      const d = event.data;
      const row = await tenders.findOneByOrFail({ tenderId: d.tenderId });
      const challenge: ChallengeView = {
        challengeId: d.challengeId,
        lotId: d.lotId,
        challengerOrganisationId: d.challengerOrganisationId,
        grounds: d.grounds,
        challengedAt: d.challengedAt,
        outcome: null,
        reasoning: null,
        resolvedAt: null,
      };
      const challengesJson = JSON.stringify([...(JSON.parse(row.challengesJson) as ChallengeView[]), challenge]);
      await changeLots(d.tenderId, lot(d.lotId, (candidate) => ({ ...candidate, stage: 'challenged' })), { challengesJson });
      await standstills.increment({ tenderId: d.tenderId, lotId: d.lotId }, 'openChallenges', 1);
      return;
    }
    case 'ChallengeResolved': {
      const d = event.data;
      const row = await tenders.findOneByOrFail({ tenderId: d.tenderId });
      const challenges = (JSON.parse(row.challengesJson) as ChallengeView[]).map((challenge) =>
        challenge.challengeId === d.challengeId ? { ...challenge, outcome: d.outcome, reasoning: d.reasoning, resolvedAt: d.resolvedAt } : challenge,
      );
      const stillOpen = challenges.some((challenge) => challenge.lotId === d.lotId && challenge.outcome === null);
      await changeLots(
        d.tenderId,
        lot(d.lotId, (candidate) => (candidate.stage === 'challenged' && !stillOpen ? { ...candidate, stage: 'standstill' } : candidate)),
        { challengesJson: JSON.stringify(challenges) },
      );
      await standstills.decrement({ tenderId: d.tenderId, lotId: d.lotId }, 'openChallenges', 1);
      return;
    }
    case 'AwardWithdrawn': {
      const d = event.data;
      await changeLots(d.tenderId, lot(d.lotId, (candidate) => ({ ...candidate, stage: 'under_evaluation', proposal: null })));
      await standstills.delete({ tenderId: d.tenderId, lotId: d.lotId });
      return;
    }
    case 'LotAwarded': {
      const d = event.data;
      await changeLots(
        d.tenderId,
        lot(d.lotId, (candidate) => ({
          ...candidate,
          stage: 'awarded',
          award: {
            bidId: d.bidId,
            supplierOrganisationId: d.supplierOrganisationId,
            valuePence: d.valuePence,
            rationale: d.rationale,
            evidenceRefs: d.evidenceRefs,
            awardedAt: d.awardedAt,
          },
        })),
      );
      await standstills.delete({ tenderId: d.tenderId, lotId: d.lotId });
      return;
    }
    case 'TenderCancelled':
      await tenders.update(
        { tenderId: event.data.tenderId },
        { status: 'cancelled', cancelledAt: event.data.cancelledAt, cancellationReason: event.data.reason, lastPosition: position },
      );
      await standstills.delete({ tenderId: event.data.tenderId });
      return;
    case 'TenderDeclaredUnsuccessful':
      // The reason sits with the cancellation reason: both say why the competition ended without an award.
      await tenders.update(
        { tenderId: event.data.tenderId },
        { status: 'unsuccessful', cancelledAt: event.data.declaredAt, cancellationReason: event.data.reason, lastPosition: position },
      );
      return;
    case 'TenderDocumentAmended': {
      const { tenderId, ...amendment } = event.data;
      const row = await tenders.findOneByOrFail({ tenderId });
      const documents = (JSON.parse(row.documentsJson) as { documentId: string; contentHash: string }[]).map((document) =>
        document.documentId === amendment.documentId ? { ...document, contentHash: amendment.contentHash } : document,
      );
      const amendments = [...(JSON.parse(row.amendmentsJson) as unknown[]), amendment];
      await tenders.update({ tenderId }, { documentsJson: JSON.stringify(documents), amendmentsJson: JSON.stringify(amendments), lastPosition: position });
      return;
    }
    case 'TenderDeadlineExtended': {
      const d = event.data;
      const row = await tenders.findOneByOrFail({ tenderId: d.tenderId });
      const extension: DeadlineExtensionView = {
        previousSubmissionDeadline: d.previousSubmissionDeadline,
        submissionDeadline: d.submissionDeadline,
        clarificationDeadline: d.clarificationDeadline,
        reason: d.reason,
        extendedAt: d.extendedAt,
      };
      await tenders.update(
        { tenderId: d.tenderId },
        {
          submissionDeadline: d.submissionDeadline,
          clarificationDeadline: d.clarificationDeadline,
          deadlineExtensionsJson: JSON.stringify([...(JSON.parse(row.deadlineExtensionsJson) as DeadlineExtensionView[]), extension]),
          lastPosition: position,
        },
      );
      return;
    }
    case 'ClarificationAsked': {
      const d = event.data;
      await manager.getRepository(ClarificationRow).save({
        questionId: d.questionId,
        tenderId: d.tenderId,
        askedByOrganisationId: d.askedByOrganisationId,
        question: d.question,
        askedAt: d.askedAt,
        answer: null,
        answeredAt: null,
        askedPosition: position,
      });
      await tenders.update({ tenderId: d.tenderId }, { lastPosition: position });
      return;
    }
    case 'ClarificationAnswered': {
      const d = event.data;
      await manager.getRepository(ClarificationRow).update({ questionId: d.questionId }, { answer: d.answer, answeredAt: d.answeredAt });
      await tenders.update({ tenderId: d.tenderId }, { lastPosition: position });
      return;
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled tender event ${(unknown as { type: string }).type}`);
    }
  }
};

/** Applies one event to the tender read models inside the projector's transaction. */
export const applyToTenderReadModel = async (event: RecordedEvent, manager: EntityManager): Promise<void> => {
  if (event.streamName.startsWith(COMMISSIONING_PLAN_STREAM_PREFIX)) {
    await applyCommissioningPlanEvent({ type: event.type, data: event.data } as CommissioningPlanEvent, event.position, manager);
    return;
  }
  if (event.streamName.startsWith(PROVIDER_INTEREST_STREAM_PREFIX)) {
    const interest = { type: event.type, data: event.data } as ProviderInterestEvent;
    const { organisationId, category } = interest.data;
    const interests = manager.getRepository(CategoryInterestRow);
    if (interest.type === 'CategoryInterestRegistered') await interests.save({ organisationId, category });
    else await interests.delete({ organisationId, category });
    return;
  }
  if (event.type === PROVIDER_REGISTERED_V1) {
    await applyProviderRegistered(event.data as ProviderRegisteredV1Data, manager);
    return;
  }
  if (event.streamName.startsWith(TENDER_STREAM_PREFIX)) {
    await applyTenderEvent({ type: event.type, data: event.data } as TenderEvent, event.position, manager);
  } else if (event.type === CONTRACT_CREATED_V1) {
    const contract = event.data as ContractCreatedV1Data;
    await manager.getRepository(TenderContractRow).save({ contractId: contract.contractId, tenderId: contract.tenderId });
  } else if (event.type === EVALUATION_COMPLETED_V1) {
    const evaluation = event.data as EvaluationCompletedV1Data;
    await manager.getRepository(LotEvaluationRow).save({
      tenderId: evaluation.tenderId,
      lotId: evaluation.lotId,
      winnerBidId: evaluation.winner.bidId,
      winnerOrganisationId: evaluation.winner.supplierOrganisationId,
      winnerPricePence: evaluation.winner.pricePence,
      winnerTotalScore: evaluation.winner.totalScore,
      rankingJson: JSON.stringify(
        evaluation.ranking.map(({ rank, bidId, supplierOrganisationId, pricePence, totalScore }) => ({ rank, bidId, supplierOrganisationId, pricePence, totalScore })),
      ),
      evidenceRefsJson: JSON.stringify(evaluation.evidenceRefs),
      completedAt: evaluation.completedAt,
    });
  } else if (event.type === BIDS_OPENED_V1) {
    const opened = event.data as BidsOpenedV1Data;
    if (opened.bids.length > 0) {
      await manager
        .getRepository(OpenedBidRow)
        .save(opened.bids.map((bid) => ({ bidId: bid.bidId, tenderId: opened.tenderId, lotId: bid.lotId, organisationId: bid.organisationId })));
    }
  }
  const summary = describe(event);
  const tenderId = await tenderIdOf(event, manager);
  if (summary !== null && tenderId !== null) {
    await manager.getRepository(AuditEntryRow).save({
      position: event.position,
      tenderId,
      streamName: event.streamName,
      eventType: event.type,
      occurredAt: event.metadata.occurredAt,
      actorUserId: event.metadata.actor.userId,
      actorRole: event.metadata.actor.role,
      actorOrganisationId: event.metadata.actor.organisationId,
      correlationId: event.metadata.correlationId,
      summary,
    });
  }
};
