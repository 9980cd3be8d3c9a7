import type { CommandMetadata } from '@tendril/shared/ddd';
import { SubcontractingRuleBroken } from '../subcontracting.errors';
import { isBlank, isIsoDate, utcDate } from '../values/value-guards';
import type { DecideDecommissioningCase, OpenDecommissioningCase, RespondToDecommissioningCase } from './contract.commands';
import type {
  ContractDecommissioned,
  DecommissioningCaseAnswered,
  DecommissioningCaseOpened,
  ImprovementPlanRequired,
  TransitionOutcome,
} from './contract.events';
import type { ContractState, DecommissioningCase, ExistingContract } from './contract.state';
import { checkTransitionTargets } from './contract-transition.decide';

const DAY_MS = 24 * 60 * 60 * 1000;

const existing = (state: ContractState, contractId: string): ExistingContract => {
  if (state.status === 'none') throw new SubcontractingRuleBroken('CONTRACT_NOT_FOUND', `Contract ${contractId} does not exist`, { contractId });
  return state;
};

const assertCommissioner = (metadata: CommandMetadata, contract: ExistingContract): void => {
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== contract.commissionerOrganisationId) {
    throw new SubcontractingRuleBroken('NOT_THE_CONTRACT_COMMISSIONER', 'Only the commissioning organisation may decommission its contract');
  }
};

const cleanRefs = (refs: readonly string[] | undefined): string[] =>
  (refs ?? []).map((ref) => (typeof ref === 'string' ? ref.trim() : '')).filter((ref) => ref !== '');

const openCase = (contract: ExistingContract, caseId: string): DecommissioningCase => {
  const found = contract.decommissioningCases.find((c) => c.caseId === caseId);
  if (!found) throw new SubcontractingRuleBroken('DECOMMISSIONING_CASE_NOT_FOUND', `Contract has no decommissioning case ${caseId}`, { caseId });
  if (found.status !== 'open') {
    throw new SubcontractingRuleBroken('DECOMMISSIONING_CASE_NOT_OPEN', `Case ${caseId} is already decided`, { caseId, status: found.status });
  }
  return found;
};

export const openDecommissioningCase = (command: OpenDecommissioningCase, state: ContractState): DecommissioningCaseOpened => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  assertCommissioner(metadata, contract);
  if (contract.status !== 'active' || utcDate(metadata.now) > contract.endDate) {
    throw new SubcontractingRuleBroken('CONTRACT_NOT_ACTIVE', `Contract ${contract.contractId} has ended, been terminated or been decommissioned`);
  }
  const open = contract.decommissioningCases.find((c) => c.status === 'open');
  if (open) throw new SubcontractingRuleBroken('DECOMMISSIONING_CASE_ALREADY_OPEN', 'Decide the open case first', { caseId: open.caseId });
  if (isBlank(data.reason)) throw new SubcontractingRuleBroken('DECOMMISSIONING_REASON_REQUIRED', 'Say why the contract may be decommissioned');
  const evidenceRefs = cleanRefs(data.evidenceRefs);
  if (evidenceRefs.length === 0) {
    throw new SubcontractingRuleBroken('DECOMMISSIONING_EVIDENCE_REQUIRED', 'Name the evidence: returns, ratings, value-for-money figures');
  }
  return {
    type: 'DecommissioningCaseOpened',
    data: { contractId: contract.contractId, caseId: data.caseId, reason: data.reason.trim(), evidenceRefs, openedAt: metadata.now.toISOString() },
  };
};

export const respondToDecommissioningCase = (command: RespondToDecommissioningCase, state: ContractState): DecommissioningCaseAnswered => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const { actor } = metadata;
  if (actor.role !== 'prime' && actor.role !== 'provider') throw notThePrime();
  if (actor.organisationId !== contract.primeOrganisationId) throw notThePrime();
  const found = openCase(contract, data.caseId);
  if (found.answered) throw new SubcontractingRuleBroken('CASE_ALREADY_ANSWERED', 'The prime has already answered this case', { caseId: data.caseId });
  if (isBlank(data.response)) throw new SubcontractingRuleBroken('CASE_RESPONSE_REQUIRED', 'Write the response');
  return {
    type: 'DecommissioningCaseAnswered',
    data: {
      contractId: contract.contractId,
      caseId: data.caseId,
      response: data.response.trim(),
      evidenceRefs: cleanRefs(data.evidenceRefs),
      answeredAt: metadata.now.toISOString(),
    },
  };
};

const notThePrime = () => new SubcontractingRuleBroken('NOT_THE_PRIME', 'Only the prime answers a decommissioning case on its contract');

