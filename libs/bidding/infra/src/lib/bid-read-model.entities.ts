import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A bid's content. Only ever read through SealedBidReadModel, which applies the sealing rule in SQL. */
@Entity({ name: 'bid_view' })
@Index(['tenderId', 'lotId'])
export class BidRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) bidId!: string;
  @Column({ type: 'varchar', length: 64 }) tenderId!: string;
  @Column({ type: 'varchar', length: 64 }) lotId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) organisationId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  /** As the bid was submitted; the competition's row has the deadline as it stands now. Canonical UTC ISO-8601: text order is time order. */
  @Column({ type: 'varchar', length: 30 }) submissionDeadline!: string;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) pricePence!: number;
  @Column({ type: 'text' }) qualityAnswersJson!: string;
  @Column({ type: 'text' }) socialValueCommitments!: string;
  @Column({ type: 'text', default: '[]' }) subcontractorsJson!: string;
  @Column({ type: 'text', default: 'null' }) consortiumJson!: string;
  /** The documents attached now (name, type, size, SHA-256); their bytes are in the attachment store. */
  @Column({ type: 'text', default: '[]' }) attachmentsJson!: string;
  @Column({ type: 'varchar', length: 30 }) submittedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) amendedAt!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) withdrawnAt!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) openedAt!: string | null;
  @Column({ type: 'text', nullable: true }) complianceReason!: string | null;
}

/** Each competition's deadline as it stands now: sealing reads it, so an extension reseals every bid of the tender at once. */
@Entity({ name: 'competition_deadline_view' })
export class CompetitionDeadlineRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tenderId!: string;
  /** Canonical UTC ISO-8601. */
  @Column({ type: 'varchar', length: 30 }) submissionDeadline!: string;
}
