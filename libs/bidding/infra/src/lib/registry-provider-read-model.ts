import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DueDiligenceView, type ProviderFilter, ProviderReadModel, type ProviderView } from '@tendril/bidding/application';
import { type DueDiligenceKind, type ProviderKind, type ProviderMember } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { DataSource } from 'typeorm';
import { ProviderRow } from './provider-read-model.entities';
import type { StoredDeclaration } from './provider.projection';
import { BID_PROJECTION_PROGRESS, type BidProjectionProgress } from './sealed-bid-read-model';

const belongsTo = (reader: Actor, row: ProviderRow): boolean =>
  reader.organisationId === row.organisationId && (reader.role === 'provider' || reader.role === 'prime' || (row.kind === 'in_house' && reader.role === 'commissioner'));

/** Evidence is for the organisation and those who check it; members for the organisation and oversight only. */
const mayReadEvidence = (reader: Actor, row: ProviderRow): boolean =>
  belongsTo(reader, row) || reader.role === 'commissioner' || reader.role === 'auditor' || reader.role === 'admin';
const mayReadMembers = (reader: Actor, row: ProviderRow): boolean => belongsTo(reader, row) || reader.role === 'auditor' || reader.role === 'admin';

/** What the organisation must renew or declare before it may bid: mirrors the domain's `assertMayTakeOnNewWork`. */
export const toRenewBeforeBidding = (declarations: readonly { kind: DueDiligenceKind; expiresAt: string }[], now: Date): DueDiligenceKind[] => {
  const lapsed = declarations.filter((d) => now.getTime() >= Date.parse(d.expiresAt)).map((d) => d.kind);
  const safeguardingDeclared = declarations.some((d) => d.kind === 'safeguarding_policy');
  return safeguardingDeclared ? lapsed : ['safeguarding_policy', ...lapsed];
};

export const toProviderView = (row: ProviderRow, reader: Actor, now: Date): ProviderView => {
  const declarations = JSON.parse(row.declarationsJson) as StoredDeclaration[];
  const evidence = mayReadEvidence(reader, row);
  const dueDiligence: DueDiligenceView[] = declarations.map((d) => ({
    kind: d.kind,
    declaredAt: d.declaredAt,
    expiresAt: d.expiresAt,
    current: now.getTime() < Date.parse(d.expiresAt),
    statement: evidence ? d.statement : null,
    evidenceRefs: evidence ? d.evidenceRefs : null,
  }));
  return {
    organisationId: row.organisationId,
    name: row.name,
    kind: row.kind as ProviderKind,
    charityNumber: row.charityNumber,
    companyNumber: row.companyNumber,
    schoolUrn: row.schoolUrn,
    vcse: row.vcse,
    sme: row.sme,
    serviceCategories: JSON.parse(row.serviceCategoriesJson) as string[],
    serviceAreas: JSON.parse(row.serviceAreasJson) as string[],
    registeredAt: row.registeredAt,
    dueDiligence,
    members: mayReadMembers(reader, row) ? (JSON.parse(row.membersJson) as ProviderMember[]) : null,
    toRenewBeforeBidding: toRenewBeforeBidding(declarations, now),
  };
};

/** The registry is open to every signed-in user; members and evidence are filtered per reader here. */
@Injectable()
export class RegistryProviderReadModel extends ProviderReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_PROJECTION_PROGRESS) private readonly progress: BidProjectionProgress,
  ) {
    super();
  }

  async findProvider(organisationId: string, reader: Actor, now: Date): Promise<ProviderView | null> {
    const row = await this.dataSource.getRepository(ProviderRow).findOneBy({ organisationId });
    return row ? toProviderView(row, reader, now) : null;
  }

  async findProviders(filter: ProviderFilter, reader: Actor, now: Date): Promise<readonly ProviderView[]> {
    const query = this.dataSource.getRepository(ProviderRow).createQueryBuilder('provider').orderBy('provider.name', 'ASC').addOrderBy('provider.organisationId', 'ASC');
    if (filter.kind) query.andWhere('provider.kind = :kind', { kind: filter.kind });
    if (filter.vcse !== undefined) query.andWhere('provider.vcse = :vcse', { vcse: filter.vcse });
    if (filter.sme !== undefined) query.andWhere('provider.sme = :sme', { sme: filter.sme });
    // Categories and areas are short lists kept as JSON; the registry is small enough to match them here.
    return (await query.getMany())
      .map((row) => toProviderView(row, reader, now))
      .filter((view) => (filter.serviceCategory ? view.serviceCategories.includes(filter.serviceCategory) : true))
      .filter((view) => (filter.serviceArea ? view.serviceAreas.includes(filter.serviceArea) : true));
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
