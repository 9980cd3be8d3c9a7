import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import {
  type CommissioningPlanPage,
  CommissioningPlanReadModel,
  type CommissioningPlanView,
  type ProviderNoticeView,
} from './commissioning-plan-read-model.port';

export class GetCommissioningPlanQuery {
  constructor(
    readonly planId: string,
    readonly reader: Actor,
  ) {}
}

export class ListCommissioningPlansQuery {
  constructor(
    readonly reader: Actor,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

export class OpenEngagementNoticesQuery {
  constructor(readonly reader: Actor) {}
}

@QueryHandler(GetCommissioningPlanQuery)
export class GetCommissioningPlanHandler implements IQueryHandler<GetCommissioningPlanQuery, CommissioningPlanView | null> {
  constructor(private readonly readModel: CommissioningPlanReadModel) {}
  execute({ planId, reader }: GetCommissioningPlanQuery) {
    return this.readModel.findPlan(planId, reader);
  }
}

@QueryHandler(ListCommissioningPlansQuery)
export class ListCommissioningPlansHandler implements IQueryHandler<ListCommissioningPlansQuery, CommissioningPlanPage> {
  constructor(private readonly readModel: CommissioningPlanReadModel) {}
  execute({ reader, first, after }: ListCommissioningPlansQuery) {
    return this.readModel.listPlans(reader, first, after);
  }
}

/** Notices still open today by the service clock, so "open" agrees with the rule that refuses late interest. */
@QueryHandler(OpenEngagementNoticesQuery)
export class OpenEngagementNoticesHandler implements IQueryHandler<OpenEngagementNoticesQuery, readonly ProviderNoticeView[]> {
  constructor(
    private readonly readModel: CommissioningPlanReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ reader }: OpenEngagementNoticesQuery) {
    return this.readModel.openNotices(reader, this.clock.now().toISOString().slice(0, 10));
  }
}

export const COMMISSIONING_PLAN_QUERY_HANDLERS = [GetCommissioningPlanHandler, ListCommissioningPlansHandler, OpenEngagementNoticesHandler];
