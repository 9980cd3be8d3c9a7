import type { Decider } from '@tendril/shared/ddd';
import type { ContractCommand } from './contract.commands';
import { decideContract, DEFAULT_SUBCONTRACTING_POLICY, type SubcontractingPolicy } from './contract.decide';
import type { ContractEvent } from './contract.events';
import { evolveContract, initialContractState, type ContractState } from './contract.state';

export type ContractDecider = Decider<ContractCommand, ContractEvent, ContractState>;

/** The policy comes from configuration; it shapes decisions only, never how history folds. */
export const createContractDecider = (policy: SubcontractingPolicy = DEFAULT_SUBCONTRACTING_POLICY): ContractDecider => {
  if (!Number.isInteger(policy.maxSubcontractDepth) || policy.maxSubcontractDepth < 1) {
    throw new Error(`maxSubcontractDepth must be a whole number of tiers of at least 1, not ${policy.maxSubcontractDepth}`);
  }
  return {
    decide: (command, state) => decideContract(command, state, policy),
    evolve: evolveContract,
    initialState: initialContractState,
  };
};

export const contractDecider: ContractDecider = createContractDecider();

export const CONTRACT_STREAM_PREFIX = 'contract-';

/** One stream per awarded contract, holding its whole supply chain so every tree rule is checked against one revision. */
export const contractStreamName = (contractId: string): string => `${CONTRACT_STREAM_PREFIX}${contractId}`;
