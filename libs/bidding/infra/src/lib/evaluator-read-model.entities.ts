import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per evaluator of a tender. Also read by SealedBidReadModel: a declaration grants access to the tender's unconflicted bids. */
@Entity({ name: 'evaluator_view' })
export class EvaluatorRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tenderId!: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) evaluatorUserId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 30 }) assignedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) declaredAt!: string | null;
  @Column({ type: 'text', nullable: true }) conflictedOrganisationIdsJson!: string | null;
  @Column({ type: 'text', nullable: true }) statement!: string | null;
}
