import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { AuditTrailEntry } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toAuditTrailFields } from '@tendril/shared/platform';
import { TenderAsOfQuery, type TenderAsOfView, TenderTrailQuery } from '@tendril/tender/application';
import { TenderAsOfModel, TenderTrailEntryModel } from './tender-audit.models';

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

const toModel = (view: TenderAsOfView): TenderAsOfModel => ({
  ...view,
  asOf: new Date(view.asOf),
  submissionDeadline: date(view.submissionDeadline),
  lastEventAt: date(view.lastEventAt),
  lots: view.lots.map((lot) => ({ ...lot, award: lot.award ? { ...lot.award, awardedAt: new Date(lot.award.awardedAt) } : null })),
  criteria: view.criteria.map((criterion) => ({ ...criterion })),
  documents: view.documentHashes.map((document) => ({ ...document })),
});

/** Time travel over a tender's own stream, for auditors, admins and its commissioners. */
@Resolver()
export class TenderAuditResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => TenderAsOfModel, { description: 'The tender as it stood at an instant (e.g. before its award), recomputed from its events' })
  @Roles('auditor', 'admin', 'commissioner')
  async tenderAsOf(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('asOf', { type: () => GraphQLISODateTime }) asOf: Date,
    @CurrentActor() actor: Actor,
  ): Promise<TenderAsOfModel> {
    return toModel(await this.queries.execute<TenderAsOfQuery, TenderAsOfView>(new TenderAsOfQuery(tenderId, asOf, actor)));
  }

  @Query(() => [TenderTrailEntryModel], { description: "Every event of the tender's own stream, oldest first, with actor, reason and evidence" })
  @Roles('auditor', 'admin', 'commissioner')
  async tenderTrail(@Args('tenderId', { type: () => ID }) tenderId: string, @CurrentActor() actor: Actor): Promise<TenderTrailEntryModel[]> {
    const entries = await this.queries.execute<TenderTrailQuery, readonly AuditTrailEntry[]>(new TenderTrailQuery(tenderId, actor));
    return entries.map(toAuditTrailFields);
  }
}
