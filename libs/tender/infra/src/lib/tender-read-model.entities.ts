import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { COMMISSIONING_PLAN_READ_MODEL_ENTITIES } from './commissioning-plan-read-model.entities';

@Entity({ name: 'tender_view' })
export class TenderRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tenderId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 120 })
  category!: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** Canonical UTC ISO-8601, so text order is time order. Null only on a draft with no deadline yet. */
  @Index()
  @Column({ type: 'varchar', length: 30, nullable: true })
  submissionDeadline!: string | null;

  /** Canonical UTC; null on rows of tenders published before clarifications (the submission deadline applies). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  clarificationDeadline!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  planId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  strandId!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 120, nullable: true })
  area!: string | null;

  @Index()
  @Column({ type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  totalEstimatedValuePence!: number;

  @Column({ type: 'text', default: '[]' })
  documentsJson!: string;

  @Column({ type: 'text', default: '[]' })
  amendmentsJson!: string;

  @Column({ type: 'text' })
  lotsJson!: string;

  @Column({ type: 'text' })
  criteriaJson!: string;

  @Column({ type: 'boolean' })
  lightTouchRegime!: boolean;

  @Column({ type: 'boolean' })
  suitableForVcse!: boolean;

  @Column({ type: 'boolean' })
  reservedParticipation!: boolean;

  /** Null while the tender is a draft. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  draftedAt!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  retenderOfTenderId!: string | null;

  /** When the bidding context opened the bids: the tender has been under evaluation since. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  bidsOpenedAt!: string | null;

  @Column({ type: 'text', default: '[]' })
  deadlineExtensionsJson!: string;

  @Column({ type: 'text', default: '[]' })
  challengesJson!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  closedAt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  cancelledAt!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** Global log position of the last event applied to this row; also the list's cursor order. */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  lastPosition!: number;

  @Index()
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  publishedPosition!: number;
}

/** A proposed award in standstill, so the scheduler finds those due without reading every tender. */
@Entity({ name: 'tender_standstill' })
export class StandstillRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tenderId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  lotId!: string;

  /** Canonical UTC, so text order is time order. */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  standstillEndsAt!: string;

  /** Challenges not yet resolved; the award waits while any is open. */
  @Column({ type: 'int', default: 0 })
  openChallenges!: number;
}

/** Bids as the bidding context published them at the deadline: what an award may be made from. */
@Entity({ name: 'tender_opened_bid' })
export class OpenedBidRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  bidId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 64 })
  lotId!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;
}

/** One line of a tender's audit trail: who did what, when, in which stream, at which log position. */
@Entity({ name: 'tender_audit_entry' })
export class AuditEntryRow {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  position!: number;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 200 })
  streamName!: string;

  @Column({ type: 'varchar', length: 120 })
  eventType!: string;

  @Column({ type: 'varchar', length: 30 })
  occurredAt!: string;

  @Column({ type: 'varchar', length: 200 })
  actorUserId!: string;

  @Column({ type: 'varchar', length: 30 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 128 })
  correlationId!: string;

  @Column({ type: 'text' })
  summary!: string;
}

/** Clarification questions and their published answers. The asker stays here, never in what providers read. */
@Entity({ name: 'tender_clarification' })
export class ClarificationRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  questionId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 64 })
  askedByOrganisationId!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'varchar', length: 30 })
  askedAt!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  answeredAt!: string | null;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  askedPosition!: number;
}

/** The bidding context's evaluation of each lot, published after the deadline: what an award must follow. */
@Entity({ name: 'tender_lot_evaluation' })
export class LotEvaluationRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tenderId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  lotId!: string;

  @Column({ type: 'varchar', length: 64 })
  winnerBidId!: string;

  @Column({ type: 'varchar', length: 64 })
  winnerOrganisationId!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  winnerPricePence!: number;

  @Column({ type: 'float' })
  winnerTotalScore!: number;

  @Column({ type: 'text' })
  rankingJson!: string;

  @Column({ type: 'text' })
  evidenceRefsJson!: string;

  @Column({ type: 'varchar', length: 30 })
  completedAt!: string;
}

/** The categories each provider organisation wants new tenders of (its feed). */
@Entity({ name: 'tender_category_interest' })
export class CategoryInterestRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  organisationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 120 })
  category!: string;
}

/** Which tender a contract came from, so its supply-chain events join the tender's audit trail. */
@Entity({ name: 'tender_contract' })
export class TenderContractRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  contractId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  tenderId!: string;
}

export const TENDER_READ_MODEL_ENTITIES = [CategoryInterestRow, TenderRow, StandstillRow, OpenedBidRow, AuditEntryRow, TenderContractRow, ClarificationRow, LotEvaluationRow, ...COMMISSIONING_PLAN_READ_MODEL_ENTITIES];
