/// <reference types="jest" />
import type { RecordedEvent } from '@tendril/shared/event-store';
import { translateEvaluationEvent } from './evaluation-integration.translation';

const recorded = (type: string, data: unknown) => ({ type, data, streamName: 'evaluators-t-1', metadata: {} }) as unknown as RecordedEvent;

describe('Evaluation integration translation', () => {
  it('publishes a completed lot to the tender’s bidding stream with its winner', () => {
    const ranking = [
      { rank: 1, bidId: 'b-2', organisationId: 'org-2', pricePence: 1_100, totalScore: 90, scores: [] },
      { rank: 2, bidId: 'b-1', organisationId: 'org-1', pricePence: 1_000, totalScore: 80, scores: [] },
    ];
    const translated = translateEvaluationEvent(
      recorded('LotEvaluationCompleted', {
        tenderId: 't-1',
        commissionerOrganisationId: 'org-council',
        lotId: 'L',
        ranking,
        priceFormula: 'lowest-price-over-price',
        tieBreakRule: 'higher-quality-then-lower-price-then-earlier-submission',
        evidenceRefs: ['moderation:b-2:Q1'],
        completedAt: '2026-03-10T10:00:00.000Z',
      }),
    );
    expect(translated?.streamName).toBe('integration-bidding-t-1');
    expect(translated?.events[0]).toMatchObject({
      type: 'bidding.evaluation-completed.v1',
      data: {
        winner: { bidId: 'b-2', supplierOrganisationId: 'org-2', pricePence: 1_100, totalScore: 90 },
        ranking: [expect.objectContaining({ rank: 1, supplierOrganisationId: 'org-2' }), expect.objectContaining({ rank: 2, supplierOrganisationId: 'org-1' })],
      },
    });
  });

  it('publishes nothing for individual scores, moderation or declarations', () => {
    expect(translateEvaluationEvent(recorded('CriterionScored', { tenderId: 't-1' }))).toBeNull();
    expect(translateEvaluationEvent(recorded('ConflictsDeclared', { tenderId: 't-1' }))).toBeNull();
  });
});
