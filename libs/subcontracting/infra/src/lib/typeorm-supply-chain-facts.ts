import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SupplyChainFacts } from '@tendril/subcontracting/application';
import type { ContractOutcomeMeasure, ProviderEligibility, StrandOutcomeFramework, TransitionTarget } from '@tendril/subcontracting/domain';
import { type DataSource, In } from 'typeorm';
import { ContractRow, ProviderEligibilityRow, StrandFrameworkRow, SubcontractRow } from './contract-read-model.entities';

const toFramework = (row: StrandFrameworkRow): StrandOutcomeFramework => ({
  planId: row.planId,
  strandId: row.strandId,
  commissionerOrganisationId: row.commissionerOrganisationId,
  deliveryModel: row.deliveryModel,
  measures: JSON.parse(row.measures) as ContractOutcomeMeasure[],
});

/** Facts for the deciders, read from this context's read models (never by replaying another context's log). */
@Injectable()
export class TypeormSupplyChainFacts extends SupplyChainFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async eligibilityOf(organisationId: string): Promise<ProviderEligibility> {
    const row = await this.dataSource.getRepository(ProviderEligibilityRow).findOneBy({ organisationId });
    if (!row) return { registered: false, declarations: [] };
    const declarations = JSON.parse(row.declarations) as Record<string, string>;
    return { registered: row.registered, declarations: Object.entries(declarations).map(([kind, expiresAt]) => ({ kind, expiresAt })) };
  }

  async chainEligibility(contractId: string): Promise<Readonly<Record<string, ProviderEligibility>>> {
    const live = await this.dataSource.getRepository(SubcontractRow).findBy({ contractId, status: 'active' });
    const organisationIds = [...new Set(live.map((s) => s.subcontractorOrganisationId))];
    const entries = await Promise.all(organisationIds.map(async (organisationId) => [organisationId, await this.eligibilityOf(organisationId)] as const));
    return Object.fromEntries(entries);
  }

  async strandFramework(strand: { planId: string | null; strandId: string; commissionerOrganisationId: string | null }): Promise<StrandOutcomeFramework | null> {
    const repository = this.dataSource.getRepository(StrandFrameworkRow);
    if (strand.planId) {
      const row = await repository.findOneBy({ planId: strand.planId, strandId: strand.strandId });
      return row ? toFramework(row) : null;
    }
    if (!strand.commissionerOrganisationId) return null;
    const [latest] = await repository.find({
      where: { strandId: strand.strandId, commissionerOrganisationId: strand.commissionerOrganisationId },
      order: { releasedAt: 'DESC' },
      take: 1,
    });
    return latest ? toFramework(latest) : null;
  }

  async transitionTargets(contractId: string, namedContractIds: readonly string[]): Promise<readonly TransitionTarget[]> {
    const contracts = this.dataSource.getRepository(ContractRow);
    const from = await contracts.findOneBy({ contractId });
    if (!from) return [];
    const [named, inHouse] = await Promise.all([
      namedContractIds.length > 0 ? contracts.findBy({ contractId: In([...namedContractIds]) }) : Promise.resolve([]),
      contracts.findBy({ commissionerOrganisationId: from.commissionerOrganisationId, kind: 'internal' }),
    ]);
    const rows = [...new Map([...named, ...inHouse].map((row) => [row.contractId, row])).values()];
    if (rows.length === 0) return [];
    const committed = await this.dataSource
      .getRepository(SubcontractRow)
      .createQueryBuilder('s')
      .select('s.contractId', 'contractId')
      .addSelect('SUM(s.valuePence)', 'committed')
      .where('s.contractId IN (:...ids)', { ids: rows.map((row) => row.contractId) })
      .andWhere('s.status = :active', { active: 'active' })
      .andWhere('s.parentSubcontractId IS NULL')
      .groupBy('s.contractId')
      .getRawMany<{ contractId: string; committed: string | number }>();
    const committedOf = new Map(committed.map((row) => [row.contractId, Number(row.committed)]));
    return rows.map((row) => ({
      contractId: row.contractId,
      kind: row.kind === 'internal' ? 'internal' : 'awarded',
      commissionerOrganisationId: row.commissionerOrganisationId,
      primeOrganisationId: row.primeOrganisationId,
      strandId: row.strandId ?? (row.kind === 'internal' ? row.lotId : null),
      status: row.status,
      startDate: row.startDate,
      endDate: row.endDate,
      headroomPence: row.valuePence - (committedOf.get(row.contractId) ?? 0),
    }));
  }
}
