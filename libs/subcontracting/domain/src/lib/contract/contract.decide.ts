import type { CommandMetadata } from '@tendril/shared/ddd';
import { SubcontractingRuleBroken } from '../subcontracting.errors';
import { isBlank, isIsoDate, isWholePositivePence, utcDate } from '../values/value-guards';
import { decideDecommissioningCase, openDecommissioningCase, respondToDecommissioningCase } from './contract-decommissioning.decide';
import { rateContract, setOutcomeTargets, submitReturn } from './contract-performance.decide';
import { completeTransition, takeOverSubcontracts } from './contract-transition.decide';
import { assertSubcontractorEligible } from './subcontractor-eligibility';
import type {
  AddSubcontractor,
  ContractCommand,
  ContractOutcomeMeasure,
  CreateContract,
  EndSubcontract,
  MakeInternalAgreement,
  TerminateContract,
  VaryContract,
  VarySubcontract,
} from './contract.commands';
import type {
  ContractCreated,
  ContractEvent,
  ContractTerminated,
  ContractVaried,
  InternalAgreementMade,
  SubcontractEnded,
  SubcontractorAdded,
  SubcontractVaried,
  TermChanges,
  VariationApprover,
} from './contract.events';
import type { ContractState, ExistingContract, Subcontract } from './contract.state';

export interface SubcontractingPolicy {
  /** The deepest tier allowed: 1 lets only the prime subcontract, 3 allows three tiers below it. */
  readonly maxSubcontractDepth: number;
}

export const DEFAULT_SUBCONTRACTING_POLICY: SubcontractingPolicy = { maxSubcontractDepth: 3 };

const MAX_PAYMENT_TERMS_DAYS = 30;
const SUPPLIER_ROLES = ['prime', 'provider'];

/** A node of the supply chain: the prime's contract itself, or a subcontract under it. */
interface ChainNode {
  readonly subcontractId: string | null;
  readonly organisationId: string;
  readonly tier: number;
  readonly valuePence: number;
  readonly startDate: string;
  readonly endDate: string;
}

const primeNode = (contract: ExistingContract): ChainNode => ({
  subcontractId: null,
  organisationId: contract.primeOrganisationId,
  tier: 0,
  valuePence: contract.valuePence,
  startDate: contract.startDate,
  endDate: contract.endDate,
});

const existing = (state: ContractState, contractId: string): ExistingContract => {
  if (state.status === 'none') throw new SubcontractingRuleBroken('CONTRACT_NOT_FOUND', `Contract ${contractId} does not exist`, { contractId });
  return state;
};

const assertActive = (contract: ExistingContract, now: Date): void => {
  if (contract.status !== 'active' || utcDate(now) > contract.endDate) {
    throw new SubcontractingRuleBroken('CONTRACT_NOT_ACTIVE', `Contract ${contract.contractId} has ended or been terminated`, {
      contractId: contract.contractId,
      status: contract.status,
      endDate: contract.endDate,
    });
  }
};

const findSubcontract = (contract: ExistingContract, subcontractId: string): Subcontract => {
  const found = contract.subcontracts.find((subcontract) => subcontract.subcontractId === subcontractId);
  if (!found) throw new SubcontractingRuleBroken('SUBCONTRACT_NOT_FOUND', `Contract has no subcontract ${subcontractId}`, { subcontractId });
  return found;
};

/** The organisations from the prime down to `node`, inclusive. */
const chainOrganisations = (contract: ExistingContract, node: Subcontract | null): string[] => {
  const organisations: string[] = [];
  let current = node;
  while (current) {
    organisations.push(current.organisationId);
    current = current.parentSubcontractId === null ? null : findSubcontract(contract, current.parentSubcontractId);
  }
  return [contract.primeOrganisationId, ...organisations.reverse()];
};

const assertActsFor = (metadata: CommandMetadata, organisationIds: readonly string[]): void => {
  const { actor } = metadata;
  if (!SUPPLIER_ROLES.includes(actor.role) || actor.organisationId === null || !organisationIds.includes(actor.organisationId)) {
    throw new SubcontractingRuleBroken('NOT_THE_PARENT_ORGANISATION', 'Only the organisation that lets a subcontract may change it');
  }
};