/** Every live subcontract is named once, with somewhere to go: no young person's service simply stops. */
const transitionPlan = (
  contract: ExistingContract,
  steps: Extract<DecideDecommissioningCase['data']['decision'], { kind: 'decommission' }>['transition'],
): TransitionOutcome[] => {
  const live = contract.subcontracts.filter((s) => s.status === 'active');
  const liveIds = new Set(live.map((s) => s.subcontractId));
  const unknown = steps.filter((step) => !liveIds.has(step.subcontractId)).map((step) => step.subcontractId);
  if (unknown.length > 0) {
    throw new SubcontractingRuleBroken('TRANSITION_PLAN_NAMES_UNKNOWN_SUBCONTRACT', 'The plan names subcontracts that are not live in this chain', {
      subcontractIds: unknown,
    });
  }
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.subcontractId, (counts.get(step.subcontractId) ?? 0) + 1);
  const missing = live.filter((s) => counts.get(s.subcontractId) !== 1).map((s) => s.subcontractId);
  if (missing.length > 0) {
    throw new SubcontractingRuleBroken('TRANSITION_PLAN_INCOMPLETE', 'Say once, for every live subcontract, whether it ends, moves to another prime or moves in-house', {
      subcontractIds: missing,
    });
  }
  return steps.map((step): TransitionOutcome => {
    const subcontract = live.find((s) => s.subcontractId === step.subcontractId);
    const subcontractorOrganisationId = subcontract?.organisationId ?? '';
    if (step.outcome === 'ends') return { subcontractId: step.subcontractId, subcontractorOrganisationId, outcome: 'ends' };
    if (step.outcome === 'moves-in-house') {
      const toContractId = step.toContractId?.trim();
      return { subcontractId: step.subcontractId, subcontractorOrganisationId, outcome: 'moves-in-house', ...(toContractId ? { toContractId } : {}) };
    }
    if (isBlank(step.toContractId) || isBlank(step.toPrimeOrganisationId)) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_REQUIRED', 'Name the contract and prime the subcontract moves to', { subcontractId: step.subcontractId });
    }
    if (step.toContractId === contract.contractId || step.toPrimeOrganisationId === contract.primeOrganisationId) {
      throw new SubcontractingRuleBroken('TRANSITION_TARGET_IS_THIS_CONTRACT', 'A subcontract moves to another prime, not back to this one', {
        subcontractId: step.subcontractId,
      });
    }
    return {
      subcontractId: step.subcontractId,
      subcontractorOrganisationId,
      outcome: 'moves-to-prime',
      toContractId: step.toContractId,
      toPrimeOrganisationId: step.toPrimeOrganisationId,
    };
  });
};

export const decideDecommissioningCase = (
  command: DecideDecommissioningCase,
  state: ContractState,
): ImprovementPlanRequired | ContractDecommissioned => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  assertCommissioner(metadata, contract);
  const found = openCase(contract, data.caseId);
  if (isBlank(data.rationale)) throw new SubcontractingRuleBroken('DECISION_RATIONALE_REQUIRED', 'Give the rationale for the decision');
  const today = utcDate(metadata.now);
  const { decision } = data;
  if (decision.kind === 'improvement_plan') {
    if (!isIsoDate(decision.reviewDate) || decision.reviewDate <= today) {
      throw new SubcontractingRuleBroken('REVIEW_DATE_MUST_BE_A_FUTURE_DATE', 'An improvement plan is reviewed on a future date (YYYY-MM-DD)');
    }
    return {
      type: 'ImprovementPlanRequired',
      data: { contractId: contract.contractId, caseId: found.caseId, rationale: data.rationale.trim(), reviewDate: decision.reviewDate, decidedAt: metadata.now.toISOString() },
    };
  }
  if (!Number.isInteger(decision.noticePeriodDays) || decision.noticePeriodDays < 0) {
    throw new SubcontractingRuleBroken('NOTICE_PERIOD_MUST_BE_WHOLE_DAYS', 'The notice period is a whole number of days');
  }
  const endDate = utcDate(new Date(Date.parse(`${today}T00:00:00Z`) + decision.noticePeriodDays * DAY_MS));
  if (endDate > contract.endDate) {
    throw new SubcontractingRuleBroken('NOTICE_RUNS_PAST_CONTRACT_END', 'The notice would run past the contract’s own end', {
      endDate,
      contractEndDate: contract.endDate,
    });
  }
  const transition = checkTransitionTargets(
    contract,
    transitionPlan(contract, decision.transition),
    data.transitionTargets ?? [],
    metadata.now,
    data.subcontractorEligibility ?? {},
  );
  return {
    type: 'ContractDecommissioned',
    data: {
      contractId: contract.contractId,
      caseId: found.caseId,
      tenderId: contract.tenderId,
      lotId: contract.lotId,
      commissionerOrganisationId: contract.commissionerOrganisationId,
      primeOrganisationId: contract.primeOrganisationId,
      valuePence: contract.valuePence,
      rationale: data.rationale.trim(),
      evidenceRefs: found.evidenceRefs,
      noticePeriodDays: decision.noticePeriodDays,
      endDate,
      previousEndDate: contract.endDate,
      transition,
      decidedAt: metadata.now.toISOString(),
      decidedBy: { userId: metadata.actor.userId, organisationId: metadata.actor.organisationId ?? '' },
    },
  };
};
