/// <reference types="jest" />
import { isTenderIntegrationEvent, planIntegrationStreamName, tenderIntegrationStreamName, TENDER_INTEGRATION_EVENT_TYPES } from './tender-integration-events';

describe('Tender integration events', () => {
  it('are published to one stream per tender', () => {
    expect(tenderIntegrationStreamName('t-42')).toBe('integration-tender-t-42');
  });

  it("publish a plan's strand releases under the same prefix, so one subscription sees both", () => {
    expect(planIntegrationStreamName('p-7')).toBe('integration-tender-plan-p-7');
  });

  it('all carry their context and version in their type', () => {
    expect(TENDER_INTEGRATION_EVENT_TYPES).toEqual([
      'tender.tender-published.v1',
      'tender.tender-closed.v1',
      'tender.lot-awarded.v1',
      'tender.tender-cancelled.v1',
      'tender.clarification-published.v1',
      'tender.tender-amended.v1',
      'tender.tender-unsuccessful.v1',
      'tender.award-proposed.v1',
      'tender.award-withdrawn.v1',
      'tender.deadline-extended.v1',
      'tender.strand-released.v1',
    ]);
  });

  it('are recognised by type, so a consumer can skip what it does not know', () => {
    expect(isTenderIntegrationEvent({ type: 'tender.lot-awarded.v1', data: {} })).toBe(true);
    expect(isTenderIntegrationEvent({ type: 'tender.lot-awarded.v2', data: {} })).toBe(false);
    expect(isTenderIntegrationEvent({ type: 'LotAwarded', data: {} })).toBe(false);
  });
});