const assertPaymentTerms = (paymentTermsDays: number): void => {
  if (!Number.isInteger(paymentTermsDays) || paymentTermsDays < 0) {
    throw new SubcontractingRuleBroken('PAYMENT_TERMS_MUST_BE_WHOLE_DAYS', 'Payment terms are a whole number of days');
  }
  if (paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
    throw new SubcontractingRuleBroken('PAYMENT_TERMS_EXCEED_30_DAYS', 'Payment terms in a public supply chain are at most 30 days', {
      paymentTermsDays,
    });
  }
};

const assertContractTerms = (terms: { valuePence: number; startDate: string; endDate: string; paymentTermsDays: number }): void => {
  if (!isWholePositivePence(terms.valuePence)) {
    throw new SubcontractingRuleBroken('CONTRACT_VALUE_MUST_BE_POSITIVE_PENCE', 'The contract value must be a whole, positive number of pence');
  }
  if (!isIsoDate(terms.startDate) || !isIsoDate(terms.endDate)) {
    throw new SubcontractingRuleBroken('CONTRACT_DATES_MUST_BE_ISO_DATES', 'Contract start and end must be dates (YYYY-MM-DD)');
  }
  if (terms.endDate <= terms.startDate) throw new SubcontractingRuleBroken('CONTRACT_END_MUST_BE_AFTER_START', 'The contract must end after it starts');
  assertPaymentTerms(terms.paymentTermsDays);
};

const measuresOf = (measures: readonly ContractOutcomeMeasure[]): ContractOutcomeMeasure[] =>
  measures.map(({ measureId, name, kind, target }) => ({ measureId, name, kind, target }));

const makeInternalAgreement = (command: MakeInternalAgreement, state: ContractState): InternalAgreementMade => {
  const { data, metadata } = command;
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId === null) {
    throw new SubcontractingRuleBroken('ONLY_COMMISSIONERS_MAKE_INTERNAL_AGREEMENTS', 'A council’s commissioner makes the agreement for its in-house team');
  }
  if (state.status !== 'none') {
    throw new SubcontractingRuleBroken('CONTRACT_ALREADY_EXISTS', `Contract ${data.contractId} already exists`, { contractId: data.contractId });
  }
  if (isBlank(data.strandId)) throw new SubcontractingRuleBroken('STRAND_REQUIRED', 'Name the strand the in-house team delivers');
  const framework = data.outcomeFramework;
  if (!framework) {
    throw new SubcontractingRuleBroken('STRAND_NOT_IN_A_PLAN', `Strand ${data.strandId} is in no commissioning plan: add it to the council's plan as an in-house strand first`, {
      strandId: data.strandId,
    });
  }
  if (framework.commissionerOrganisationId !== actor.organisationId) {
    throw new SubcontractingRuleBroken('STRAND_OF_ANOTHER_COUNCIL', `Strand ${data.strandId} belongs to another council's plan`, { strandId: data.strandId });
  }
  if (framework.deliveryModel === 'external') {
    throw new SubcontractingRuleBroken('STRAND_NOT_DELIVERED_IN_HOUSE', `The plan has strand ${data.strandId} delivered externally, not by the in-house team`, {
      strandId: data.strandId,
      deliveryModel: framework.deliveryModel,
    });
  }
  if (isBlank(data.inHouseOrganisationId) || data.inHouseOrganisationId === actor.organisationId) {
    throw new SubcontractingRuleBroken(
      'IN_HOUSE_TEAM_MUST_BE_ITS_OWN_ORGANISATION',
      'The in-house team is registered as its own provider organisation, so it reports and is measured like any prime',
    );
  }
  assertContractTerms(data);
  return {
    type: 'InternalAgreementMade',
    data: {
      contractId: data.contractId,
      strandId: data.strandId.trim(),
      commissionerOrganisationId: actor.organisationId,
      inHouseOrganisationId: data.inHouseOrganisationId,
      valuePence: data.valuePence,
      startDate: data.startDate,
      endDate: data.endDate,
      paymentTermsDays: data.paymentTermsDays,
      madeAt: metadata.now.toISOString(),
      planId: framework.planId,
      outcomeMeasures: measuresOf(framework.measures),
    },
  };
};

