import type { Projection } from '@tendril/shared/projections';
import type { Actor } from '@tendril/shared/event-store';
import { CONTRACT_EVENT_TYPES, CONTRACT_STREAM_PREFIX, type ContractEvent } from '@tendril/subcontracting/domain';
import type { EntityManager } from 'typeorm';
import {
  CONTRACT_READ_MODEL_ENTITIES,
  ContractRow,
  DecommissioningCaseRow,
  RatingRow,
  ReturnRow,
  SubcontractRow,
  VariationRow,
} from './contract-read-model.entities';

const variationRow = (
  data: Extract<ContractEvent, { type: 'ContractVaried' }>['data'],
  subcontractId: string | null,
  position: number,
): VariationRow => ({
  variationId: data.variationId,
  contractId: data.contractId,
  subcontractId,
  changes: JSON.stringify(data.changes),
  previous: JSON.stringify(data.previous),
  reason: data.reason,
  approvedByUserId: data.approvedBy.userId,
  approvedByOrganisationId: data.approvedBy.organisationId,
  variedAt: data.variedAt,
  position,
});

/** Outcome measures (reach aside) when the contract has them; the fixed learning, achievement and progress otherwise. */
export const outcomesAchieved = (
  outcomes: { readonly learning: number; readonly achievement: number; readonly progress: number },
  measures: readonly { readonly kind: string; readonly value: number }[] | undefined,
): number =>
  measures && measures.length > 0
    ? measures.filter((m) => m.kind !== 'reach').reduce((sum, m) => sum + m.value, 0)
    : outcomes.learning + outcomes.achievement + outcomes.progress;

