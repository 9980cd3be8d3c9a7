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
  TENDER_STREAM_PREFIX, type LotAwardedData, type TenderEvent } from '@tendril/tender/domain';
import type { EntityManager } from 'typeorm';
import type { LotAwardView } from '@tendril/tender/application';
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
import { AuditEntryRow, CategoryInterestRow, ClarificationRow, LotEvaluationRow, OpenedBidRow, TenderContractRow, TenderRow } from './tender-read-model.entities';

type StoredLot = { lotId: string; title: string; estimatedValuePence: number; award: LotAwardView | null };

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
  switch (event.type) {
    case 'TenderPublished': {
      const d = event.data;
      await tenders.save({
        tenderId: d.tenderId,
        organisationId: d.organisationId,
        title: d.title,
        description: d.description,
        category: d.category,
        status: 'open',
        submissionDeadline: d.submissionDeadline,
        clarificationDeadline: d.clarificationDeadline ?? null,
        planId: d.planId ?? null,
        strandId: d.strandId ?? null,
        area: d.area ?? null,
        documentsJson: JSON.stringify(d.documents ?? []),
        amendmentsJson: '[]',
        totalEstimatedValuePence: d.lots.reduce((sum, lot) => sum + lot.estimatedValuePence, 0),
        lotsJson: JSON.stringify(d.lots.map((lot): StoredLot => ({ ...lot, award: null }))),
        criteriaJson: JSON.stringify(d.criteria),
        lightTouchRegime: d.lightTouchRegime,
        suitableForVcse: d.suitableForVcse,
        reservedParticipation: d.reservedParticipation,
        publishedAt: d.publishedAt,
        closedAt: null,
        cancelledAt: null,
        cancellationReason: null,
        lastPosition: position,
        publishedPosition: position,
      });
      return;
    }
    case 'TenderClosed':
      await tenders.update({ tenderId: event.data.tenderId }, { status: 'closed', closedAt: event.data.closedAt, lastPosition: position });
      return;
    case 'LotAwarded': {
      const d = event.data;
      const row = await tenders.findOneByOrFail({ tenderId: d.tenderId });
      const lots = (JSON.parse(row.lotsJson) as StoredLot[]).map((lot) =>
        lot.lotId === d.lotId
          ? {
              ...lot,
              award: {
                bidId: d.bidId,
                supplierOrganisationId: d.supplierOrganisationId,
                valuePence: d.valuePence,
                rationale: d.rationale,
                evidenceRefs: d.evidenceRefs,
                awardedAt: d.awardedAt,
              },
            }
          : lot,
      );
      const status = lots.every((lot) => lot.award !== null) ? 'awarded' : row.status;
      await tenders.update({ tenderId: d.tenderId }, { lotsJson: JSON.stringify(lots), status, lastPosition: position });
      return;
    }
    case 'TenderCancelled':
      await tenders.update(
        { tenderId: event.data.tenderId },
        { status: 'cancelled', cancelledAt: event.data.cancelledAt, cancellationReason: event.data.reason, lastPosition: position },
      );
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
