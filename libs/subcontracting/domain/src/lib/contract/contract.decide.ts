import type { CommandMetadata } from '@tendril/shared/ddd';
import { SubcontractingRuleBroken } from '../subcontracting.errors';
import { isBlank, isIsoDate, isWholePositivePence, utcDate } from '../values/value-guards';
import type { AddSubcontractor, ContractCommand, CreateContract, EndSubcontract, TerminateContract } from './contract.commands';
import type { ContractCreated, ContractEvent, ContractTerminated, SubcontractEnded, SubcontractorAdded } from './contract.events';
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
  if (contract.status === 'terminated' || utcDate(now) > contract.endDate) {
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
  if (!isWholePositivePence(data.valuePence)) {
    throw new SubcontractingRuleBroken('CONTRACT_VALUE_MUST_BE_POSITIVE_PENCE', 'The contract value must be a whole, positive number of pence');
  }
  if (!isIsoDate(data.startDate) || !isIsoDate(data.endDate)) {
    throw new SubcontractingRuleBroken('CONTRACT_DATES_MUST_BE_ISO_DATES', 'Contract start and end must be dates (YYYY-MM-DD)');
  }
  if (data.endDate <= data.startDate) throw new SubcontractingRuleBroken('CONTRACT_END_MUST_BE_AFTER_START', 'The contract must end after it starts');
  assertPaymentTerms(data.paymentTermsDays);
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
  assertActive(contract, metadata.now);
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
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== contract.commissionerOrganisationId) {
    throw new SubcontractingRuleBroken('NOT_THE_CONTRACT_COMMISSIONER', 'Only the commissioning organisation may terminate its contract');
  }
  if (contract.status === 'terminated') {
    throw new SubcontractingRuleBroken('CONTRACT_ALREADY_TERMINATED', `Contract ${contract.contractId} is already terminated`);
  }
  if (isBlank(data.reason)) throw new SubcontractingRuleBroken('TERMINATION_REASON_REQUIRED', 'Terminating a contract needs a reason');
  return { type: 'ContractTerminated', data: { contractId: contract.contractId, reason: data.reason.trim(), terminatedAt: metadata.now.toISOString() } };
};

export const decideContract = (
  command: ContractCommand,
  state: ContractState,
  policy: SubcontractingPolicy = DEFAULT_SUBCONTRACTING_POLICY,
): readonly ContractEvent[] => {
  switch (command.type) {
    case 'CreateContract':
      return createContract(command, state);
    case 'AddSubcontractor':
      return [addSubcontractor(command, state, policy)];
    case 'EndSubcontract':
      return [endSubcontract(command, state)];
    case 'TerminateContract':
      return [terminateContract(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown contract command ${(unknown as { type: string }).type}`);
    }
  }
};
