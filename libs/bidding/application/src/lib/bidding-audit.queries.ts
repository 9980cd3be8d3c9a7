import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  bidDecider,
  bidStreamName,
  type BidState,
  canReadBid,
  type CompleteLotEvaluation,
  competitionDecider,
  competitionStreamName,
  type CriterionScored,
  EVALUATION_SCALE,
  type EvaluatorEvent,
  evaluatorsDecider,
  type EvaluatorsState,
  evaluatorsStreamName,
  isBidSealed,
  type LotBidFacts,
  type LotEvaluationCompleted,
  PANEL_SCALE,
  panelDecider,
  type PanelScoreRecorded,
  panelScoreOf,
  panelStreamName,
  type RankedBid,
  type ScoreModerated,
} from '@tendril/bidding/domain';
import { type AuditTrailEntry, auditTrailEntryOf, CLOCK, type Clock, DomainRuleBroken, foldStreamUntil, readStreamIfExists } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { LOT_AWARDED_V1, type LotAwardedV1Data, tenderIntegrationStreamName } from '@tendril/tender/contracts';

// ---- A bid's past: after the deadline only, sealed before it from everyone but its bidder ----

export class BidAsOfQuery {
  constructor(
    readonly bidId: string,
    readonly asOf: Date,
    readonly reader: Actor,
  ) {}
}

export class BidTrailQuery {
  constructor(
    readonly bidId: string,
    readonly reader: Actor,
  ) {}
}

export interface BidAsOfView {
  readonly bidId: string;
  readonly asOf: string;
  /** False when the bid had not been submitted yet at that instant. */
  readonly existed: boolean;
  readonly bid: Exclude<BidState, { status: 'none' }> | null;
  readonly eventsApplied: number;
  readonly lastEventType: string | null;
  readonly lastEventAt: string | null;
}

/** The sealing rule of the bidding domain (`canReadBid`), applied to the bid as it is now. Not found and sealed look alike. */
const assertMayReadBid = async (store: EventStore, bidId: string, reader: Actor, now: Date): Promise<void> => {
  const { state } = await foldStreamUntil(store, bidStreamName(bidId), bidDecider, now);
  if (!canReadBid(state, reader, now)) {
    const sealed = isBidSealed(state, now);
    throw new DomainRuleBroken('BID_NOT_FOUND', sealed ? `No bid ${bidId} that you may read: bids stay sealed until the submission deadline` : `No bid ${bidId} that you may read`, { bidId });
  }
};

@QueryHandler(BidAsOfQuery)
export class BidAsOfHandler implements IQueryHandler<BidAsOfQuery, BidAsOfView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ bidId, asOf, reader }: BidAsOfQuery): Promise<BidAsOfView> {
    await assertMayReadBid(this.store, bidId, reader, this.clock.now());
    const { state, eventsApplied, lastEvent } = await foldStreamUntil(this.store, bidStreamName(bidId), bidDecider, asOf);
    return {
      bidId,
      asOf: asOf.toISOString(),
      existed: state.status !== 'none',
      bid: state.status === 'none' ? null : state,
      eventsApplied,
      lastEventType: lastEvent?.type ?? null,
      lastEventAt: lastEvent?.occurredAt ?? null,
    };
  }
}

@QueryHandler(BidTrailQuery)
export class BidTrailHandler implements IQueryHandler<BidTrailQuery, readonly AuditTrailEntry[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ bidId, reader }: BidTrailQuery): Promise<readonly AuditTrailEntry[]> {
    await assertMayReadBid(this.store, bidId, reader, this.clock.now());
    const entries: AuditTrailEntry[] = [];
    for await (const event of readStreamIfExists(this.store, bidStreamName(bidId))) entries.push(auditTrailEntryOf(event));
    return entries;
  }
}

/** Names the reader in the event catalogue and in the correlation id of its recomputation. */
export const AWARD_EXPLANATION_READER = 'award-explanation';

// ---- Why a lot was awarded: the evaluation recomputed from its events with the domain's own rules ----

export class AwardExplanationQuery {
  constructor(
    readonly tenderId: string,
    readonly lotId: string,
    readonly reader: Actor,
  ) {}
}

export interface ExplainedBid extends LotBidFacts {
  /** False for a bid the ranking left out: found non-compliant, or not a finalist the youth panel scored. */
  readonly ranked: boolean;
  readonly status: string;
  readonly panelScore: number | null;
}

export interface ExplanationDifference {
  readonly what: string;
  readonly recorded: string;
  readonly recomputed: string;
}

