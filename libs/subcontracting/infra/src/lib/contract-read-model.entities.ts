import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

@Entity({ name: 'contract_view' })
export class ContractRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) contractId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) tenderId!: string;
  @Column({ type: 'varchar', length: 64 }) lotId!: string;
  @Column({ type: 'varchar', length: 64 }) bidId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) primeOrganisationId!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) valuePence!: number;
  @Column({ type: 'varchar', length: 10 }) startDate!: string;
  @Column({ type: 'varchar', length: 10 }) endDate!: string;
  @Column({ type: 'int' }) paymentTermsDays!: number;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'varchar', length: 30 }) createdAt!: string;
  /** Null while the scope is the one tendered for the lot. */
  @Column({ type: 'text', nullable: true }) scope!: string | null;
  /** `awarded` from a tender, `internal` for an in-house strand's agreement (tenderId and bidId empty). */
  @Column({ type: 'varchar', length: 20, default: 'awarded' }) kind!: string;
  /** JSON `{ frameworkRef, targets: [{ measure, quarterlyTarget }] }`, null until the commissioner sets them. */
  @Column({ type: 'text', nullable: true }) outcomeTargets!: string | null;
  /** The plan strand delivered: the award's, or the in-house strand of an internal agreement; null when the award named none. */
  @Index() @Column({ type: 'varchar', length: 64, nullable: true }) strandId!: string | null;
  /** JSON `[{ measureId, name, kind, target }]` from the strand's outcomes framework; null when none is known. */
  @Column({ type: 'text', nullable: true }) outcomeMeasures!: string | null;
}

/** One node of a supply chain. The whole council's chain is answered from these rows, never by replay. */
@Entity({ name: 'subcontract_view' })
export class SubcontractRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) subcontractId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) contractId!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) parentSubcontractId!: string | null;
  @Column({ type: 'varchar', length: 64 }) parentOrganisationId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) subcontractorOrganisationId!: string;
  @Column({ type: 'int' }) tier!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) valuePence!: number;
  @Column({ type: 'text' }) scope!: string;
  @Column({ type: 'varchar', length: 200 }) area!: string;
  @Column({ type: 'varchar', length: 10 }) startDate!: string;
  @Column({ type: 'varchar', length: 10 }) endDate!: string;
  @Column({ type: 'int' }) paymentTermsDays!: number;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'varchar', length: 30 }) addedAt!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) endedAt!: string | null;
  @Column({ type: 'text', nullable: true }) endReason!: string | null;
  @Column({ type: 'boolean', default: true }) mayLetSubcontracts!: boolean;
  /** Log position that added it: keeps the chain in the order it was built. */
  @Column({ type: 'bigint', transformer: bigintNumber }) addedPosition!: number;
  /** JSON of where moved work came from (contract, subcontract, case, reason, evidence, decided by); null for work let here. */
  @Column({ type: 'text', nullable: true }) transferredFrom!: string | null;
  /** JSON `{ contractId, subcontractId }` when a transition plan moved the work on; null otherwise. */
  @Column({ type: 'text', nullable: true }) transferredTo!: string | null;
}

/** One variation of a contract (subcontractId null) or of a subcontract: what changed, why, and who approved it. */
@Entity({ name: 'contract_variation_view' })
export class VariationRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) variationId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) contractId!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) subcontractId!: string | null;
  /** JSON of the changed terms and of their previous values. */
  @Column({ type: 'text' }) changes!: string;
  @Column({ type: 'text' }) previous!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'varchar', length: 64 }) approvedByUserId!: string;
  @Column({ type: 'varchar', length: 64 }) approvedByOrganisationId!: string;
  @Column({ type: 'varchar', length: 30 }) variedAt!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) position!: number;
}