const applyContractEvent = async (event: ContractEvent, position: number, actor: Actor, tx: EntityManager): Promise<void> => {
  switch (event.type) {
    case 'ContractCreated': {
      const { createdAt, planId: _planId, strandId, outcomeMeasures, ...d } = event.data;
      await tx.getRepository(ContractRow).insert({
        ...d,
        status: 'active',
        createdAt,
        scope: null,
        kind: 'awarded',
        outcomeTargets: null,
        strandId: strandId ?? null,
        outcomeMeasures: outcomeMeasures && outcomeMeasures.length > 0 ? JSON.stringify(outcomeMeasures) : null,
      });
      return;
    }
    case 'InternalAgreementMade': {
      const d = event.data;
      await tx.getRepository(ContractRow).insert({
        contractId: d.contractId,
        tenderId: '',
        lotId: d.strandId,
        bidId: '',
        commissionerOrganisationId: d.commissionerOrganisationId,
        primeOrganisationId: d.inHouseOrganisationId,
        valuePence: d.valuePence,
        startDate: d.startDate,
        endDate: d.endDate,
        paymentTermsDays: d.paymentTermsDays,
        status: 'active',
        createdAt: d.madeAt,
        scope: null,
        kind: 'internal',
        outcomeTargets: null,
        strandId: d.strandId,
        outcomeMeasures: d.outcomeMeasures && d.outcomeMeasures.length > 0 ? JSON.stringify(d.outcomeMeasures) : null,
      });
      return;
    }
    case 'SubcontractorAdded': {
      const { addedAt, transferredFrom, ...d } = event.data;
      await tx.getRepository(SubcontractRow).insert({
        ...d,
        transferredFrom: transferredFrom ? JSON.stringify(transferredFrom) : null,
        transferredTo: null,
        mayLetSubcontracts: d.mayLetSubcontracts ?? true,
        status: 'active',
        addedAt,
        endedAt: null,
        endReason: null,
        addedPosition: position,
      });
      return;
    }
    case 'SubcontractEnded':
      await tx
        .getRepository(SubcontractRow)
        .update(
          { subcontractId: event.data.subcontractId },
          {
            status: 'ended',
            endedAt: event.data.endedAt,
            endReason: event.data.reason,
            transferredTo: event.data.transferredTo ? JSON.stringify(event.data.transferredTo) : null,
          },
        );
      return;
    case 'ContractTerminated':
      await tx.getRepository(ContractRow).update({ contractId: event.data.contractId }, { status: 'terminated' });
      return;
    case 'ContractVaried': {
      const { changes } = event.data;
      await tx.getRepository(ContractRow).update({ contractId: event.data.contractId }, { ...changes });
      await tx.getRepository(VariationRow).insert(variationRow(event.data, null, position));
      return;
    }
    case 'SubcontractVaried': {
      const { changes } = event.data;
      await tx.getRepository(SubcontractRow).update({ subcontractId: event.data.subcontractId }, { ...changes });
      await tx.getRepository(VariationRow).insert(variationRow(event.data, event.data.subcontractId, position));
      return;
    }
    case 'OutcomeTargetsSet': {
      const { frameworkRef, targets } = event.data;
      await tx.getRepository(ContractRow).update({ contractId: event.data.contractId }, { outcomeTargets: JSON.stringify({ frameworkRef, targets }) });
      return;
    }
    case 'ReturnSubmitted': {
      const { outcomes, measures, ...d } = event.data;
      const contract = await tx.getRepository(ContractRow).findOneByOrFail({ contractId: d.contractId });
      await tx.getRepository(ReturnRow).insert({
        ...d,
        ...outcomes,
        measures: measures ? JSON.stringify(measures) : null,
        outcomesAchieved: outcomesAchieved(outcomes, measures),
        commissionerOrganisationId: contract.commissionerOrganisationId,
        lotId: contract.lotId,
        primeOrganisationId: contract.primeOrganisationId,
        position,
      });
      return;
    }
    case 'ContractRated':
      await tx.getRepository(RatingRow).insert({ ...event.data, evidenceRefs: JSON.stringify(event.data.evidenceRefs), ratedByUserId: actor.userId });
      return;
    case 'DecommissioningCaseOpened': {
      const d = event.data;
      await tx.getRepository(DecommissioningCaseRow).insert({
        caseId: d.caseId,
        contractId: d.contractId,
        status: 'open',
        reason: d.reason,
        evidenceRefs: JSON.stringify(d.evidenceRefs),
        openedByUserId: actor.userId,
        openedAt: d.openedAt,
        response: null,
        responseEvidenceRefs: null,
        respondedByUserId: null,
        respondedAt: null,
        rationale: null,
        decidedByUserId: null,
        decidedAt: null,
        reviewDate: null,
        noticePeriodDays: null,
        endDate: null,
        transition: null,
        transitionResult: null,
        transitionCompletedAt: null,
      });
      return;
    }
    case 'DecommissioningCaseAnswered': {
      const d = event.data;
      await tx.getRepository(DecommissioningCaseRow).update(
        { caseId: d.caseId },
        { response: d.response, responseEvidenceRefs: JSON.stringify(d.evidenceRefs), respondedByUserId: actor.userId, respondedAt: d.answeredAt },
      );
      return;
    }
    case 'ImprovementPlanRequired': {
      const d = event.data;
      await tx
        .getRepository(DecommissioningCaseRow)
        .update({ caseId: d.caseId }, { status: 'improvement_plan', rationale: d.rationale, reviewDate: d.reviewDate, decidedByUserId: actor.userId, decidedAt: d.decidedAt });
      return;
    }
    case 'ContractDecommissioned': {
      const d = event.data;
      await tx.getRepository(DecommissioningCaseRow).update(
        { caseId: d.caseId },
        {
          status: 'decommissioned',
          rationale: d.rationale,
          noticePeriodDays: d.noticePeriodDays,
          endDate: d.endDate,
          transition: JSON.stringify(d.transition),
          decidedByUserId: actor.userId,
          decidedAt: d.decidedAt,
        },
      );
      await tx.getRepository(ContractRow).update({ contractId: d.contractId }, { status: 'decommissioned', endDate: d.endDate });
      return;
    }
    case 'TransitionCompleted':
      await tx
        .getRepository(DecommissioningCaseRow)
        .update({ caseId: event.data.caseId }, { transitionResult: JSON.stringify(event.data.steps), transitionCompletedAt: event.data.completedAt });
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled contract event ${(unknown as { type: string }).type}`);
    }
  }
};

export const contractReadModelProjection: Projection = {
  name: 'contract-read-model',
  filter: { eventTypes: CONTRACT_EVENT_TYPES, streamPrefixes: [CONTRACT_STREAM_PREFIX] },
  entities: CONTRACT_READ_MODEL_ENTITIES,
  apply: (event, tx) => applyContractEvent({ type: event.type, data: event.data } as ContractEvent, event.position, event.metadata.actor, tx),
};