// Restating the contract an award already created records nothing: the award reaction may retry.
const createContract = (command: CreateContract, state: ContractState): ContractCreated[] => {
  const { data, metadata } = command;
  if (metadata.actor.role !== 'system') {
    throw new SubcontractingRuleBroken('ONLY_THE_SYSTEM_MAY_CREATE_CONTRACTS', 'Contracts are created from awards, by the platform');
  }
  if (state.status !== 'none') {
    if (state.tenderId === data.tenderId && state.lotId === data.lotId) return [];
    throw new SubcontractingRuleBroken('CONTRACT_ALREADY_EXISTS', `Contract ${data.contractId} already exists for another award`, {
      contractId: data.contractId,
    });
  }
  assertContractTerms(data);
  return [
    {
      type: 'ContractCreated',
      data: {
        contractId: data.contractId,
        tenderId: data.tenderId,
        lotId: data.lotId,
        bidId: data.bidId,
        commissionerOrganisationId: data.commissionerOrganisationId,
        primeOrganisationId: data.primeOrganisationId,
        valuePence: data.valuePence,
        startDate: data.startDate,
        endDate: data.endDate,
        paymentTermsDays: data.paymentTermsDays,
        createdAt: metadata.now.toISOString(),
        planId: data.outcomeFramework?.planId ?? null,
        strandId: data.strandId ?? null,
        outcomeMeasures: measuresOf(data.outcomeFramework?.measures ?? []),
      },
    },
  ];
};

const addSubcontractor = (command: AddSubcontractor, state: ContractState, policy: SubcontractingPolicy): SubcontractorAdded => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  assertActive(contract, metadata.now);
  if (contract.subcontracts.some((subcontract) => subcontract.subcontractId === data.subcontractId)) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_ALREADY_EXISTS', `Subcontract ${data.subcontractId} already exists`, {
      subcontractId: data.subcontractId,
    });
  }

  const parentSubcontract = data.parentSubcontractId === null ? null : findSubcontract(contract, data.parentSubcontractId);
  if (parentSubcontract?.status === 'ended') {
    throw new SubcontractingRuleBroken('SUBCONTRACT_NOT_ACTIVE', `Subcontract ${parentSubcontract.subcontractId} has ended`, {
      subcontractId: parentSubcontract.subcontractId,
    });
  }
  const parent: ChainNode = parentSubcontract ?? primeNode(contract);
  assertActsFor(metadata, [parent.organisationId]);
  if (parentSubcontract && !parentSubcontract.mayLetSubcontracts) {
    throw new SubcontractingRuleBroken('PARENT_DOES_NOT_ALLOW_SUBCONTRACTING', 'The organisation above did not allow this work to be subcontracted further', {
      subcontractId: parentSubcontract.subcontractId,
    });
  }

  if (data.subcontractorOrganisationId === parent.organisationId) {
    throw new SubcontractingRuleBroken('CANNOT_SUBCONTRACT_TO_SELF', 'An organisation cannot subcontract to itself');
  }
  const chain = chainOrganisations(contract, parentSubcontract);
  if (chain.includes(data.subcontractorOrganisationId)) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_CYCLE', 'The subcontractor is already above this point in the supply chain', {
      subcontractorOrganisationId: data.subcontractorOrganisationId,
      chain,
    });
  }
  assertSubcontractorEligible(data.subcontractorOrganisationId, data.subcontractorEligibility, metadata.now);
  const tier = parent.tier + 1;
  if (tier > policy.maxSubcontractDepth) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_DEPTH_EXCEEDED', `Subcontracting is allowed to ${policy.maxSubcontractDepth} tiers`, {
      tier,
      maxSubcontractDepth: policy.maxSubcontractDepth,
    });
  }

  if (!isWholePositivePence(data.valuePence)) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_VALUE_MUST_BE_POSITIVE_PENCE', 'The subcontract value must be a whole, positive number of pence');
  }
  const committed = contract.subcontracts
    .filter((subcontract) => subcontract.status === 'active' && subcontract.parentSubcontractId === parent.subcontractId)
    .reduce((sum, subcontract) => sum + subcontract.valuePence, 0);
  if (committed + data.valuePence > parent.valuePence) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_VALUE_EXCEEDS_PARENT', 'Subcontracts would be worth more than the work they come from', {
      parentValuePence: parent.valuePence,
      alreadySubcontractedPence: committed,
      availablePence: parent.valuePence - committed,
    });
  }

  assertPaymentTerms(data.paymentTermsDays);
  if (isBlank(data.scope)) throw new SubcontractingRuleBroken('SUBCONTRACT_SCOPE_REQUIRED', 'A subcontract needs a scope of work');
  if (!isIsoDate(data.startDate) || !isIsoDate(data.endDate)) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_DATES_MUST_BE_ISO_DATES', 'Subcontract start and end must be dates (YYYY-MM-DD)');
  }
  if (data.endDate <= data.startDate) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_END_MUST_BE_AFTER_START', 'The subcontract must end after it starts');
  }
  if (data.startDate < parent.startDate || data.endDate > parent.endDate) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_PERIOD_OUTSIDE_PARENT', 'A subcontract runs within the period of the work it comes from', {
      parentStartDate: parent.startDate,
      parentEndDate: parent.endDate,
    });
  }

  return {
    type: 'SubcontractorAdded',
    data: {
      contractId: contract.contractId,
      subcontractId: data.subcontractId,
      parentSubcontractId: parent.subcontractId,
      parentOrganisationId: parent.organisationId,
      subcontractorOrganisationId: data.subcontractorOrganisationId,
      tier,
      valuePence: data.valuePence,
      scope: data.scope.trim(),
      area: data.area.trim(),
      startDate: data.startDate,
      endDate: data.endDate,
      paymentTermsDays: data.paymentTermsDays,
      addedAt: metadata.now.toISOString(),
      mayLetSubcontracts: data.mayLetSubcontracts ?? false,
    },
  };
};