export interface AwardExplanationView {
  readonly tenderId: string;
  readonly lotId: string;
  readonly criteria: readonly { readonly criterionId: string; readonly kind: string; readonly weightPercent: number }[];
  readonly priceFormula: string;
  readonly tieBreakRule: string;
  readonly evaluationScaleMax: number;
  readonly panelScaleMax: number;
  readonly bids: readonly ExplainedBid[];
  readonly individualScores: readonly (CriterionScored['data'] & { readonly actor: Actor })[];
  readonly moderatedScores: readonly (ScoreModerated['data'] & { readonly actor: Actor })[];
  readonly panelScores: readonly PanelScoreRecorded['data'][];
  readonly evaluationCompleted: { readonly actor: Actor; readonly completedAt: string; readonly evidenceRefs: readonly string[]; readonly position: number };
  readonly recordedRanking: readonly RankedBid[];
  readonly recomputedRanking: readonly RankedBid[];
  /** The final award as the tender context published it; null while the lot is not awarded. */
  readonly award: (LotAwardedV1Data & { readonly actor: Actor; readonly position: number }) | null;
  readonly matchesRecordedDecision: boolean;
  readonly differences: readonly ExplanationDifference[];
}

const differencesBetween = (recorded: readonly RankedBid[], recomputed: readonly RankedBid[]): ExplanationDifference[] => {
  const differences: ExplanationDifference[] = [];
  const ranks = Math.max(recorded.length, recomputed.length);
  for (let index = 0; index < ranks; index++) {
    const was = recorded[index];
    const now = recomputed[index];
    const rank = index + 1;
    if (!was || !now || was.bidId !== now.bidId) {
      differences.push({ what: `rank ${rank}`, recorded: was?.bidId ?? '(none)', recomputed: now?.bidId ?? '(none)' });
      continue;
    }
    if (was.totalScore !== now.totalScore) differences.push({ what: `rank ${rank} (${was.bidId}) total score`, recorded: String(was.totalScore), recomputed: String(now.totalScore) });
    if (was.pricePence !== now.pricePence) differences.push({ what: `rank ${rank} (${was.bidId}) price`, recorded: String(was.pricePence), recomputed: String(now.pricePence) });
    for (const score of now.scores) {
      const before = was.scores.find((s) => s.criterionId === score.criterionId);
      if (!before || before.score !== score.score || before.weightedScore !== score.weightedScore) {
        differences.push({
          what: `rank ${rank} (${was.bidId}) criterion ${score.criterionId}`,
          recorded: before ? `${before.score} (weighted ${before.weightedScore})` : '(none)',
          recomputed: `${score.score} (weighted ${score.weightedScore})`,
        });
      }
    }
  }
  return differences;
};

/**
 * Rebuilds what the evaluation knew when it completed (the competition, the panel and the bids folded up
 * to that instant with their deciders; the evaluators' stream up to the completion) and decides the
 * completion again with the bidding domain's own rule, then compares the result with what was recorded
 * and with the tender's final award of the lot.
 */
@QueryHandler(AwardExplanationQuery)
export class AwardExplanationHandler implements IQueryHandler<AwardExplanationQuery, AwardExplanationView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ tenderId, lotId, reader }: AwardExplanationQuery): Promise<AwardExplanationView> {
    if (reader.role !== 'auditor' && reader.role !== 'admin' && reader.role !== 'commissioner') {
      throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_EVALUATION', "Only the tender's commissioners and auditors read its evaluation");
    }
    let folded: EvaluatorsState = evaluatorsDecider.initialState();
    const scoredSoFar: AwardExplanationView['individualScores'][number][] = [];
    const moderatedSoFar: AwardExplanationView['moderatedScores'][number][] = [];
    // The completion that stands is the lot's latest: a withdrawn award reopens the evaluation and it is
    // completed again. Everything is explained as it stood just before that completion.
    let evaluators: EvaluatorsState = folded;
    let individualScores: AwardExplanationView['individualScores'][number][] = [];
    let moderatedScores: AwardExplanationView['moderatedScores'][number][] = [];
    let completion: { event: LotEvaluationCompleted; actor: Actor; position: number } | null = null;
    for await (const recorded of readStreamIfExists(this.store, evaluatorsStreamName(tenderId))) {
      const event = { type: recorded.type, data: recorded.data } as EvaluatorEvent;
      if (event.type === 'LotEvaluationCompleted' && event.data.lotId === lotId) {
        completion = { event, actor: recorded.metadata.actor, position: recorded.position };
        evaluators = folded;
        individualScores = [...scoredSoFar];
        moderatedScores = [...moderatedSoFar];
      }
      if (event.type === 'CriterionScored') scoredSoFar.push({ ...event.data, actor: recorded.metadata.actor });
      if (event.type === 'ScoreModerated') moderatedSoFar.push({ ...event.data, actor: recorded.metadata.actor });
      folded = evaluatorsDecider.evolve(folded, event);
    }
    if (completion === null) {
      throw new DomainRuleBroken('EVALUATION_NOT_COMPLETED', `The evaluation of lot ${lotId} of tender ${tenderId} has not been completed, so there is no decision to explain`, { tenderId, lotId });
    }
    if (reader.role === 'commissioner' && reader.organisationId !== evaluators.commissionerOrganisationId) {
      throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_EVALUATION', "Only the tender's commissioners and auditors read its evaluation");
    }
    const completedAt = new Date(completion.event.data.completedAt);

