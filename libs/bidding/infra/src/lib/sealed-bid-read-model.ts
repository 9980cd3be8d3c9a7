import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BidFilter, BidReadModel, type BidView } from '@tendril/bidding/application';
import { type BidState, type BidStatus, canReadBid, type Consortium, type ProposedSubcontractor, type QualityAnswer } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { BidRow } from './bid-read-model.entities';

export const BID_PROJECTION_PROGRESS = Symbol.for('tendril.bidding.ProjectionProgress');
export interface BidProjectionProgress {
  waitForPosition(position: number): Promise<void>;
}

const toView = ({ qualityAnswersJson, subcontractorsJson, consortiumJson, ...row }: BidRow): BidView => ({
  ...row,
  status: row.status as BidStatus,
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
    const row = await this.readable(reader, now).andWhere('bid.bidId = :bidId', { bidId }).getOne();
    return this.checked(row ? [row] : [], reader, now)[0] ?? null;
  }

  async findReadableBids(filter: BidFilter, reader: Actor, now: Date): Promise<readonly BidView[]> {
    const query = this.readable(reader, now).orderBy('bid.submittedAt', 'ASC').addOrderBy('bid.bidId', 'ASC');
    if (filter.tenderId) query.andWhere('bid.tenderId = :tenderId', { tenderId: filter.tenderId });
    if (filter.lotId) query.andWhere('bid.lotId = :lotId', { lotId: filter.lotId });
    return this.checked(await query.getMany(), reader, now);
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }

  private readable(reader: Actor, now: Date): SelectQueryBuilder<BidRow> {
    const nowIso = now.toISOString();
    const organisationId = reader.organisationId ?? '';
    return this.dataSource
      .getRepository(BidRow)
      .createQueryBuilder('bid')
      .where(
        new Brackets((visible) => {
          visible.where('bid.organisationId = :organisationId', { organisationId });
          if (reader.role === 'auditor') {
            visible.orWhere('bid.submissionDeadline <= :now', { now: nowIso });
          } else if (reader.role === 'commissioner') {
            visible.orWhere(
              new Brackets((commissioner) =>
                commissioner
                  .where('bid.submissionDeadline <= :now', { now: nowIso })
                  .andWhere('bid.commissionerOrganisationId = :organisationId', { organisationId })
                  .andWhere("bid.status <> 'withdrawn'"),
              ),
            );
          }
        }),
      );
  }

  private checked(rows: readonly BidRow[], reader: Actor, now: Date): BidView[] {
    return rows.map(toView).filter((view) => canReadBid(asBidState(view), reader, now));
  }
}