const endSubcontract = (command: EndSubcontract, state: ContractState): SubcontractEnded => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const subcontract = findSubcontract(contract, data.subcontractId);
  const parentOrganisation = subcontract.parentSubcontractId === null
    ? contract.primeOrganisationId
    : findSubcontract(contract, subcontract.parentSubcontractId).organisationId;
  // The prime answers for its whole supply chain, so it may end any subcontract in it.
  assertActsFor(metadata, [parentOrganisation, contract.primeOrganisationId]);
  // A decommissioned contract still ends its subcontracts during the notice period: that carries out the transition plan.
  assertActive(contract.status === 'decommissioned' ? { ...contract, status: 'active' } : contract, metadata.now);
  if (subcontract.status === 'ended') {
    throw new SubcontractingRuleBroken('SUBCONTRACT_NOT_ACTIVE', `Subcontract ${subcontract.subcontractId} has already ended`, {
      subcontractId: subcontract.subcontractId,
    });
  }
  const activeChildren = contract.subcontracts
    .filter((child) => child.parentSubcontractId === subcontract.subcontractId && child.status === 'active')
    .map((child) => child.subcontractId);
  if (activeChildren.length > 0) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_HAS_ACTIVE_SUBCONTRACTS', 'End the subcontracts under this one first', {
      subcontractIds: activeChildren,
    });
  }
  if (isBlank(data.reason)) throw new SubcontractingRuleBroken('END_REASON_REQUIRED', 'Ending a subcontract needs a reason');
  return {
    type: 'SubcontractEnded',
    data: {
      contractId: contract.contractId,
      subcontractId: subcontract.subcontractId,
      reason: data.reason.trim(),
      releasedValuePence: subcontract.valuePence,
      endedAt: metadata.now.toISOString(),
    },
  };
};

const terminateContract = (command: TerminateContract, state: ContractState): ContractTerminated => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  assertCommissioner(metadata, contract, 'terminate its contract');
  if (contract.status === 'terminated') {
    throw new SubcontractingRuleBroken('CONTRACT_ALREADY_TERMINATED', `Contract ${contract.contractId} is already terminated`);
  }
  if (isBlank(data.reason)) throw new SubcontractingRuleBroken('TERMINATION_REASON_REQUIRED', 'Terminating a contract needs a reason');
  return { type: 'ContractTerminated', data: { contractId: contract.contractId, reason: data.reason.trim(), terminatedAt: metadata.now.toISOString() } };
};

const activeChildrenOf = (contract: ExistingContract, subcontractId: string | null): Subcontract[] =>
  contract.subcontracts.filter((child) => child.parentSubcontractId === subcontractId && child.status === 'active');

const sumOfValues = (subcontracts: readonly Subcontract[]): number => subcontracts.reduce((sum, s) => sum + s.valuePence, 0);

interface VariationTarget {
  readonly subcontractId: string | null;
  readonly valuePence: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly scope: string | null;
  readonly area: string | null;
}

