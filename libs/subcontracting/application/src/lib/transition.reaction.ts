import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, handleCommand, TENDRIL_EVENT_ID_NAMESPACE, uuidV5 } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import {
  CONTRACT_STREAM_PREFIX,
  type ContractDecommissioned,
  type ContractEvent,
  contractDecider,
  contractStreamName,
  type ExistingContract,
  type IncomingSubcontract,
  SubcontractingRuleBroken,
  type TransitionStepResult,
} from '@tendril/subcontracting/domain';

export const SUBCONTRACTING_TRANSITION_ACTOR: Actor = { userId: 'system:subcontracting-transitions', role: 'system', organisationId: null };

/** The id a subcontract gets under the contract it moves to: derived, so a retried transition moves nothing twice. */
export const movedSubcontractId = (caseId: string, subcontractId: string): string => uuidV5(`transfer:${caseId}:${subcontractId}`, TENDRIL_EVENT_ID_NAMESPACE);

/** Groups the plan's moves by the contract they land under; work moving with its parent stays under it. */
export const movesByTarget = (contract: ExistingContract, decision: ContractDecommissioned['data']): Map<string, IncomingSubcontract[]> => {
  const targetOf = new Map(decision.transition.map((step) => [step.subcontractId, step.outcome === 'ends' ? null : (step.toContractId ?? null)]));
  const byTarget = new Map<string, IncomingSubcontract[]>();
  // Subcontracts are held in the order they were added, so a parent always comes before its children.
  for (const subcontract of contract.subcontracts) {
    const toContractId = targetOf.get(subcontract.subcontractId);
    if (!toContractId || subcontract.status !== 'active') continue;
    const parentMovesAlong = subcontract.parentSubcontractId !== null && targetOf.get(subcontract.parentSubcontractId) === toContractId;
    const batch = byTarget.get(toContractId) ?? [];
    batch.push({
      subcontractId: movedSubcontractId(decision.caseId, subcontract.subcontractId),
      parentSubcontractId: parentMovesAlong && subcontract.parentSubcontractId ? movedSubcontractId(decision.caseId, subcontract.parentSubcontractId) : null,
      fromSubcontractId: subcontract.subcontractId,
      subcontractorOrganisationId: subcontract.organisationId,
      valuePence: subcontract.valuePence,
      scope: subcontract.scope,
      area: subcontract.area,
      startDate: subcontract.startDate,
      endDate: subcontract.endDate,
      paymentTermsDays: subcontract.paymentTermsDays,
      mayLetSubcontracts: subcontract.mayLetSubcontracts,
    });
    byTarget.set(toContractId, batch);
  }
  return byTarget;
};

/**
 * Carries out a decided transition plan: each target contract takes over the work moving to it (one
 * command per target, so its headroom is checked once for the whole batch), then the decommissioned
 * contract records the plan carried out and ends what left it. A target that refuses (its headroom went
 * meanwhile) leaves that work live where it was, with the refusal recorded for the commissioner.
 */
@Injectable()
export class TransitionReaction {
  readonly name = 'transition-plans';
  readonly filter = { eventTypes: ['ContractDecommissioned'], streamPrefixes: [CONTRACT_STREAM_PREFIX] };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (event.type !== 'ContractDecommissioned') return;
    const decision = event.data as ContractDecommissioned['data'];
    const contract = await this.contractAsOf(decision.contractId, event.revision);
    const metadata = (key: string) => ({
      now: this.clock.now(),
      actor: SUBCONTRACTING_TRANSITION_ACTOR,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.eventId,
      idempotencyKey: `transition:${event.metadata.eventId}:${key}`,
    });
    const refused = new Map<string, { code: string; message: string }>();
    for (const [toContractId, subcontracts] of movesByTarget(contract, decision)) {
      try {
        await handleCommand({
          store: this.store,
          streamName: contractStreamName(toContractId),
          decider: contractDecider,
          command: {
            type: 'TakeOverSubcontracts',
            data: {
              contractId: toContractId,
              fromContractId: decision.contractId,
              caseId: decision.caseId,
              reason: decision.rationale,
              evidenceRefs: decision.evidenceRefs,
              decidedBy: decision.decidedBy ?? { userId: event.metadata.actor.userId, organisationId: event.metadata.actor.organisationId ?? '' },
              subcontracts,
            },
            metadata: metadata(toContractId),
          },
        });
      } catch (error) {
        if (!(error instanceof SubcontractingRuleBroken)) throw error;
        refused.set(toContractId, { code: error.code, message: error.message });
      }
    }
    const steps = decision.transition.map((step): TransitionStepResult => {
      if (step.outcome === 'ends') return { subcontractId: step.subcontractId, outcome: 'ends', result: 'done' };
      const toContractId = step.toContractId ?? '';
      const refusal = refused.get(toContractId);
      return refusal
        ? { subcontractId: step.subcontractId, outcome: step.outcome, result: 'refused', toContractId, refusalCode: refusal.code, refusal: refusal.message }
        : { subcontractId: step.subcontractId, outcome: step.outcome, result: 'done', toContractId, toSubcontractId: movedSubcontractId(decision.caseId, step.subcontractId) };
    });
    await handleCommand({
      store: this.store,
      streamName: contractStreamName(decision.contractId),
      decider: contractDecider,
      command: { type: 'CompleteTransition', data: { contractId: decision.contractId, caseId: decision.caseId, steps }, metadata: metadata('complete') },
    });
  }

  /** The decommissioned contract as it stood when the decision was recorded. */
  private async contractAsOf(contractId: string, revision: number): Promise<ExistingContract> {
    let state = contractDecider.initialState();
    try {
      for await (const recorded of this.store.readStream(contractStreamName(contractId))) {
        if (recorded.revision > revision) break;
        state = contractDecider.evolve(state, { type: recorded.type, data: recorded.data } as ContractEvent);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    if (state.status === 'none') throw new Error(`Decommissioned contract ${contractId} has no history`);
    return state;
  }
}
