import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One row per commissioning plan; strands, outcomes and evidence are small and always read with the plan. */
@Entity({ name: 'commissioning_plan_view' })
export class CommissioningPlanRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  planId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  periodStart!: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  inHouseBudgetPence!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  externalBudgetPence!: number;

  @Column({ type: 'text' })
  outcomesJson!: string;

  @Column({ type: 'text' })
  strandsJson!: string;

  @Column({ type: 'text' })
  evidenceJson!: string;

  @Column({ type: 'varchar', length: 30 })
  draftedAt!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  lastPosition!: number;

  /** The list's cursor order: newest plan first. */
  @Index()
  @Column({ type: 'bigint', transformer: bigintNumber })
  draftedPosition!: number;
}

/** Preliminary market engagement notices, listed to providers while they take responses. */
@Entity({ name: 'commissioning_engagement_notice' })
export class EngagementNoticeRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  noticeId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  planId!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'text' })
  strandIdsJson!: string;

  @Column({ type: 'text' })
  summary!: string;

  /** `YYYY-MM-DD`, so text order is date order. */
  @Index()
  @Column({ type: 'varchar', length: 10 })
  respondBy!: string;

  @Column({ type: 'varchar', length: 30 })
  publishedAt!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  publishedPosition!: number;

  @Column({ type: 'text' })
  interestsJson!: string;
}

/** Organisations the provider registry (bidding context) has published, with the kind a plan records. */
@Entity({ name: 'tender_registered_provider' })
export class RegisteredProviderRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 40 })
  providerKind!: string;
}

export const COMMISSIONING_PLAN_READ_MODEL_ENTITIES = [CommissioningPlanRow, EngagementNoticeRow, RegisteredProviderRow];
