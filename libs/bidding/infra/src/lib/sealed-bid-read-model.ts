import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BidAttachmentView, type BidFilter, BidReadModel, type BidView } from '@tendril/bidding/application';
import { type BidState, type BidStatus, canReadBid, type EvaluatorGrant, type Consortium, type ProposedSubcontractor, type QualityAnswer } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { BidRow, CompetitionDeadlineRow } from './bid-read-model.entities';
import { EvaluatorRow } from './evaluator-read-model.entities';

export const BID_PROJECTION_PROGRESS = Symbol.for('tendril.bidding.ProjectionProgress');
export interface BidProjectionProgress {
  waitForPosition(position: number): Promise<void>;
}

type BidRowWithDeadline = BidRow & { competition?: CompetitionDeadlineRow | null };

const toView = ({ qualityAnswersJson, subcontractorsJson, consortiumJson, attachmentsJson, competition, ...row }: BidRowWithDeadline): BidView => ({
  ...row,
  // The deadline as it stands now: a bid submitted before an extension stays sealed until the new one.
  submissionDeadline: competition?.submissionDeadline ?? row.submissionDeadline,
  status: row.status as BidStatus,
  attachments: JSON.parse(attachmentsJson) as BidAttachmentView[],
  qualityAnswers: JSON.parse(qualityAnswersJson) as QualityAnswer[],
  subcontractors: JSON.parse(subcontractorsJson) as ProposedSubcontractor[],
  consortium: JSON.parse(consortiumJson) as Consortium | null,
});

const asBidState = (view: BidView): BidState => ({ ...view }) as unknown as BidState;

/**
 * Sealing where the data is read: the SQL itself only returns bids the reader may see now (their own
 * organisation's; after the deadline, the tender's commissioners see live bids and auditors see all),
 * and each row is checked again against the domain's `canReadBid` rule.
 */
@Injectable()
export class SealedBidReadModel extends BidReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_PROJECTION_PROGRESS) private readonly progress: BidProjectionProgress,
  ) {
    super();
  }

  async findReadableBid(bidId: string, reader: Actor, now: Date): Promise<BidView | null> {
    const grants = await this.evaluatorGrants(reader);
    const row = await this.readable(reader, now, grants).andWhere('bid.bidId = :bidId', { bidId }).getOne();
    return this.checked(row ? [row] : [], reader, now, grants)[0] ?? null;
  }

  async findReadableBids(filter: BidFilter, reader: Actor, now: Date): Promise<readonly BidView[]> {
    const grants = await this.evaluatorGrants(reader);
    const query = this.readable(reader, now, grants).orderBy('bid.submittedAt', 'ASC').addOrderBy('bid.bidId', 'ASC');
    if (filter.tenderId) query.andWhere('bid.tenderId = :tenderId', { tenderId: filter.tenderId });
    if (filter.lotId) query.andWhere('bid.lotId = :lotId', { lotId: filter.lotId });
    return this.checked(await query.getMany(), reader, now, grants);
  }

  /** Tenders this reader evaluates and has declared their interests for: no declaration, no access. */
  private async evaluatorGrants(reader: Actor): Promise<EvaluatorGrant[]> {
    if (reader.role !== 'commissioner') return [];
    const rows = await this.dataSource.getRepository(EvaluatorRow).findBy({ evaluatorUserId: reader.userId });
    return rows.flatMap((row) =>
      row.declaredAt === null || row.conflictedOrganisationIdsJson === null
        ? []
        : [{ tenderId: row.tenderId, conflictedOrganisationIds: JSON.parse(row.conflictedOrganisationIdsJson) as string[] }],
    );
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }

  private readable(reader: Actor, now: Date, grants: readonly EvaluatorGrant[]): SelectQueryBuilder<BidRow> {
    const nowIso = now.toISOString();
    const organisationId = reader.organisationId ?? '';
    return this.dataSource
      .getRepository(BidRow)
      .createQueryBuilder('bid')
      .leftJoinAndMapOne('bid.competition', CompetitionDeadlineRow, 'competition', 'competition.tenderId = bid.tenderId')
      .where(
        new Brackets((visible) => {
          visible.where('bid.organisationId = :organisationId', { organisationId });
          if (reader.role === 'auditor') {
            visible.orWhere('COALESCE(competition.submissionDeadline, bid.submissionDeadline) <= :now', { now: nowIso });
          } else if (reader.role === 'commissioner') {
            visible.orWhere(
              new Brackets((commissioner) => {
                commissioner
                  .where('COALESCE(competition.submissionDeadline, bid.submissionDeadline) <= :now', { now: nowIso })
                  .andWhere('bid.commissionerOrganisationId = :organisationId', { organisationId })
                  .andWhere("bid.status <> 'withdrawn'");
                // A declared conflict removes an officer of the commissioning council from that bid too.
                grants.forEach((grant, index) => {
                  if (grant.conflictedOrganisationIds.length === 0) return;
                  commissioner.andWhere(
                    new Brackets((conflict) =>
                      conflict
                        .where(`bid.tenderId <> :conflictTender${index}`, { [`conflictTender${index}`]: grant.tenderId })
                        .orWhere(`bid.organisationId NOT IN (:...conflictOrganisations${index})`, { [`conflictOrganisations${index}`]: grant.conflictedOrganisationIds }),
                    ),
                  );
                });
              }),
            );
            grants.forEach((grant, index) =>
              visible.orWhere(
                new Brackets((evaluator) => {
                  evaluator
                    .where(`bid.tenderId = :grantTender${index}`, { [`grantTender${index}`]: grant.tenderId })
                    .andWhere('COALESCE(competition.submissionDeadline, bid.submissionDeadline) <= :now', { now: nowIso })
                    .andWhere("bid.status <> 'withdrawn'");
                  if (grant.conflictedOrganisationIds.length > 0) {
                    evaluator.andWhere(`bid.organisationId NOT IN (:...grantConflicts${index})`, { [`grantConflicts${index}`]: grant.conflictedOrganisationIds });
                  }
                }),
              ),
            );
          }
        }),
      );
  }

  private checked(rows: readonly BidRowWithDeadline[], reader: Actor, now: Date, grants: readonly EvaluatorGrant[]): BidView[] {
    return rows.map(toView).filter((view) => canReadBid(asBidState(view), reader, now, grants));
  }
}
