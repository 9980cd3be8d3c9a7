import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@tendril/shared/event-store';
import { type ContractFilter, ContractReadModel, type ContractView, type SubcontractView } from '@tendril/subcontracting/application';
import { Brackets, DataSource, In, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { ContractRow, SubcontractRow } from './contract-read-model.entities';

export const CONTRACT_PROJECTION_PROGRESS = Symbol.for('tendril.subcontracting.ProjectionProgress');
export interface ContractProjectionProgress {
  waitForPosition(position: number): Promise<void>;
}

const toSubcontractView = (row: SubcontractRow): SubcontractView => {
  const { contractId: _contractId, addedPosition: _addedPosition, ...view } = row;
  return { ...view, status: row.status as SubcontractView['status'] };
};

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
    const subcontracts = await this.dataSource.getRepository(SubcontractRow).find({
      where: { contractId: In(contracts.map((c) => c.contractId)) },
      order: { addedPosition: 'ASC' },
    });
    return contracts.map((contract) => {
      const chain = subcontracts.filter((s) => s.contractId === contract.contractId);
      const whole =
        seesEverything || contract.commissionerOrganisationId === organisationId || contract.primeOrganisationId === organisationId;
      return {
        ...contract,
        status: contract.status as ContractView['status'],
        subcontracts: (whole ? chain : branchOf(chain, organisationId)).map(toSubcontractView),
      };
    });
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
