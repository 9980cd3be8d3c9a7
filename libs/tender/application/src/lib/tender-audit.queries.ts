import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type AuditTrailEntry, auditTrailEntryOf, DomainRuleBroken, foldStreamUntil, readStreamIfExists } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { tenderDecider, tenderStreamName } from '@tendril/tender/domain';
import { TenderReadModel } from './tender-read-model.port';

/** The tender as it stood at an instant, folded from its own stream with the tender decider's `evolve`. */
export interface TenderAsOfView {
  readonly tenderId: string;
  readonly asOf: string;
  /** False when the tender had not been published yet at that instant. */
  readonly existed: boolean;
  readonly status: string | null;
  readonly organisationId: string | null;
  readonly title: string | null;
  readonly category: string | null;
  readonly submissionDeadline: string | null;
  readonly lots: readonly {
    readonly lotId: string;
    readonly title: string;
    readonly estimatedValuePence: number;
    readonly award: { readonly bidId: string; readonly supplierOrganisationId: string; readonly valuePence: number; readonly awardedAt: string } | null;
  }[];
  readonly criteria: readonly { readonly criterionId: string; readonly name: string; readonly kind: string; readonly weightPercent: number }[];
  readonly documentHashes: readonly { readonly documentId: string; readonly contentHash: string }[];
  readonly clarificationsAsked: number;
  readonly clarificationsAnswered: number;
  readonly eventsApplied: number;
  readonly lastEventType: string | null;
  readonly lastEventAt: string | null;
}

export class TenderAsOfQuery {
  constructor(
    readonly tenderId: string,
    readonly asOf: Date,
    readonly reader: Actor,
  ) {}
}

/** The tender's own recorded events, each with who, when, why and on what evidence. */
export class TenderTrailQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

/** Auditors, admins and the tender's own commissioners read its past; the tender must exist now. */
const assertMayReadPast = async (readModel: TenderReadModel, tenderId: string, reader: Actor): Promise<void> => {
  const tender = await readModel.findTender(tenderId);
  if (!tender) throw new DomainRuleBroken('TENDER_NOT_FOUND', `No tender ${tenderId} exists`, { tenderId });
  const isOwnCommissioner = reader.role === 'commissioner' && reader.organisationId === tender.organisationId;
  if (reader.role !== 'auditor' && reader.role !== 'admin' && !isOwnCommissioner) {
    throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_TENDER_HISTORY', "Only auditors and the tender's own commissioners may read its history");
  }
};

@QueryHandler(TenderAsOfQuery)
export class TenderAsOfHandler implements IQueryHandler<TenderAsOfQuery, TenderAsOfView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: TenderReadModel,
  ) {}

  async execute({ tenderId, asOf, reader }: TenderAsOfQuery): Promise<TenderAsOfView> {
    await assertMayReadPast(this.readModel, tenderId, reader);
    const { state, eventsApplied, lastEvent } = await foldStreamUntil(this.store, tenderStreamName(tenderId), tenderDecider, asOf);
    const base = { tenderId, asOf: asOf.toISOString(), eventsApplied, lastEventType: lastEvent?.type ?? null, lastEventAt: lastEvent?.occurredAt ?? null };
    if (state.status === 'none') {
      return { ...base, existed: false, status: null, organisationId: null, title: null, category: null, submissionDeadline: null, lots: [], criteria: [], documentHashes: [], clarificationsAsked: 0, clarificationsAnswered: 0 };
    }
    if (!state.published) {
      // A draft (or a discarded one): what it said at the time, before any competition.
      const { content } = state;
      return {
        ...base,
        existed: true,
        status: state.status,
        organisationId: state.organisationId,
        title: content.title,
        category: content.category,
        submissionDeadline: content.submissionDeadline,
        lots: content.lots.map((lot) => ({ lotId: lot.lotId, title: lot.title, estimatedValuePence: lot.estimatedValuePence, award: null })),
        criteria: content.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
        documentHashes: content.documents.map(({ documentId, contentHash }) => ({ documentId, contentHash })),
        clarificationsAsked: 0,
        clarificationsAnswered: 0,
      };
    }
    const clarifications = Object.values(state.clarifications);
    return {
      ...base,
      existed: true,
      status: state.status,
      organisationId: state.organisationId,
      title: state.title,
      category: state.category,
      submissionDeadline: state.submissionDeadline,
      lots: state.lots.map((lot) => ({
        lotId: lot.lotId,
        title: lot.title,
        estimatedValuePence: lot.estimatedValuePence,
        award: lot.award ? { bidId: lot.award.bidId, supplierOrganisationId: lot.award.supplierOrganisationId, valuePence: lot.award.valuePence, awardedAt: lot.award.awardedAt } : null,
      })),
      criteria: state.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
      documentHashes: Object.entries(state.documents).map(([documentId, contentHash]) => ({ documentId, contentHash })),
      clarificationsAsked: clarifications.length,
      clarificationsAnswered: clarifications.filter((c) => c.answered).length,
    };
  }
}

@QueryHandler(TenderTrailQuery)
export class TenderTrailHandler implements IQueryHandler<TenderTrailQuery, readonly AuditTrailEntry[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: TenderReadModel,
  ) {}

  async execute({ tenderId, reader }: TenderTrailQuery): Promise<readonly AuditTrailEntry[]> {
    await assertMayReadPast(this.readModel, tenderId, reader);
    const entries: AuditTrailEntry[] = [];
    for await (const event of readStreamIfExists(this.store, tenderStreamName(tenderId))) entries.push(auditTrailEntryOf(event));
    return entries;
  }
}

export const TENDER_AUDIT_QUERY_HANDLERS = [TenderAsOfHandler, TenderTrailHandler];
