import { SubcontractingRuleBroken } from '../subcontracting.errors';
import { utcDate } from '../values/value-guards';
import type { CompleteTransition, ProviderEligibility, TakeOverSubcontracts, TransitionTarget } from './contract.commands';
import { assertSubcontractorEligible } from './subcontractor-eligibility';
import type { ContractEvent, SubcontractEnded, SubcontractorAdded, TransitionOutcome } from './contract.events';
import type { ContractState, ExistingContract, Subcontract } from './contract.state';

const MAX_PAYMENT_TERMS_DAYS = 30;

const existing = (state: ContractState, contractId: string): ExistingContract => {
  if (state.status === 'none') throw new SubcontractingRuleBroken('CONTRACT_NOT_FOUND', `Contract ${contractId} does not exist`, { contractId });
  return state;
};

const assertPlatform = (role: string): void => {
  if (role !== 'system') {
    throw new SubcontractingRuleBroken('ONLY_THE_SYSTEM_CARRIES_OUT_TRANSITIONS', 'The platform carries out a decided transition plan; nobody moves work by hand');
  }
};

/**
 * Checks a plan's moves against the contracts they land under, as the decision is made: each target is a
 * live contract of the same council (another prime's for a move to a prime, an internal agreement for a
 * move in-house), long enough for the work, with headroom for what moves directly under its prime.
 * Returns the plan with every in-house move's agreement resolved.
 */
