import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluatorReadModel, type EvaluatorView } from '@tendril/bidding/application';
import type { Actor } from '@tendril/shared/event-store';
import { DataSource } from 'typeorm';
import { EvaluatorRow } from './evaluator-read-model.entities';
import { BID_PROJECTION_PROGRESS, type BidProjectionProgress } from './sealed-bid-read-model';

export const toEvaluatorView = (row: EvaluatorRow): EvaluatorView => ({
  evaluatorUserId: row.evaluatorUserId,
  displayName: row.displayName,
  assignedAt: row.assignedAt,
  declaredAt: row.declaredAt,
  conflictedOrganisationIds: row.conflictedOrganisationIdsJson === null ? null : (JSON.parse(row.conflictedOrganisationIdsJson) as string[]),
  statement: row.statement,
});

const mayReadAll = (reader: Actor, row: EvaluatorRow): boolean =>
  reader.role === 'auditor' || (reader.role === 'commissioner' && reader.organisationId === row.commissionerOrganisationId);

@Injectable()
export class VisibleEvaluatorReadModel extends EvaluatorReadModel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_PROJECTION_PROGRESS) private readonly progress: BidProjectionProgress,
  ) {
    super();
  }

  async findEvaluators(tenderId: string, reader: Actor): Promise<readonly EvaluatorView[]> {
    const rows = await this.dataSource.getRepository(EvaluatorRow).find({ where: { tenderId }, order: { assignedAt: 'ASC', evaluatorUserId: 'ASC' } });
    return rows.filter((row) => mayReadAll(reader, row) || row.evaluatorUserId === reader.userId).map(toEvaluatorView);
  }

  waitForPosition(position: number): Promise<void> {
    return this.progress.waitForPosition(position);
  }
}
