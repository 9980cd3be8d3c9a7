/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { AFTER_DEADLINE, at, commissioner, otherCommissioner, platform } from '../testing/bidding.spec-fixtures';
import type { CompleteLotEvaluation, EvaluatorCommand, LotEvaluationFacts, ModerateScore, ReopenLotEvaluation, ScoreCriterion } from './evaluator.commands';
import { evaluatorsDecider } from './evaluator.decide';
import type { ConflictsDeclared, CriterionScored, EvaluatorAssigned, EvaluatorEvent, ScoreModerated } from './evaluator.events';

const spec = DeciderSpecification.for(evaluatorsDecider);
const decideAfter = (history: readonly EvaluatorEvent[], command: EvaluatorCommand) =>
  evaluatorsDecider.decide(command, history.reduce(evaluatorsDecider.evolve, evaluatorsDecider.initialState()));
const assigned = (evaluatorUserId: string): EvaluatorAssigned => ({
  type: 'EvaluatorAssigned',
  data: { tenderId: 't-1', commissionerOrganisationId: 'org-leeds-council', evaluatorUserId, displayName: evaluatorUserId, assignedAt: AFTER_DEADLINE },
});
const declared = (evaluatorUserId: string, conflictedOrganisationIds: string[] = []): ConflictsDeclared => ({
  type: 'ConflictsDeclared',
  data: { tenderId: 't-1', evaluatorUserId, conflictedOrganisationIds, statement: 'Declared', declaredAt: AFTER_DEADLINE },
});
const ready = [assigned('user-amara'), declared('user-amara'), assigned('user-bryn'), declared('user-bryn', ['org-a'])];

const score = (actor: Actor, overrides: Partial<ScoreCriterion['data']> = {}): ScoreCriterion => ({
  type: 'ScoreCriterion',
  data: { tenderId: 't-1', bidId: 'bid-b', criterionId: 'Q1', mark: 4, justification: ' Clear safeguarding plan ', facts: { bidOrganisationId: 'org-b', criterionKind: 'quality' }, ...overrides },
  metadata: at(AFTER_DEADLINE, actor),
});
const scored = (evaluatorUserId: string, mark: number, bidId = 'bid-b'): CriterionScored => ({
  type: 'CriterionScored',
  data: { tenderId: 't-1', bidId, criterionId: 'Q1', evaluatorUserId, mark, scaleMax: 5, justification: 'Clear safeguarding plan', scoredAt: AFTER_DEADLINE },
});
const moderate = (consensusMark: number, reason: string, actor: Actor = commissioner, bidId = 'bid-b'): ModerateScore => ({
  type: 'ModerateScore',
  data: { tenderId: 't-1', bidId, criterionId: 'Q1', consensusMark, reason },
  metadata: at(AFTER_DEADLINE, actor),
});
const moderated = (bidId: string, consensusMark: number): ScoreModerated => ({
  type: 'ScoreModerated',
  data: { tenderId: 't-1', bidId, criterionId: 'Q1', individualMarks: [], consensusMark, scaleMax: 5, reason: 'Agreed', moderatedAt: AFTER_DEADLINE },
});

