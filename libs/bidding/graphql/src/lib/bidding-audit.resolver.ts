import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, ID, Query, Resolver } from '@nestjs/graphql';
import {
  BidAsOfQuery,
  type BidAsOfView,
  BidTrailQuery,
  AwardExplanationQuery,
  type AwardExplanationView,
} from '@tendril/bidding/application';
import { CurrentActor, Roles } from '@tendril/shared/auth';
import type { AuditTrailEntry } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toAuditTrailFields } from '@tendril/shared/platform';
import { AwardExplanationModel, BidAsOfModel, BidTrailEntryModel, type ExplainedRankedBidModel } from './bidding-audit.models';

const actorFields = (actor: Actor) => ({ actorUserId: actor.userId, actorRole: actor.role, actorOrganisationId: actor.organisationId });

const toRanking = (ranking: AwardExplanationView['recordedRanking']): ExplainedRankedBidModel[] =>
  ranking.map((bid) => ({ ...bid, scores: bid.scores.map((score) => ({ ...score })) }));

const toBidAsOfModel = (view: BidAsOfView): BidAsOfModel => ({
  bidId: view.bidId,
  asOf: new Date(view.asOf),
  existed: view.existed,
  eventsApplied: view.eventsApplied,
  lastEventType: view.lastEventType,
  lastEventAt: view.lastEventAt === null ? null : new Date(view.lastEventAt),
  bid: view.bid
    ? {
        status: view.bid.status,
        tenderId: view.bid.tenderId,
        lotId: view.bid.lotId,
        organisationId: view.bid.organisationId,
        pricePence: view.bid.pricePence,
        qualityAnswers: view.bid.qualityAnswers.map((answer) => ({ ...answer })),
        socialValueCommitments: view.bid.socialValueCommitments,
        subcontractors: view.bid.subcontractors.map((subcontractor) => ({ ...subcontractor })),
        consortium: view.bid.consortium ? { leadOrganisationId: view.bid.consortium.leadOrganisationId, members: view.bid.consortium.members.map((m) => ({ ...m })) } : null,
        submissionDeadline: new Date(view.bid.submissionDeadline),
        submittedAt: new Date(view.bid.submittedAt),
        amendedAt: view.bid.amendedAt === null ? null : new Date(view.bid.amendedAt),
      }
    : null,
});

const toExplanationModel = (view: AwardExplanationView): AwardExplanationModel => ({
  tenderId: view.tenderId,
  lotId: view.lotId,
  weights: view.criteria.map((criterion) => ({ ...criterion })),
  priceFormula: view.priceFormula,
  tieBreakRule: view.tieBreakRule,
  evaluationScaleMax: view.evaluationScaleMax,
  panelScaleMax: view.panelScaleMax,
  bids: view.bids.map((bid) => ({ ...bid, submittedAt: new Date(bid.submittedAt) })),
  individualScores: view.individualScores.map(({ actor, scoredAt, tenderId: _tenderId, ...score }) => ({ ...score, ...actorFields(actor), scoredAt: new Date(scoredAt) })),
  moderatedScores: view.moderatedScores.map(({ actor, moderatedAt, individualMarks, tenderId: _tenderId, ...score }) => ({
    ...score,
    ...actorFields(actor),
    individualMarks: individualMarks.map((mark) => ({ ...mark })),
    moderatedAt: new Date(moderatedAt),
  })),
  panelScores: view.panelScores.map(({ bidId, panelMemberId, ageBand, mark, scaleMax, scoredAt }) => ({ bidId, panelMemberId, ageBand, mark, scaleMax, scoredAt: new Date(scoredAt) })),
  evaluationCompleted: {
    ...actorFields(view.evaluationCompleted.actor),
    completedAt: new Date(view.evaluationCompleted.completedAt),
    evidenceRefs: [...view.evaluationCompleted.evidenceRefs],
    position: String(view.evaluationCompleted.position),
  },
  recordedRanking: toRanking(view.recordedRanking),
  recomputedRanking: toRanking(view.recomputedRanking),
  award: view.award
    ? {
        ...actorFields(view.award.actor),
        bidId: view.award.bidId,
        supplierOrganisationId: view.award.supplierOrganisationId,
        valuePence: view.award.valuePence,
        awardedAt: new Date(view.award.awardedAt),
        position: String(view.award.position),
      }
    : null,
  matchesRecordedDecision: view.matchesRecordedDecision,
  differences: view.differences.map((difference) => ({ ...difference })),
});

/** Auditors' replay of bids (after the deadline only) and explanations of awards, from the bidding events. */
@Resolver()
export class BiddingAuditResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => BidAsOfModel, { description: 'A bid as it stood at an instant, from its events; sealed until the deadline from all but its bidder, auditors included' })
  @Roles('auditor', 'commissioner', 'provider', 'prime')
  async bidAsOf(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('asOf', { type: () => GraphQLISODateTime }) asOf: Date,
    @CurrentActor() actor: Actor,
  ): Promise<BidAsOfModel> {
    return toBidAsOfModel(await this.queries.execute<BidAsOfQuery, BidAsOfView>(new BidAsOfQuery(bidId, asOf, actor)));
  }

  @Query(() => [BidTrailEntryModel], { description: "Every event of a bid's stream, oldest first, with actor, reason and evidence; sealed like the bid" })
  @Roles('auditor', 'commissioner', 'provider', 'prime')
  async bidTrail(@Args('bidId', { type: () => ID }) bidId: string, @CurrentActor() actor: Actor): Promise<BidTrailEntryModel[]> {
    const entries = await this.queries.execute<BidTrailQuery, readonly AuditTrailEntry[]>(new BidTrailQuery(bidId, actor));
    return entries.map(toAuditTrailFields);
  }

  @Query(() => AwardExplanationModel, {
    description: "Why a lot was awarded: the evaluation recomputed from its events with the domain's rules and checked against the recorded ranking and the final award",
  })
  @Roles('auditor', 'admin', 'commissioner')
  async awardExplanation(
    @Args('tenderId', { type: () => ID }) tenderId: string,
    @Args('lotId', { type: () => ID }) lotId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AwardExplanationModel> {
    return toExplanationModel(await this.queries.execute<AwardExplanationQuery, AwardExplanationView>(new AwardExplanationQuery(tenderId, lotId, actor)));
  }
}