    const competition = (await foldStreamUntil(this.store, competitionStreamName(tenderId), competitionDecider, completedAt)).state;
    const panelFold = await foldStreamUntil(this.store, panelStreamName(tenderId), panelDecider, completedAt);
    const panelScores: PanelScoreRecorded['data'][] = [];
    for await (const recorded of readStreamIfExists(this.store, panelStreamName(tenderId))) {
      if (recorded.position > completion.position) break;
      if (recorded.type === 'PanelScoreRecorded') panelScores.push(recorded.data as PanelScoreRecorded['data']);
    }
    const criteria = competition.status === 'unknown' ? [] : competition.weightedCriteria;
    const panelled = criteria.some((c) => c.kind === 'youth_panel');
    const entries = competition.status === 'unknown' ? [] : competition.entries.filter((e) => e.status === 'live' && e.lotId === lotId);

    // The same facts the completion handler gathered, read as they stood at the completion.
    const facts: LotBidFacts[] = [];
    const factPanelScores: Record<string, number> = {};
    const bids: ExplainedBid[] = [];
    for (const entry of entries) {
      const bid = (await foldStreamUntil(this.store, bidStreamName(entry.bidId), bidDecider, completedAt)).state;
      if (bid.status === 'none') continue;
      const panelScore = panelScoreOf(panelFold.state, bid.bidId, PANEL_SCALE.max);
      const compliant = bid.status !== 'non_compliant';
      if (compliant) {
        facts.push({ bidId: bid.bidId, organisationId: bid.organisationId, pricePence: bid.pricePence, submittedAt: bid.submittedAt });
        if (panelScore !== null) factPanelScores[bid.bidId] = panelScore;
      }
      bids.push({
        bidId: bid.bidId,
        organisationId: bid.organisationId,
        pricePence: bid.pricePence,
        submittedAt: bid.submittedAt,
        status: bid.status,
        panelScore,
        ranked: compliant && (!panelled || panelScore !== null),
      });
    }

    const recordedRanking = completion.event.data.ranking;
    const differences: ExplanationDifference[] = [];
    let recomputedRanking: readonly RankedBid[] = [];
    const command: CompleteLotEvaluation = {
      type: 'CompleteLotEvaluation',
      data: { tenderId, lotId, facts: { criteria, bids: facts, panelScores: factPanelScores } },
      metadata: { now: completedAt, actor: completion.actor, correlationId: `${AWARD_EXPLANATION_READER}:${tenderId}:${lotId}` },
    };
    try {
      const [decided] = evaluatorsDecider.decide(command, evaluators);
      if (decided?.type === 'LotEvaluationCompleted') recomputedRanking = decided.data.ranking;
    } catch (error) {
      const code = error instanceof DomainRuleBroken ? error.code : 'UNEXPECTED_ERROR';
      differences.push({ what: 'evaluation', recorded: 'completed', recomputed: `refused by the rules today (${code})` });
    }
    differences.push(...differencesBetween(recordedRanking, recomputedRanking));

    let award: AwardExplanationView['award'] = null;
    for await (const recorded of readStreamIfExists(this.store, tenderIntegrationStreamName(tenderId))) {
      if (recorded.type !== LOT_AWARDED_V1) continue;
      const data = recorded.data as LotAwardedV1Data;
      if (data.lotId === lotId) award = { ...data, actor: recorded.metadata.actor, position: recorded.position };
    }
    const winner = recomputedRanking[0];
    if (award !== null && award.bidId !== winner?.bidId) {
      differences.push({ what: 'awarded bid', recorded: award.bidId, recomputed: winner?.bidId ?? '(none)' });
    }

    return {
      tenderId,
      lotId,
      criteria,
      priceFormula: completion.event.data.priceFormula,
      tieBreakRule: completion.event.data.tieBreakRule,
      evaluationScaleMax: EVALUATION_SCALE.max,
      panelScaleMax: PANEL_SCALE.max,
      bids,
      individualScores,
      moderatedScores,
      panelScores,
      evaluationCompleted: { actor: completion.actor, completedAt: completion.event.data.completedAt, evidenceRefs: completion.event.data.evidenceRefs, position: completion.position },
      recordedRanking,
      recomputedRanking,
      award,
      matchesRecordedDecision: differences.length === 0,
      differences,
    };
  }
}

export const BIDDING_AUDIT_QUERY_HANDLERS = [BidAsOfHandler, BidTrailHandler, AwardExplanationHandler];
