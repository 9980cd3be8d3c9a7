/// <reference types="jest" />
import { type Actor, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import { AwardExplanationHandler, AwardExplanationQuery, BidAsOfHandler, BidAsOfQuery } from './bidding-audit.queries';

const COUNCIL = 'org-council';
const clara: Actor = { userId: 'u-clara', role: 'commissioner', organisationId: COUNCIL };
const ed: Actor = { userId: 'u-ed', role: 'commissioner', organisationId: COUNCIL };
const auditor: Actor = { userId: 'u-audrey', role: 'auditor', organisationId: null };
const provider = (organisationId: string): Actor => ({ userId: `u-${organisationId}`, role: 'provider', organisationId });
const DEADLINE = '2026-03-01T12:00:00.000Z';

/** The log as a list: only what the handlers read (streams, forwards), so the spec controls every fact. */
class ListedLog {
  readonly events: RecordedEvent[] = [];
  private clock = Date.parse('2026-02-01T09:00:00.000Z');

  add(streamName: string, type: string, data: unknown, actor: Actor, at?: string): void {
    const occurredAt = at ?? new Date((this.clock += 60_000)).toISOString();
    const revision = this.events.filter((e) => e.streamName === streamName).length;
    this.events.push({
      streamName, revision, position: this.events.length, type, data, recordedAt: occurredAt,
      metadata: { eventId: `00000000-0000-4000-8000-${String(this.events.length).padStart(12, '0')}`, schemaVersion: 1, occurredAt, correlationId: 'c', causationId: null, actor },
    });
  }

  readStream(streamName: string): AsyncIterable<RecordedEvent> {
    const stream = this.events.filter((e) => e.streamName === streamName);
    return {
      async *[Symbol.asyncIterator]() {
        if (stream.length === 0) throw new StreamNotFoundError(streamName);
        yield* stream;
      },
    };
  }
}

const bids = [
  { bidId: 'bid-moorland', organisationId: 'org-moorland', pricePence: 9_500_000 },
  { bidId: 'bid-brightpath', organisationId: 'org-brightpath', pricePence: 9_000_000 },
];

/** A tender evaluated on 70% quality and 30% price: Moorland 70 + 28.42 = 98.42, Brightpath 56 + 30 = 86. */
const evaluatedTender = (recordedRanking?: unknown, awardedBidId = 'bid-moorland') => {
  const log = new ListedLog();
  const weightedCriteria = [{ criterionId: 'Q1', kind: 'quality', weightPercent: 70 }, { criterionId: 'P1', kind: 'price', weightPercent: 30 }];
  log.add('competition-T', 'CompetitionOpened', { tenderId: 'T', commissionerOrganisationId: COUNCIL, lotIds: ['ALL'], answerableCriterionIds: ['Q1'], submissionDeadline: DEADLINE, weightedCriteria, openedAt: '2026-02-01T09:00:00.000Z' }, clara);
  for (const bid of bids) {
    const submitter = provider(bid.organisationId);
    log.add(`bid-${bid.bidId}`, 'BidSubmitted', {
      ...bid, tenderId: 'T', lotId: 'ALL', commissionerOrganisationId: COUNCIL, submissionDeadline: DEADLINE, answerableCriterionIds: ['Q1'],
      qualityAnswers: [{ criterionId: 'Q1', answer: 'Youth clubs' }], socialValueCommitments: '', submittedAt: '2026-02-10T09:00:00.000Z',
    }, submitter, '2026-02-10T09:00:00.000Z');
    log.add('competition-T', 'BidEntered', { tenderId: 'T', bidId: bid.bidId, organisationId: bid.organisationId, lotId: 'ALL', enteredAt: '2026-02-10T09:00:00.000Z' }, submitter, '2026-02-10T09:00:00.000Z');
  }
  log.add('competition-T', 'CompetitionClosed', { tenderId: 'T', closedAt: DEADLINE, bids: bids.map(({ bidId, organisationId }) => ({ bidId, organisationId, lotId: 'ALL' })) }, clara, DEADLINE);
  for (const bid of bids) log.add(`bid-${bid.bidId}`, 'BidOpened', { bidId: bid.bidId, openedAt: DEADLINE }, clara, DEADLINE);
  for (const evaluator of [clara, ed]) {
    log.add('evaluators-T', 'EvaluatorAssigned', { tenderId: 'T', commissionerOrganisationId: COUNCIL, evaluatorUserId: evaluator.userId, displayName: evaluator.userId, assignedAt: '2026-03-02T09:00:00.000Z' }, clara, '2026-03-02T09:00:00.000Z');
  }
  const marks: [Actor, string, number][] = [[clara, 'bid-moorland', 5], [ed, 'bid-moorland', 5], [clara, 'bid-brightpath', 3], [ed, 'bid-brightpath', 4]];
  for (const [evaluator, bidId, mark] of marks) {
    log.add('evaluators-T', 'CriterionScored', { tenderId: 'T', bidId, criterionId: 'Q1', evaluatorUserId: evaluator.userId, mark, scaleMax: 5, justification: 'Against the descriptors', scoredAt: '2026-03-03T09:00:00.000Z' }, evaluator, '2026-03-03T09:00:00.000Z');
  }
  for (const [bidId, consensusMark, individual] of [['bid-moorland', 5, [5, 5]], ['bid-brightpath', 4, [3, 4]]] as const) {
    log.add('evaluators-T', 'ScoreModerated', {
      tenderId: 'T', bidId, criterionId: 'Q1', individualMarks: [{ evaluatorUserId: 'u-clara', mark: individual[0] }, { evaluatorUserId: 'u-ed', mark: individual[1] }],
      consensusMark, scaleMax: 5, reason: 'Agreed at moderation', moderatedAt: '2026-03-04T09:00:00.000Z',
    }, clara, '2026-03-04T09:00:00.000Z');
  }
  const ranking = recordedRanking ?? [
    { rank: 1, bidId: 'bid-moorland', organisationId: 'org-moorland', pricePence: 9_500_000, totalScore: 98.42, scores: [
      { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 100, weightedScore: 70 },
      { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 94.74, weightedScore: 28.42 },
    ] },
    { rank: 2, bidId: 'bid-brightpath', organisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 86, scores: [
      { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 80, weightedScore: 56 },
      { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 100, weightedScore: 30 },
    ] },
  ];
  log.add('evaluators-T', 'LotEvaluationCompleted', {
    tenderId: 'T', commissionerOrganisationId: COUNCIL, lotId: 'ALL', ranking, priceFormula: 'lowest-price-over-price',
    tieBreakRule: 'higher-quality-then-lower-price-then-earlier-submission', evidenceRefs: ['moderation:bid-moorland:Q1', 'moderation:bid-brightpath:Q1'], completedAt: '2026-03-05T09:00:00.000Z',
  }, clara, '2026-03-05T09:00:00.000Z');
  // A score recorded after the completion must not change what the completion is checked against.
  log.add('evaluators-T', 'CriterionScored', { tenderId: 'T', bidId: 'bid-brightpath', criterionId: 'S1', evaluatorUserId: 'u-ed', mark: 5, scaleMax: 5, justification: 'Late', scoredAt: '2026-03-06T09:00:00.000Z' }, ed, '2026-03-06T09:00:00.000Z');
  const winner = bids.find((b) => b.bidId === awardedBidId) ?? bids[0];
  log.add('integration-tender-T', 'tender.lot-awarded.v1', {
    tenderId: 'T', organisationId: COUNCIL, lotId: 'ALL', bidId: winner?.bidId, supplierOrganisationId: winner?.organisationId, valuePence: winner?.pricePence,
    contractStartDate: '2026-04-01', contractEndDate: '2029-03-31', paymentTermsDays: 30, awardedAt: '2026-03-07T09:00:00.000Z',
  }, clara, '2026-03-07T09:00:00.000Z');
  return log;
};

const explain = (log: ListedLog, reader: Actor = auditor) =>
  new AwardExplanationHandler(log as unknown as EventStore).execute(new AwardExplanationQuery('T', 'ALL', reader));

describe('Explaining an award', () => {
  it('recomputes the recorded ranking from the events and finds it matches, as does the award', async () => {
    const explanation = await explain(evaluatedTender());
    expect(explanation.differences).toEqual([]);
    expect(explanation.matchesRecordedDecision).toBe(true);
    expect(explanation.recomputedRanking.map((r) => [r.bidId, r.totalScore])).toEqual([['bid-moorland', 98.42], ['bid-brightpath', 86]]);
    expect(explanation.individualScores).toHaveLength(4);
    expect(explanation.moderatedScores.map((m) => [m.bidId, m.consensusMark])).toEqual([['bid-moorland', 5], ['bid-brightpath', 4]]);
    expect(explanation.award).toMatchObject({ bidId: 'bid-moorland', actor: clara });
    expect(explanation.evaluationCompleted.actor).toEqual(clara);
  });

  it('explains the completion that stands after a withdrawn award reopened the evaluation and it was re-moderated', async () => {
    const log = evaluatedTender();
    log.add('evaluators-T', 'LotEvaluationReopened', {
      tenderId: 'T', lotId: 'ALL', withdrawnAwardBidId: 'bid-moorland', reason: 'Challenge upheld', reopenedBidIds: ['bid-moorland', 'bid-brightpath'], reopenedAt: '2026-03-08T09:00:00.000Z',
    }, { userId: 'system:bidding-reactions', role: 'system', organisationId: null }, '2026-03-08T09:00:00.000Z');
    log.add('evaluators-T', 'ScoreModerated', {
      tenderId: 'T', bidId: 'bid-moorland', criterionId: 'Q1', individualMarks: [{ evaluatorUserId: 'u-clara', mark: 5 }, { evaluatorUserId: 'u-ed', mark: 5 }],
      consensusMark: 3, scaleMax: 5, reason: 'Re-moderated without the unpublished sub-criterion', moderatedAt: '2026-03-09T09:00:00.000Z',
    }, clara, '2026-03-09T09:00:00.000Z');
    // Brightpath 56 + 30 = 86; Moorland 42 + 28.42 = 70.42.
    const again = [
      { rank: 1, bidId: 'bid-brightpath', organisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 86, scores: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 80, weightedScore: 56 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 100, weightedScore: 30 },
      ] },
      { rank: 2, bidId: 'bid-moorland', organisationId: 'org-moorland', pricePence: 9_500_000, totalScore: 70.42, scores: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 60, weightedScore: 42 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 94.74, weightedScore: 28.42 },
      ] },
    ];
    log.add('evaluators-T', 'LotEvaluationCompleted', {
      tenderId: 'T', commissionerOrganisationId: COUNCIL, lotId: 'ALL', ranking: again, priceFormula: 'lowest-price-over-price',
      tieBreakRule: 'higher-quality-then-lower-price-then-earlier-submission', evidenceRefs: [], completedAt: '2026-03-10T09:00:00.000Z',
    }, clara, '2026-03-10T09:00:00.000Z');
    const explanation = await explain(log);
    expect(explanation.recomputedRanking.map((r) => [r.bidId, r.totalScore])).toEqual([['bid-brightpath', 86], ['bid-moorland', 70.42]]);
    expect(explanation.differences.filter((d) => d.what.startsWith('rank') || d.what === 'evaluation')).toEqual([]);
    expect(explanation.moderatedScores.map((m) => [m.bidId, m.consensusMark])).toEqual([['bid-moorland', 5], ['bid-brightpath', 4], ['bid-moorland', 3]]);
  });

  it('reports a recorded total that the events do not produce', async () => {
    const tampered = [
      { rank: 1, bidId: 'bid-moorland', organisationId: 'org-moorland', pricePence: 9_500_000, totalScore: 99, scores: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 100, weightedScore: 70 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 94.74, weightedScore: 28.42 },
      ] },
      { rank: 2, bidId: 'bid-brightpath', organisationId: 'org-brightpath', pricePence: 9_000_000, totalScore: 86, scores: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 70, score: 80, weightedScore: 56 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30, score: 100, weightedScore: 30 },
      ] },
    ];
    const explanation = await explain(evaluatedTender(tampered));
    expect(explanation.matchesRecordedDecision).toBe(false);
    expect(explanation.differences).toEqual([{ what: 'rank 1 (bid-moorland) total score', recorded: '99', recomputed: '98.42' }]);
  });

  it('reports an award to a bid that is not the recomputed winner', async () => {
    const explanation = await explain(evaluatedTender(undefined, 'bid-brightpath'));
    expect(explanation.matchesRecordedDecision).toBe(false);
    expect(explanation.differences).toEqual([{ what: 'awarded bid', recorded: 'bid-brightpath', recomputed: 'bid-moorland' }]);
  });

  it('refuses a lot whose evaluation never completed, and another council', async () => {
    await expect(new AwardExplanationHandler(new ListedLog() as unknown as EventStore).execute(new AwardExplanationQuery('T', 'ALL', auditor))).rejects.toMatchObject({ code: 'EVALUATION_NOT_COMPLETED' });
    await expect(explain(evaluatedTender(), { userId: 'u-other', role: 'commissioner', organisationId: 'org-elsewhere' })).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ_EVALUATION' });
    await expect(explain(evaluatedTender(), provider('org-moorland'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ_EVALUATION' });
  });
});

describe('A bid as of an instant', () => {
  const at = (iso: string) => ({ now: () => new Date(iso) });
  const asOf = (log: ListedLog, now: string, reader: Actor, instant: string) =>
    new BidAsOfHandler(log as unknown as EventStore, at(now)).execute(new BidAsOfQuery('bid-moorland', new Date(instant), reader));

  it('is sealed from auditors before the deadline, like a bid that does not exist', async () => {
    await expect(asOf(evaluatedTender(), '2026-02-20T00:00:00.000Z', auditor, '2026-02-15T00:00:00.000Z')).rejects.toMatchObject({ code: 'BID_NOT_FOUND' });
  });

  it('shows its bidder the bid before the deadline', async () => {
    expect((await asOf(evaluatedTender(), '2026-02-20T00:00:00.000Z', provider('org-moorland'), '2026-02-15T00:00:00.000Z')).bid?.pricePence).toBe(9_500_000);
  });

  it('shows auditors the bid as it was, once the deadline has passed', async () => {
    const beforeOpening = await asOf(evaluatedTender(), '2026-04-01T00:00:00.000Z', auditor, '2026-02-15T00:00:00.000Z');
    expect(beforeOpening).toMatchObject({ existed: true, bid: { status: 'submitted', pricePence: 9_500_000 }, lastEventType: 'BidSubmitted' });
    expect((await asOf(evaluatedTender(), '2026-04-01T00:00:00.000Z', auditor, DEADLINE)).bid?.status).toBe('opened');
    expect((await asOf(evaluatedTender(), '2026-04-01T00:00:00.000Z', auditor, '2026-01-01T00:00:00.000Z')).existed).toBe(false);
  });

  it('stays closed to other providers after the deadline', async () => {
    await expect(asOf(evaluatedTender(), '2026-04-01T00:00:00.000Z', provider('org-brightpath'), DEADLINE)).rejects.toMatchObject({ code: 'BID_NOT_FOUND' });
  });
});