/**
 * The checks every variation shares: a reason, something actually changing, and a tree that still holds
 * (the node stays worth at least what it has let below it, and its term still covers theirs).
 * Returns only the terms that change, and what they were.
 */
const variedTerms = (
  contract: ExistingContract,
  target: VariationTarget,
  requested: { valuePence?: number | null; endDate?: string | null; scope?: string | null; area?: string | null },
  variationId: string,
  reason: string,
  kind: 'CONTRACT' | 'SUBCONTRACT',
): { changes: TermChanges; previous: TermChanges } => {
  if (contract.variationIds.includes(variationId)) {
    throw new SubcontractingRuleBroken('VARIATION_ALREADY_RECORDED', `Variation ${variationId} is already recorded`, { variationId });
  }
  if (isBlank(reason)) throw new SubcontractingRuleBroken('VARIATION_REASON_REQUIRED', 'A variation needs a reason');
  const changes: { valuePence?: number; endDate?: string; scope?: string; area?: string } = {};
  const previous: { valuePence?: number; endDate?: string; scope?: string; area?: string } = {};
  const children = activeChildrenOf(contract, target.subcontractId);

  if (requested.valuePence !== undefined && requested.valuePence !== null && requested.valuePence !== target.valuePence) {
    if (!isWholePositivePence(requested.valuePence)) {
      throw new SubcontractingRuleBroken(`${kind}_VALUE_MUST_BE_POSITIVE_PENCE`, 'The value must be a whole, positive number of pence');
    }
    const subcontractedPence = sumOfValues(children);
    if (requested.valuePence < subcontractedPence) {
      throw new SubcontractingRuleBroken('VALUE_BELOW_SUBCONTRACTED', 'The value would fall below what is already subcontracted under it', {
        subcontractedPence,
        requestedValuePence: requested.valuePence,
      });
    }
    changes.valuePence = requested.valuePence;
    previous.valuePence = target.valuePence;
  }
  if (requested.endDate !== undefined && requested.endDate !== null && requested.endDate !== target.endDate) {
    if (!isIsoDate(requested.endDate)) {
      throw new SubcontractingRuleBroken(`${kind}_DATES_MUST_BE_ISO_DATES`, 'The end date must be a date (YYYY-MM-DD)');
    }
    if (requested.endDate <= target.startDate) {
      throw new SubcontractingRuleBroken(`${kind}_END_MUST_BE_AFTER_START`, 'The term must end after it starts');
    }
    const outlasting = children.filter((child) => child.endDate > (requested.endDate as string)).map((child) => child.subcontractId);
    if (outlasting.length > 0) {
      throw new SubcontractingRuleBroken('TERM_ENDS_BEFORE_SUBCONTRACTS', 'Subcontracts under it run past the new end date; vary or end them first', {
        subcontractIds: outlasting,
      });
    }
    changes.endDate = requested.endDate;
    previous.endDate = target.endDate;
  }
  if (requested.scope !== undefined && requested.scope !== null && requested.scope.trim() !== target.scope) {
    if (isBlank(requested.scope)) throw new SubcontractingRuleBroken(`${kind}_SCOPE_REQUIRED`, 'The scope cannot be varied to nothing');
    changes.scope = requested.scope.trim();
    if (target.scope !== null) previous.scope = target.scope;
  }
  if (requested.area !== undefined && requested.area !== null && requested.area.trim() !== target.area) {
    if (isBlank(requested.area)) throw new SubcontractingRuleBroken('SUBCONTRACT_AREA_REQUIRED', 'The area cannot be varied to nothing');
    changes.area = requested.area.trim();
    if (target.area !== null) previous.area = target.area;
  }
  if (Object.keys(changes).length === 0) {
    throw new SubcontractingRuleBroken('VARIATION_CHANGES_NOTHING', 'The variation changes none of the terms');
  }
  return { changes, previous };
};

const approver = (metadata: CommandMetadata): VariationApprover => ({
  userId: metadata.actor.userId,
  organisationId: metadata.actor.organisationId ?? '',
});

const assertCommissioner = (metadata: CommandMetadata, contract: ExistingContract, doing: string): void => {
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== contract.commissionerOrganisationId) {
    throw new SubcontractingRuleBroken('NOT_THE_CONTRACT_COMMISSIONER', `Only the commissioning organisation may ${doing}`);
  }
};