/** One organisation's quarterly return, with the council and strand copied in so value-for-money sums need no joins. */
@Entity({ name: 'delivery_return_view' })
@Index(['commissionerOrganisationId', 'period'])
export class ReturnRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) returnId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) contractId!: string;
  @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'varchar', length: 64 }) lotId!: string;
  @Column({ type: 'varchar', length: 64 }) primeOrganisationId!: string;
  @Column({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) subcontractId!: string | null;
  @Index() @Column({ type: 'varchar', length: 64 }) organisationId!: string;
  @Column({ type: 'int' }) tier!: number;
  @Column({ type: 'int' }) youngPeopleReached!: number;
  @Column({ type: 'int' }) hoursDelivered!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) spendPence!: number;
  @Column({ type: 'int' }) learning!: number;
  @Column({ type: 'int' }) achievement!: number;
  @Column({ type: 'int' }) progress!: number;
  /** JSON `[{ measureId, kind, value }]`: the figure for each of the contract's outcome measures; null when it has none. */
  @Column({ type: 'text', nullable: true }) measures!: string | null;
  /** Young people with an outcome: the outcome measures' figures (reach aside) when the contract has them, else learning + achievement + progress. */
  @Column({ type: 'int', default: 0 }) outcomesAchieved!: number;
  @Column({ type: 'varchar', length: 30 }) submittedAt!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) position!: number;
}

/** The commissioner's rating of a contract for a quarter and what it relied on. */
@Entity({ name: 'contract_rating_view' })
export class RatingRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) contractId!: string;
  @PrimaryColumn({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'varchar', length: 30 }) rating!: string;
  @Column({ type: 'text' }) rationale!: string;
  /** JSON array of evidence references. */
  @Column({ type: 'text' }) evidenceRefs!: string;
  @Column({ type: 'varchar', length: 64 }) ratedByUserId!: string;
  @Column({ type: 'varchar', length: 30 }) ratedAt!: string;
}

/** A decommissioning case: each step's decision, actor, reason and evidence. Lists are JSON. */
@Entity({ name: 'decommissioning_case_view' })
export class DecommissioningCaseRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) caseId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) contractId!: string;
  /** open | improvement_plan | decommissioned */
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) evidenceRefs!: string;
  @Column({ type: 'varchar', length: 64 }) openedByUserId!: string;
  @Column({ type: 'varchar', length: 30 }) openedAt!: string;
  @Column({ type: 'text', nullable: true }) response!: string | null;
  @Column({ type: 'text', nullable: true }) responseEvidenceRefs!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) respondedByUserId!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) respondedAt!: string | null;
  @Column({ type: 'text', nullable: true }) rationale!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) decidedByUserId!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) decidedAt!: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) reviewDate!: string | null;
  @Column({ type: 'int', nullable: true }) noticePeriodDays!: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) endDate!: string | null;
  @Column({ type: 'text', nullable: true }) transition!: string | null;
  /** JSON of each step as carried out (done, or refused with the code); null until the platform has carried the plan out. */
  @Column({ type: 'text', nullable: true }) transitionResult!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) transitionCompletedAt!: string | null;
}

/** What the provider registry (bidding) last published about an organisation. */
@Entity({ name: 'provider_eligibility_view' })
export class ProviderEligibilityRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) organisationId!: string;
  @Column({ type: 'boolean' }) registered!: boolean;
  /** JSON `{ [kind]: expiresAt }`: the latest declaration of each kind of due diligence. */
  @Column({ type: 'text' }) declarations!: string;
}

/** A plan strand's outcomes framework, as the tender context published it when the strand left commissioning. */
@Entity({ name: 'strand_framework_view' })
@Index(['commissionerOrganisationId', 'strandId'])
export class StrandFrameworkRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) planId!: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) strandId!: string;
  @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) area!: string | null;
  @Column({ type: 'varchar', length: 20 }) deliveryModel!: string;
  /** JSON `[{ measureId, name, kind, target }]`. */
  @Column({ type: 'text' }) measures!: string;
  @Column({ type: 'varchar', length: 30 }) releasedAt!: string;
}

export const CONTRACT_READ_MODEL_ENTITIES = [ContractRow, SubcontractRow, VariationRow, ReturnRow, RatingRow, DecommissioningCaseRow];
