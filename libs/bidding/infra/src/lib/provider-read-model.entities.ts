import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per registered organisation. Read only through RegistryProviderReadModel, which decides who sees members and evidence. */
@Entity({ name: 'provider_view' })
export class ProviderRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) organisationId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Index() @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ type: 'varchar', length: 12, nullable: true }) charityNumber!: string | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) companyNumber!: string | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) schoolUrn!: string | null;
  @Column({ type: 'boolean' }) vcse!: boolean;
  @Column({ type: 'boolean' }) sme!: boolean;
  @Column({ type: 'text' }) serviceCategoriesJson!: string;
  @Column({ type: 'text' }) serviceAreasJson!: string;
  @Column({ type: 'text' }) membersJson!: string;
  /** The latest declaration of each kind, with statement and evidence. */
  @Column({ type: 'text' }) declarationsJson!: string;
  @Column({ type: 'varchar', length: 30 }) registeredAt!: string;
}