export const checkTransitionTargets = (
  contract: ExistingContract,
  plan: readonly TransitionOutcome[],
  targets: readonly TransitionTarget[],
  now: Date,
  eligibility: Readonly<Record<string, ProviderEligibility>> = {},
): TransitionOutcome[] => {
  const today = utcDate(now);
  const subcontractOf = (id: string): Subcontract | undefined => contract.subcontracts.find((s) => s.subcontractId === id);
  const resolved = plan.map((step): TransitionOutcome => {
    if (step.outcome !== 'moves-in-house' || step.toContractId) return step;
    const strand = contract.strandId ?? contract.lotId;
    const agreement = targets.find(
      (t) => t.kind === 'internal' && t.commissionerOrganisationId === contract.commissionerOrganisationId && t.strandId === strand && t.status === 'active',
    );
    if (!agreement) {
      throw new SubcontractingRuleBroken(
        'TRANSITION_NO_IN_HOUSE_AGREEMENT',
        `The council has no in-house agreement for strand ${strand}: name the in-house agreement the work moves under`,
        { subcontractId: step.subcontractId, strandId: strand },
      );
    }
    return { ...step, toContractId: agreement.contractId };
  });
  const targetOf = (step: TransitionOutcome): string | null => (step.outcome === 'ends' ? null : (step.toContractId ?? null));
  const movingTo = new Map(resolved.map((step) => [step.subcontractId, targetOf(step)]));
  const moving = new Map<string, number>();
  for (const step of resolved) {
    const toContractId = targetOf(step);
    if (toContractId === null) continue;
    const target = targets.find((t) => t.contractId === toContractId);
    const details = { subcontractId: step.subcontractId, toContractId };
    if (!target) throw new SubcontractingRuleBroken('TRANSITION_TARGET_NOT_FOUND', `There is no contract ${toContractId} to move the work under`, details);
    if (target.contractId === contract.contractId) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_IS_THIS_CONTRACT', 'A subcontract moves to another prime or in-house, not back to this contract', details);
    }
    if (target.commissionerOrganisationId !== contract.commissionerOrganisationId) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_OF_ANOTHER_COUNCIL', 'Work moves only under another contract of the same council', details);
    }
    if (step.outcome === 'moves-to-prime' && (target.kind !== 'awarded' || target.primeOrganisationId !== step.toPrimeOrganisationId)) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_PRIME_MISMATCH', `Contract ${toContractId} is not the named prime's contract`, {
        ...details,
        toPrimeOrganisationId: step.toPrimeOrganisationId,
      });
    }
    if (step.outcome === 'moves-in-house' && target.kind !== 'internal') {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_NOT_IN_HOUSE', `Contract ${toContractId} is not an in-house agreement`, details);
    }
    if (target.status !== 'active' || target.endDate < today) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_NOT_ACTIVE', `Contract ${toContractId} has ended, been terminated or been decommissioned`, details);
    }
    const subcontract = subcontractOf(step.subcontractId);
    if (!subcontract) continue;
    if (subcontract.organisationId === target.primeOrganisationId) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_IS_THE_SUBCONTRACTOR', 'An organisation cannot be moved under its own contract', details);
    }
    if (subcontract.endDate > target.endDate) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_TERM_TOO_SHORT', `The subcontract runs to ${subcontract.endDate}, past the end of contract ${toContractId}`, {
        ...details,
        subcontractEndDate: subcontract.endDate,
        targetEndDate: target.endDate,
      });
    }
    if (subcontract.paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
      throw new SubcontractingRuleBroken('PAYMENT_TERMS_EXCEED_30_DAYS', 'Payment terms in a public supply chain are at most 30 days', details);
    }
    // Moving work is new work for the prime it lands under: the same due diligence as letting it.
    assertSubcontractorEligible(subcontract.organisationId, eligibility[subcontract.organisationId], now);
    // Work whose parent moves to the same place stays under it; everything else lands directly under the target's prime.
    const parentTarget = subcontract.parentSubcontractId === null ? null : movingTo.get(subcontract.parentSubcontractId);
    if (parentTarget !== toContractId) moving.set(toContractId, (moving.get(toContractId) ?? 0) + subcontract.valuePence);
  }
  for (const [toContractId, movingPence] of moving) {
    const target = targets.find((t) => t.contractId === toContractId);
    if (target && movingPence > target.headroomPence) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_HEADROOM_EXCEEDED', `Contract ${toContractId} can take on work worth ${target.headroomPence} pence more, not ${movingPence}`, {
        toContractId,
        headroomPence: target.headroomPence,
        movingPence,
      });
    }
  }
  return resolved;
};

/** Subcontracts move under this contract with their scope, area, value and terms; their tier follows where they land. */
export const takeOverSubcontracts = (command: TakeOverSubcontracts, state: ContractState): SubcontractorAdded[] => {
  const { data, metadata } = command;
  assertPlatform(metadata.actor.role);
  const contract = existing(state, data.contractId);
  const known = new Set(contract.subcontracts.map((s) => s.subcontractId));
  // The platform retries after a crash: a batch already taken over records nothing new.
  if (data.subcontracts.length > 0 && data.subcontracts.every((s) => known.has(s.subcontractId))) return [];
  if (contract.status !== 'active' || utcDate(metadata.now) > contract.endDate) {
    throw new SubcontractingRuleBroken('TRANSITION_TARGET_NOT_ACTIVE', `Contract ${contract.contractId} has ended, been terminated or been decommissioned`, {
      toContractId: contract.contractId,
    });
  }
  const committed = contract.subcontracts
    .filter((s) => s.status === 'active' && s.parentSubcontractId === null)
    .reduce((sum, s) => sum + s.valuePence, 0);
  const movingPence = data.subcontracts.filter((s) => s.parentSubcontractId === null).reduce((sum, s) => sum + s.valuePence, 0);
  if (committed + movingPence > contract.valuePence) {
    throw new SubcontractingRuleBroken('TRANSITION_TARGET_HEADROOM_EXCEEDED', `Contract ${contract.contractId} can take on work worth ${contract.valuePence - committed} pence more, not ${movingPence}`, {
      toContractId: contract.contractId,
      headroomPence: contract.valuePence - committed,
      movingPence,
    });
  }
  const added = new Map<string, { organisationId: string; tier: number }>();
  return data.subcontracts.map((incoming): SubcontractorAdded => {
    if (incoming.paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
      throw new SubcontractingRuleBroken('PAYMENT_TERMS_EXCEED_30_DAYS', 'Payment terms in a public supply chain are at most 30 days', {
        subcontractId: incoming.fromSubcontractId,
      });
    }
    if (incoming.endDate > contract.endDate) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_TERM_TOO_SHORT', `The subcontract runs past the end of contract ${contract.contractId}`, {
        subcontractId: incoming.fromSubcontractId,
        targetEndDate: contract.endDate,
      });
    }
    if (incoming.subcontractorOrganisationId === contract.primeOrganisationId) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_IS_THE_SUBCONTRACTOR', 'An organisation cannot be moved under its own contract', {
        subcontractId: incoming.fromSubcontractId,
      });
    }
    const parent = incoming.parentSubcontractId === null ? null : added.get(incoming.parentSubcontractId);
    if (incoming.parentSubcontractId !== null && !parent) throw new Error(`Incoming subcontract ${incoming.subcontractId} names a parent not moved before it`);
    const tier = parent ? parent.tier + 1 : 1;
    added.set(incoming.subcontractId, { organisationId: incoming.subcontractorOrganisationId, tier });
    return {
      type: 'SubcontractorAdded',
      data: {
        contractId: contract.contractId,
        subcontractId: incoming.subcontractId,
        parentSubcontractId: incoming.parentSubcontractId,
        parentOrganisationId: parent ? parent.organisationId : contract.primeOrganisationId,
        subcontractorOrganisationId: incoming.subcontractorOrganisationId,
        tier,
        valuePence: incoming.valuePence,
        scope: incoming.scope,
        area: incoming.area,
        // Under the new contract the work runs from the day it moves (or its own start, if later).
        startDate: [incoming.startDate, utcDate(metadata.now), contract.startDate].sort().at(-1) ?? incoming.startDate,
        endDate: incoming.endDate,
        paymentTermsDays: incoming.paymentTermsDays,
        addedAt: metadata.now.toISOString(),
        mayLetSubcontracts: incoming.mayLetSubcontracts,
        transferredFrom: {
          contractId: data.fromContractId,
          subcontractId: incoming.fromSubcontractId,
          caseId: data.caseId,
          reason: data.reason,
          evidenceRefs: [...data.evidenceRefs],
          decidedBy: data.decidedBy,
        },
      },
    };
  });
};

const OUTCOME_WORDS: Readonly<Record<string, string>> = { ends: 'ends', 'moves-in-house': 'moves in-house', 'moves-to-prime': 'moves to another prime' };

/** Ends every subcontract the plan ended or moved (deepest first, so no live work is left without its parent), and records the result. */
export const completeTransition = (command: CompleteTransition, state: ContractState): ContractEvent[] => {
  const { data, metadata } = command;
  assertPlatform(metadata.actor.role);
  const contract = existing(state, data.contractId);
  const decided = contract.decommissioningCases.find((c) => c.caseId === data.caseId);
  if (!decided || decided.status !== 'decommissioned') {
    throw new SubcontractingRuleBroken('TRANSITION_NOT_DECIDED', `Case ${data.caseId} has not decided a transition plan`, { caseId: data.caseId });
  }
  if (decided.transitionCompleted) return [];
  const endedAt = metadata.now.toISOString();
  const leaving = data.steps
    .filter((step) => step.result === 'done')
    .map((step) => ({ step, subcontract: contract.subcontracts.find((s) => s.subcontractId === step.subcontractId) }))
    .filter((entry): entry is { step: (typeof entry)['step']; subcontract: Subcontract } => entry.subcontract?.status === 'active')
    .sort((a, b) => b.subcontract.tier - a.subcontract.tier);
  const ended = leaving.map(
    ({ step, subcontract }): SubcontractEnded => ({
      type: 'SubcontractEnded',
      data: {
        contractId: contract.contractId,
        subcontractId: subcontract.subcontractId,
        reason: `Transition plan of decommissioning case ${data.caseId}: the work ${OUTCOME_WORDS[step.outcome] ?? step.outcome}`,
        releasedValuePence: subcontract.valuePence,
        endedAt,
        caseId: data.caseId,
        ...(step.outcome !== 'ends' && step.result === 'done' ? { transferredTo: { contractId: step.toContractId, subcontractId: step.toSubcontractId } } : {}),
      },
    }),
  );
  return [...ended, { type: 'TransitionCompleted', data: { contractId: contract.contractId, caseId: data.caseId, steps: data.steps, completedAt: endedAt } }];
};
