import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@tendril/shared/event-store';
import {
  type ContractFilter,
  ContractReadModel,
  type ContractView,
  type DecommissioningCaseView,
  type SubcontractView,
  type SupplyChainNodeView,
  type SupplyChainView,
  type TransitionStepView,
  type VariationView,
} from '@tendril/subcontracting/application';
import type { TransferRecord, TransitionStepResult } from '@tendril/subcontracting/domain';
import { Brackets, DataSource, In, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { ContractRow, DecommissioningCaseRow, SubcontractRow, VariationRow } from './contract-read-model.entities';

export const CONTRACT_PROJECTION_PROGRESS = Symbol.for('tendril.subcontracting.ProjectionProgress');
export interface ContractProjectionProgress {
  waitForPosition(position: number): Promise<void>;
}

const toTransfer = (json: string | null): SubcontractView['transferredFrom'] => {
  if (!json) return null;
  const transfer = JSON.parse(json) as TransferRecord;
  return {
    contractId: transfer.contractId,
    subcontractId: transfer.subcontractId,
    caseId: transfer.caseId,
    reason: transfer.reason,
    evidenceRefs: transfer.evidenceRefs,
    decidedByUserId: transfer.decidedBy.userId,
  };
};

const toSubcontractView = (row: SubcontractRow): SubcontractView => {
  const { contractId: _contractId, addedPosition: _addedPosition, ...view } = row;
  return {
    ...view,
    status: row.status as SubcontractView['status'],
    transferredFrom: toTransfer(row.transferredFrom),
    transferredTo: row.transferredTo ? (JSON.parse(row.transferredTo) as SubcontractView['transferredTo']) : null,
  };
};

type StepResult = TransitionStepResult;

const withResults = (plan: readonly Omit<TransitionStepView, 'result' | 'toSubcontractId' | 'refusalCode' | 'refusal'>[], resultsJson: string | null): TransitionStepView[] => {
  const results = resultsJson ? (JSON.parse(resultsJson) as StepResult[]) : [];
  return plan.map((step) => {
    const result = results.find((r) => r.subcontractId === step.subcontractId);
    return {
      ...step,
      result: result?.result ?? null,
      toSubcontractId: result?.result === 'done' && result.outcome !== 'ends' ? result.toSubcontractId : null,
      refusalCode: result?.result === 'refused' ? result.refusalCode : null,
      refusal: result?.result === 'refused' ? result.refusal : null,
    };
  });
};

const toVariationView = (row: VariationRow): VariationView => ({
  variationId: row.variationId,
  subcontractId: row.subcontractId,
  changes: JSON.parse(row.changes) as VariationView['changes'],
  previous: JSON.parse(row.previous) as VariationView['previous'],
  reason: row.reason,
  approvedByUserId: row.approvedByUserId,
  approvedByOrganisationId: row.approvedByOrganisationId,
  variedAt: row.variedAt,
});

const primeNodeOf = (contract: ContractView): SupplyChainNodeView => ({
  contractId: contract.contractId,
  tenderId: contract.tenderId,
  lotId: contract.lotId,
  subcontractId: null,
  parentSubcontractId: null,
  parentOrganisationId: null,
  organisationId: contract.primeOrganisationId,
  tier: 0,
  valuePence: contract.valuePence,
  scope: contract.scope,
  area: null,
  startDate: contract.startDate,
  endDate: contract.endDate,
  paymentTermsDays: contract.paymentTermsDays,
  status: contract.status,
});

const subcontractNodeOf = (contract: ContractView, s: SubcontractView): SupplyChainNodeView => ({
  contractId: contract.contractId,
  tenderId: contract.tenderId,
  lotId: contract.lotId,
  subcontractId: s.subcontractId,
  parentSubcontractId: s.parentSubcontractId,
  parentOrganisationId: s.parentOrganisationId,
  organisationId: s.subcontractorOrganisationId,
  tier: s.tier,
  valuePence: s.valuePence,
  scope: s.scope,
  area: s.area,
  startDate: s.startDate,
  endDate: s.endDate,
  paymentTermsDays: s.paymentTermsDays,
  status: s.status,
});

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

// A decommissioned contract still delivers through its notice period.
const isLive = (node: SupplyChainNodeView): boolean => node.status === 'active' || node.status === 'decommissioned';

/** The subcontracts under (and including) those let to `organisationId`: a subcontractor's own branch. */
export const branchOf = (subcontracts: readonly SubcontractRow[], organisationId: string): SubcontractRow[] => {
  const included = new Set(subcontracts.filter((s) => s.subcontractorOrganisationId === organisationId).map((s) => s.subcontractId));
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of subcontracts) {
      if (s.parentSubcontractId !== null && included.has(s.parentSubcontractId) && !included.has(s.subcontractId)) {
        included.add(s.subcontractId);
        grew = true;
      }
    }
  }
  return subcontracts.filter((s) => included.has(s.subcontractId));
};

/**
 * Who sees what of a supply chain: the commissioning council, the prime and auditors see the whole tree;
 * a subcontractor sees only its own branch; anyone else sees nothing (the contract reads as absent).
 */