const varyContract = (command: VaryContract, state: ContractState): ContractVaried => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  assertCommissioner(metadata, contract, 'vary its contract');
  assertActive(contract, metadata.now);
  const { changes, previous } = variedTerms(
    contract,
    { ...primeNode(contract), scope: contract.scope, area: null },
    { valuePence: data.changes.valuePence, endDate: data.changes.endDate, scope: data.changes.scope },
    data.variationId,
    data.reason,
    'CONTRACT',
  );
  return {
    type: 'ContractVaried',
    data: {
      contractId: contract.contractId,
      variationId: data.variationId,
      changes,
      previous,
      reason: data.reason.trim(),
      approvedBy: approver(metadata),
      variedAt: metadata.now.toISOString(),
    },
  };
};

const varySubcontract = (command: VarySubcontract, state: ContractState): SubcontractVaried => {
  const { data, metadata } = command;
  const contract = existing(state, data.contractId);
  const subcontract = findSubcontract(contract, data.subcontractId);
  const parent: ChainNode =
    subcontract.parentSubcontractId === null ? primeNode(contract) : findSubcontract(contract, subcontract.parentSubcontractId);
  assertActsFor(metadata, [parent.organisationId]);
  assertActive(contract, metadata.now);
  if (subcontract.status === 'ended') {
    throw new SubcontractingRuleBroken('SUBCONTRACT_NOT_ACTIVE', `Subcontract ${subcontract.subcontractId} has ended`, {
      subcontractId: subcontract.subcontractId,
    });
  }
  const { changes, previous } = variedTerms(contract, subcontract, data.changes, data.variationId, data.reason, 'SUBCONTRACT');
  if (changes.valuePence !== undefined) {
    const siblings = activeChildrenOf(contract, parent.subcontractId).filter((s) => s.subcontractId !== subcontract.subcontractId);
    const committed = sumOfValues(siblings);
    if (committed + changes.valuePence > parent.valuePence) {
      throw new SubcontractingRuleBroken('SUBCONTRACT_VALUE_EXCEEDS_PARENT', 'Subcontracts would be worth more than the work they come from', {
        parentValuePence: parent.valuePence,
        alreadySubcontractedPence: committed,
        availablePence: parent.valuePence - committed,
      });
    }
  }
  if (changes.endDate !== undefined && changes.endDate > parent.endDate) {
    throw new SubcontractingRuleBroken('SUBCONTRACT_PERIOD_OUTSIDE_PARENT', 'A subcontract runs within the period of the work it comes from', {
      parentStartDate: parent.startDate,
      parentEndDate: parent.endDate,
    });
  }
  return {
    type: 'SubcontractVaried',
    data: {
      contractId: contract.contractId,
      subcontractId: subcontract.subcontractId,
      variationId: data.variationId,
      changes,
      previous,
      reason: data.reason.trim(),
      approvedBy: approver(metadata),
      variedAt: metadata.now.toISOString(),
    },
  };
};

export const decideContract = (
  command: ContractCommand,
  state: ContractState,
  policy: SubcontractingPolicy = DEFAULT_SUBCONTRACTING_POLICY,
): readonly ContractEvent[] => {
  switch (command.type) {
    case 'CreateContract':
      return createContract(command, state);
    case 'MakeInternalAgreement':
      return [makeInternalAgreement(command, state)];
    case 'AddSubcontractor':
      return [addSubcontractor(command, state, policy)];
    case 'EndSubcontract':
      return [endSubcontract(command, state)];
    case 'TerminateContract':
      return [terminateContract(command, state)];
    case 'VaryContract':
      return [varyContract(command, state)];
    case 'VarySubcontract':
      return [varySubcontract(command, state)];
    case 'SetOutcomeTargets':
      return [setOutcomeTargets(command, state)];
    case 'SubmitReturn':
      return [submitReturn(command, state)];
    case 'RateContract':
      return [rateContract(command, state)];
    case 'OpenDecommissioningCase':
      return [openDecommissioningCase(command, state)];
    case 'RespondToDecommissioningCase':
      return [respondToDecommissioningCase(command, state)];
    case 'DecideDecommissioningCase':
      return [decideDecommissioningCase(command, state)];
    case 'TakeOverSubcontracts':
      return takeOverSubcontracts(command, state);
    case 'CompleteTransition':
      return completeTransition(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown contract command ${(unknown as { type: string }).type}`);
    }
  }
};
