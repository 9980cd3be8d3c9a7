import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainRuleBroken } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { TenderStatus } from '@tendril/tender/domain';
import { type AuditEntryView, type ClarificationView, type LotEvaluationView, type TenderListFilter, type TenderPage, TenderReadModel, type TenderView } from './tender-read-model.port';

export class GetTenderQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor | null = null,
  ) {}
}

/** A draft is its council's working paper: its commissioners, auditors and admins see it; nobody else learns it exists. */
export const maySeeTender = (tender: Pick<TenderView, 'organisationId' | 'publishedAt'>, reader: Actor | null): boolean =>
  tender.publishedAt !== null ||
  (reader !== null && (reader.role === 'auditor' || reader.role === 'admin' || (reader.role === 'commissioner' && reader.organisationId === tender.organisationId)));

export class ListTendersQuery {
  constructor(readonly filter: TenderListFilter) {}
}

export class TenderHistoryQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

export class TenderClarificationsQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(TenderClarificationsQuery)
export class TenderClarificationsHandler implements IQueryHandler<TenderClarificationsQuery, readonly ClarificationView[]> {
  constructor(private readonly readModel: TenderReadModel) {}
  execute({ tenderId, reader }: TenderClarificationsQuery) {
    return this.readModel.clarifications(tenderId, reader);
  }
}

@QueryHandler(GetTenderQuery)
export class GetTenderHandler implements IQueryHandler<GetTenderQuery, TenderView | null> {
  constructor(private readonly readModel: TenderReadModel) {}
  async execute({ tenderId, reader }: GetTenderQuery) {
    const tender = await this.readModel.findTender(tenderId);
    return tender && maySeeTender(tender, reader) ? tender : null;
  }
}

@QueryHandler(ListTendersQuery)
export class ListTendersHandler implements IQueryHandler<ListTendersQuery, TenderPage> {
  constructor(private readonly readModel: TenderReadModel) {}
  execute({ filter }: ListTendersQuery) {
    return this.readModel.listTenders(filter);
  }
}

/**
 * The ordered history of a tender, across contexts, for auditors and the tender's own commissioners.
 * Bidding events only enter the trail once bids are opened, so it never reveals who bid before the deadline.
 */
@QueryHandler(TenderHistoryQuery)
export class TenderHistoryHandler implements IQueryHandler<TenderHistoryQuery, readonly AuditEntryView[]> {
  constructor(private readonly readModel: TenderReadModel) {}

  async execute({ tenderId, reader }: TenderHistoryQuery) {
    const tender = await this.readModel.findTender(tenderId);
    if (!tender) throw new DomainRuleBroken('TENDER_NOT_FOUND', `No tender ${tenderId} exists`, { tenderId });
    const isOwnCommissioner = reader.role === 'commissioner' && reader.organisationId === tender.organisationId;
    if (reader.role !== 'auditor' && reader.role !== 'admin' && !isOwnCommissioner) {
      throw new DomainRuleBroken(
        'NOT_ALLOWED_TO_READ_TENDER_HISTORY',
        "Only auditors and the tender's own commissioners may read its history",
      );
    }
    return this.readModel.history(tenderId);
  }
}

export class GetLotEvaluationQuery {
  constructor(
    readonly tenderId: string,
    readonly lotId: string,
    readonly reader: Actor,
  ) {}
}

/** A lot's ranked evaluation: scores of every compliant bid, so only the tender's commissioners and overseers read it. */
@QueryHandler(GetLotEvaluationQuery)
export class GetLotEvaluationHandler implements IQueryHandler<GetLotEvaluationQuery, LotEvaluationView | null> {
  constructor(private readonly readModel: TenderReadModel) {}

  async execute({ tenderId, lotId, reader }: GetLotEvaluationQuery) {
    const tender = await this.readModel.findTender(tenderId);
    if (!tender) throw new DomainRuleBroken('TENDER_NOT_FOUND', `No tender ${tenderId} exists`, { tenderId });
    const isOwnCommissioner = reader.role === 'commissioner' && reader.organisationId === tender.organisationId;
    if (reader.role !== 'auditor' && reader.role !== 'admin' && !isOwnCommissioner) {
      throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_EVALUATION', "Only the tender's commissioners and auditors read its evaluation");
    }
    return this.readModel.findLotEvaluation(tenderId, lotId);
  }
}

export const TENDER_QUERY_HANDLERS = [GetTenderHandler, ListTendersHandler, TenderHistoryHandler, TenderClarificationsHandler, GetLotEvaluationHandler];

export type { TenderStatus };