@Injectable()
export class VisibleContractReadModel extends ContractReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTRACT_PROJECTION_PROGRESS) private readonly progress: ContractProjectionProgress,
  ) {
    super();
  }

  async findVisibleContract(contractId: string, reader: Actor): Promise<ContractView | null> {
    const [contract] = await this.findVisibleContracts({ contractId }, reader);
    return contract ?? null;
  }

  async findVisibleContracts(filter: ContractFilter & { contractId?: string }, reader: Actor): Promise<readonly ContractView[]> {
    const organisationId = reader.organisationId ?? '';
    const seesEverything = reader.role === 'auditor' || reader.role === 'admin';
    const query = this.dataSource.getRepository(ContractRow).createQueryBuilder('contract').orderBy('contract.createdAt', 'ASC');
    if (filter.contractId) query.andWhere('contract.contractId = :contractId', { contractId: filter.contractId });
    if (filter.tenderId) query.andWhere('contract.tenderId = :tenderId', { tenderId: filter.tenderId });
    if (filter.commissionerOrganisationId) {
      query.andWhere('contract.commissionerOrganisationId = :commissioner', { commissioner: filter.commissionerOrganisationId });
    }
    if (!seesEverything) {
      query.andWhere(
        new Brackets((visible) =>
          visible
            .where('contract.commissionerOrganisationId = :organisationId', { organisationId })
            .orWhere('contract.primeOrganisationId = :organisationId', { organisationId })
            .orWhere((sub: WhereExpressionBuilder & SelectQueryBuilder<ContractRow>) => {
              const inChain = sub
                .subQuery()
                .select('1')
                .from(SubcontractRow, 'node')
                .where('node.contractId = contract.contractId')
                .andWhere('node.subcontractorOrganisationId = :organisationId', { organisationId })
                .getQuery();
              return `EXISTS ${inChain}`;
            }),
        ),
      );
    }
    const contracts = await query.getMany();
    if (contracts.length === 0) return [];
    const contractIds = contracts.map((c) => c.contractId);
    // Two set-based reads whatever the number of contracts: the council-wide chain never loads per node.
    const [subcontracts, variations] = await Promise.all([
      this.dataSource.getRepository(SubcontractRow).find({ where: { contractId: In(contractIds) }, order: { addedPosition: 'ASC' } }),
      this.dataSource.getRepository(VariationRow).find({ where: { contractId: In(contractIds) }, order: { position: 'ASC' } }),
    ]);
    const chains = groupBy(subcontracts, (s) => s.contractId);
    const variationsByContract = groupBy(variations, (v) => v.contractId);
    return contracts.map((contract) => {
      const chain = chains.get(contract.contractId) ?? [];
      const whole =
        seesEverything || contract.commissionerOrganisationId === organisationId || contract.primeOrganisationId === organisationId;
      const visible = whole ? chain : branchOf(chain, organisationId);
      const visibleIds = new Set(visible.map((s) => s.subcontractId));
      return {
        ...contract,
        status: contract.status as ContractView['status'],
        kind: contract.kind as ContractView['kind'],
        outcomeTargets: contract.outcomeTargets ? (JSON.parse(contract.outcomeTargets) as ContractView['outcomeTargets']) : null,
        outcomeMeasures: contract.outcomeMeasures ? (JSON.parse(contract.outcomeMeasures) as ContractView['outcomeMeasures']) : [],
        subcontracts: visible.map(toSubcontractView),
        variations: (variationsByContract.get(contract.contractId) ?? [])
          .filter((v) => (v.subcontractId === null ? whole : visibleIds.has(v.subcontractId)))
          .map(toVariationView),
      };
    });
  }

  async findVisibleSupplyChain(commissionerOrganisationId: string, reader: Actor, includeEnded: boolean): Promise<SupplyChainView> {
    const contracts = await this.findVisibleContracts({ commissionerOrganisationId }, reader);
    const organisationId = reader.organisationId ?? '';
    const nodes: SupplyChainNodeView[] = [];
    for (const contract of contracts) {
      const whole =
        reader.role === 'auditor' ||
        reader.role === 'admin' ||
        contract.commissionerOrganisationId === organisationId ||
        contract.primeOrganisationId === organisationId;
      // A subcontractor sees its own branch, never the prime's terms above it.
      if (whole) nodes.push(primeNodeOf(contract));
      for (const subcontract of contract.subcontracts) nodes.push(subcontractNodeOf(contract, subcontract));
    }
    const shown = includeEnded ? nodes : nodes.filter(isLive);
    const live = nodes.filter(isLive);
    const tiers = [...groupBy(live, (n) => n.tier).entries()]
      .sort(([a], [b]) => a - b)
      .map(([tier, atTier]) => ({
        tier,
        nodeCount: atTier.length,
        organisationCount: new Set(atTier.map((n) => n.organisationId)).size,
        valuePence: atTier.reduce((sum, n) => sum + n.valuePence, 0),
      }));
    return {
      commissionerOrganisationId,
      contractCount: contracts.length,
      organisationCount: new Set(live.map((n) => n.organisationId)).size,
      nodes: shown,
      tiers,
    };
  }

  async findDecommissioningCases(contractId: string, reader: Actor): Promise<readonly DecommissioningCaseView[]> {
    const contract = await this.dataSource.getRepository(ContractRow).findOneBy({ contractId });
    const organisationId = reader.organisationId ?? '';
    const mayRead =
      contract !== null &&
      (reader.role === 'auditor' ||
        reader.role === 'admin' ||
        contract.commissionerOrganisationId === organisationId ||
        contract.primeOrganisationId === organisationId);
    if (!mayRead) return [];
    const rows = await this.dataSource.getRepository(DecommissioningCaseRow).find({ where: { contractId }, order: { openedAt: 'ASC' } });
    return rows.map((row) => ({
      ...row,
      status: row.status as DecommissioningCaseView['status'],
      evidenceRefs: JSON.parse(row.evidenceRefs) as string[],
      responseEvidenceRefs: row.responseEvidenceRefs ? (JSON.parse(row.responseEvidenceRefs) as string[]) : [],
      transition: withResults(row.transition ? (JSON.parse(row.transition) as TransitionStepView[]) : [], row.transitionResult),
    }));
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
