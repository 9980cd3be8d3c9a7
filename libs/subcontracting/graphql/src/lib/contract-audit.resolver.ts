import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { AuditTrailEntry } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toAuditTrailFields } from '@tendril/shared/platform';
import {
  ContractAsOfQuery,
  type ContractAsOfView,
  ContractTrailQuery,
  DecommissioningExplanationQuery,
  type DecommissioningExplanationView,
  type RecordedBy,
} from '@tendril/subcontracting/application';
import { ContractAsOfModel, ContractTrailEntryModel, DecommissioningExplanationModel } from './contract-audit.models';

const recordedBy = ({ actor, at }: RecordedBy) => ({ actorUserId: actor.userId, actorRole: actor.role, actorOrganisationId: actor.organisationId, at: new Date(at) });

const toExplanationModel = (view: DecommissioningExplanationView): DecommissioningExplanationModel => ({
  contractId: view.contractId,
  primeOrganisationId: view.primeOrganisationId,
  commissionerOrganisationId: view.commissionerOrganisationId,
  cases: view.cases.map((c) => ({
    caseId: c.caseId,
    opened: { ...recordedBy(c.opened), reason: c.opened.reason, evidenceRefs: [...c.opened.evidenceRefs] },
    response: c.response ? { ...recordedBy(c.response), response: c.response.response, evidenceRefs: [...c.response.evidenceRefs] } : null,
    decision: c.decision
      ? c.decision.outcome === 'decommissioned'
        ? {
            ...recordedBy(c.decision),
            outcome: c.decision.outcome,
            rationale: c.decision.rationale,
            evidenceRefs: [...c.decision.evidenceRefs],
            noticePeriodDays: c.decision.noticePeriodDays,
            endDate: c.decision.endDate,
            previousEndDate: c.decision.previousEndDate,
            reviewDate: null,
            transition: c.decision.transition.map((t) => ({
              subcontractId: t.subcontractId,
              subcontractorOrganisationId: t.subcontractorOrganisationId,
              outcome: t.outcome,
              toContractId: t.outcome === 'moves-to-prime' ? t.toContractId : null,
              toPrimeOrganisationId: t.outcome === 'moves-to-prime' ? t.toPrimeOrganisationId : null,
            })),
          }
        : {
            ...recordedBy(c.decision),
            outcome: c.decision.outcome,
            rationale: c.decision.rationale,
            evidenceRefs: [],
            noticePeriodDays: null,
            endDate: null,
            previousEndDate: null,
            reviewDate: c.decision.reviewDate,
            transition: [],
          }
      : null,
    evidence: c.evidence.map((e) => ({
      ref: e.ref,
      kind: e.kind,
      returns: e.returns.map(({ returnId, period, organisationId, tier, youngPeopleReached, hoursDelivered, spendPence }) => ({
        returnId, period, organisationId, tier, youngPeopleReached, hoursDelivered, spendPence,
      })),
      rating: e.rating ? { period: e.rating.period, rating: e.rating.rating, rationale: e.rating.rationale, evidenceRefs: [...e.rating.evidenceRefs] } : null,
    })),
    valueForMoney: { ...c.valueForMoney, periods: [...c.valueForMoney.periods] },
  })),
});

/** Time travel over a contract's supply chain and the explanation of its decommissioning decisions. */
@Resolver()
export class ContractAuditResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => ContractAsOfModel, { description: 'A contract and its subcontractor chain (who, values, tiers) as they stood at an instant, from its events' })
  @Roles('auditor', 'admin', 'commissioner')
  async contractAsOf(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('asOf', { type: () => GraphQLISODateTime }) asOf: Date,
    @CurrentActor() actor: Actor,
  ): Promise<ContractAsOfModel> {
    const view = await this.queries.execute<ContractAsOfQuery, ContractAsOfView>(new ContractAsOfQuery(contractId, asOf, actor));
    return {
      ...view,
      asOf: new Date(view.asOf),
      lastEventAt: view.lastEventAt === null ? null : new Date(view.lastEventAt),
      subcontracts: view.subcontracts.map((s) => ({ ...s })),
      ratings: view.ratings.map((r) => ({ ...r })),
    };
  }

  @Query(() => [ContractTrailEntryModel], { description: "Every event of a contract and its chain, oldest first, with actor, reason and evidence" })
  @Roles('auditor', 'admin', 'commissioner')
  async contractTrail(@Args('contractId', { type: () => ID }) contractId: string, @CurrentActor() actor: Actor): Promise<ContractTrailEntryModel[]> {
    const entries = await this.queries.execute<ContractTrailQuery, readonly AuditTrailEntry[]>(new ContractTrailQuery(contractId, actor));
    return entries.map(toAuditTrailFields);
  }

  @Query(() => DecommissioningExplanationModel, { description: "Each decommissioning case of a contract: evidence, the prime's response, the decision, who made it and why, the transition plan" })
  @Roles('auditor', 'admin', 'commissioner')
  async decommissioningExplanation(@Args('contractId', { type: () => ID }) contractId: string, @CurrentActor() actor: Actor): Promise<DecommissioningExplanationModel> {
    return toExplanationModel(await this.queries.execute<DecommissioningExplanationQuery, DecommissioningExplanationView>(new DecommissioningExplanationQuery(contractId, actor)));
  }
}