describe('Evaluation decisions', () => {
  describe('an evaluator’s score', () => {
    it('is recorded on the published scale with its written justification', () => {
      spec.given(ready).when(score(commissioner)).then([scored('user-amara', 4)]);
    });

    it('needs the evaluator to have declared their interests first', () => {
      spec.given([assigned('user-amara')]).when(score(commissioner)).thenThrows('CONFLICTS_NOT_DECLARED');
    });

    it('is refused for a bid by an organisation the evaluator declared a conflict with', () => {
      spec.given(ready).when(score(otherCommissioner, { bidId: 'bid-a', facts: { bidOrganisationId: 'org-a', criterionKind: 'quality' } })).thenThrows('EVALUATOR_CONFLICTED');
    });

    it('is refused for price and youth panel criteria, unknown bids, bare marks and repeats', () => {
      spec.given(ready).when(score(commissioner, { facts: { bidOrganisationId: 'org-b', criterionKind: 'price' } })).thenThrows('CRITERION_NOT_SCORED_BY_EVALUATORS');
      spec.given(ready).when(score(commissioner, { facts: { bidOrganisationId: null, criterionKind: 'quality' } })).thenThrows('BID_NOT_FOUND');
      spec.given(ready).when(score(commissioner, { justification: '' })).thenThrows('SCORE_JUSTIFICATION_REQUIRED');
      spec.given(ready).when(score(commissioner, { mark: 7 })).thenThrows('SCORE_NOT_ON_THE_PUBLISHED_SCALE');
      spec.given([...ready, scored('user-amara', 4)]).when(score(commissioner)).thenThrows('SCORE_ALREADY_GIVEN');
    });
  });

  describe('moderation', () => {
    it('records the consensus, the individual marks and why they differ', () => {
      spec
        .given([...ready, scored('user-amara', 4), scored('user-bryn', 2)])
        .when(moderate(3, 'Met most of the requirements; evaluator 2 missed the weekend offer'))
        .then([
          {
            type: 'ScoreModerated',
            data: {
              tenderId: 't-1',
              bidId: 'bid-b',
              criterionId: 'Q1',
              individualMarks: [
                { evaluatorUserId: 'user-amara', mark: 4 },
                { evaluatorUserId: 'user-bryn', mark: 2 },
              ],
              consensusMark: 3,
              scaleMax: 5,
              reason: 'Met most of the requirements; evaluator 2 missed the weekend offer',
              moderatedAt: AFTER_DEADLINE,
            },
          },
        ]);
    });

    it('needs a reason when the consensus differs, is done by the tender’s commissioners, and once', () => {
      spec.given([...ready, scored('user-amara', 4), scored('user-bryn', 2)]).when(moderate(3, '')).thenThrows('MODERATION_REASON_REQUIRED');
      spec.given([...ready, scored('user-amara', 4)]).when(moderate(4, '', otherCommissioner)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
      spec.given([...ready, scored('user-amara', 4), moderated('bid-b', 4)]).when(moderate(4, '')).thenThrows('SCORE_ALREADY_MODERATED');
    });
  });

  describe('completing a lot', () => {
    const facts: LotEvaluationFacts = {
      criteria: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 60 },
        { criterionId: 'YP', kind: 'youth_panel', weightPercent: 10 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30 },
      ],
      bids: [
        { bidId: 'bid-a', organisationId: 'org-a', pricePence: 1_000, submittedAt: '2026-02-01T09:00:00.000Z' },
        { bidId: 'bid-b', organisationId: 'org-b', pricePence: 1_250, submittedAt: '2026-02-01T10:00:00.000Z' },
        { bidId: 'bid-c', organisationId: 'org-c', pricePence: 900, submittedAt: '2026-02-01T11:00:00.000Z' },
      ],
      panelScores: { 'bid-a': 50, 'bid-b': 90 },
    };
    const complete = (actor: Actor = commissioner): CompleteLotEvaluation => ({
      type: 'CompleteLotEvaluation',
      data: { tenderId: 't-1', lotId: 'L1', facts },
      metadata: at(AFTER_DEADLINE, actor),
    });

    it('ranks the finalists by the weighted moderated, panel and price scores', () => {
      const [event] = decideAfter([...ready, moderated('bid-a', 3), moderated('bid-b', 5)], complete());
      // b: 60 + 9 + 30 x 0.8 = 93; a: 36 + 5 + 30 = 71. bid-c was not a finalist.
      expect(event).toMatchObject({
        type: 'LotEvaluationCompleted',
        data: {
          ranking: [
            { rank: 1, bidId: 'bid-b', organisationId: 'org-b', totalScore: 93 },
            { rank: 2, bidId: 'bid-a', organisationId: 'org-a', totalScore: 71 },
          ],
          priceFormula: 'lowest-price-over-price',
          evidenceRefs: ['moderation:bid-a:Q1', 'moderation:bid-b:Q1'],
        },
      });
    });

    it('is refused while a finalist lacks a moderated score, to others, and twice', () => {
      spec.given([...ready, moderated('bid-a', 3)]).when(complete()).thenThrows('SCORE_MISSING');
      spec.given([...ready, moderated('bid-a', 3), moderated('bid-b', 5)]).when(complete(otherCommissioner)).thenThrows('NOT_THE_COMMISSIONER_OF_THE_TENDER');
      const done = decideAfter([...ready, moderated('bid-a', 3), moderated('bid-b', 5)], complete());
      spec.given([...ready, moderated('bid-a', 3), moderated('bid-b', 5), ...done]).when(complete()).thenThrows('EVALUATION_ALREADY_COMPLETED');
    });
  });

  describe('when the proposed award is withdrawn (a challenge upheld)', () => {
    const facts: LotEvaluationFacts = {
      criteria: [
        { criterionId: 'Q1', kind: 'quality', weightPercent: 70 },
        { criterionId: 'P1', kind: 'price', weightPercent: 30 },
      ],
      bids: [
        { bidId: 'bid-a', organisationId: 'org-a', pricePence: 1_000, submittedAt: '2026-02-01T09:00:00.000Z' },
        { bidId: 'bid-b', organisationId: 'org-b', pricePence: 1_000, submittedAt: '2026-02-01T10:00:00.000Z' },
      ],
      panelScores: {},
    };
    const complete = (lotId = 'L1'): CompleteLotEvaluation => ({ type: 'CompleteLotEvaluation', data: { tenderId: 't-1', lotId, facts }, metadata: at(AFTER_DEADLINE, commissioner) });
    const reopen = (lotId = 'L1', actor: Actor = platform): ReopenLotEvaluation => ({
      type: 'ReopenLotEvaluation',
      data: { tenderId: 't-1', lotId, withdrawnAwardBidId: 'bid-b', reason: 'Challenge upheld: Q1 marked against an unpublished sub-criterion' },
      metadata: at('2026-04-01T09:00:00.000Z', actor),
    });
    const scoredBoth = [...ready, scored('user-amara', 3, 'bid-a'), scored('user-amara', 5, 'bid-b')];
    const moderatedBoth = [...scoredBoth, moderated('bid-a', 3), moderated('bid-b', 5)];
    const completed = decideAfter(moderatedBoth, complete());
    const reopened = decideAfter([...moderatedBoth, ...completed], reopen());

    it('reopens a completed lot, naming the bids whose consensus may be moderated again', () => {
      expect(reopened).toEqual([
        {
          type: 'LotEvaluationReopened',
          data: {
            tenderId: 't-1',
            lotId: 'L1',
            withdrawnAwardBidId: 'bid-b',
            reason: 'Challenge upheld: Q1 marked against an unpublished sub-criterion',
            reopenedBidIds: ['bid-b', 'bid-a'],
            reopenedAt: '2026-04-01T09:00:00.000Z',
          },
        },
      ]);
    });

    it('records nothing for a lot whose evaluation is not complete (never completed, or already reopened)', () => {
      spec.given(moderatedBoth).when(reopen()).then([]);
      spec.given([...moderatedBoth, ...completed, ...reopened]).when(reopen()).then([]);
      spec.given([...moderatedBoth, ...completed]).when(reopen('L2')).then([]);
    });

    it('is done by the platform only, on the tender context’s word', () => {
      spec.given([...moderatedBoth, ...completed]).when(reopen('L1', commissioner)).thenThrows('ONLY_THE_SYSTEM_MAY_DO_THIS');
    });

    it('lets the reopened scores be moderated again, and others not', () => {
      const history = [...moderatedBoth, ...completed, ...reopened];
      expect(decideAfter(history, moderate(3, 'Re-moderated without the unpublished sub-criterion', commissioner, 'bid-b'))).toMatchObject([
        { type: 'ScoreModerated', data: { bidId: 'bid-b', consensusMark: 3, individualMarks: [{ evaluatorUserId: 'user-amara', mark: 5 }] } },
      ]);
      spec.given([...moderatedBoth, ...completed]).when(moderate(3, 'Again', commissioner, 'bid-b')).thenThrows('SCORE_ALREADY_MODERATED');
      spec.given([...history, moderated('bid-b', 3)]).when(moderate(2, 'A third time', commissioner, 'bid-b')).thenThrows('SCORE_ALREADY_MODERATED');
    });

    it('keeps individual marks: an evaluator does not score the same criterion again', () => {
      spec
        .given([...moderatedBoth, ...completed, ...reopened])
        .when(score(commissioner, { bidId: 'bid-b', facts: { bidOrganisationId: 'org-b', criterionKind: 'quality' } }))
        .thenThrows('SCORE_ALREADY_GIVEN');
    });

    it('completes again with the new consensus, and a score not re-moderated keeps its earlier one', () => {
      const history = [...moderatedBoth, ...completed, ...reopened, moderated('bid-b', 2)];
      const [again] = decideAfter(history, complete());
      // a: 70 x 3/5 + 30 = 72; b: 70 x 2/5 + 30 = 58 (was 100 before the challenge).
      expect(again).toMatchObject({
        type: 'LotEvaluationCompleted',
        data: {
          lotId: 'L1',
          ranking: [
            { rank: 1, bidId: 'bid-a', totalScore: 72 },
            { rank: 2, bidId: 'bid-b', totalScore: 58 },
          ],
        },
      });
      spec.given([...history, ...(again ? [again] : [])]).when(complete()).thenThrows('EVALUATION_ALREADY_COMPLETED');
    });
  });
});
