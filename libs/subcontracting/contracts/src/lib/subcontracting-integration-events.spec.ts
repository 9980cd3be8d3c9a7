/// <reference types="jest" />
import {
  isSubcontractingIntegrationEvent,
  SUBCONTRACTING_INTEGRATION_EVENT_TYPES,
  subcontractingIntegrationStreamName,
} from './subcontracting-integration-events';

describe('Subcontracting integration events', () => {
  it('are published to one stream per contract', () => {
    expect(subcontractingIntegrationStreamName('c-9')).toBe('integration-subcontracting-c-9');
  });

  it('all carry their context and version in their type', () => {
    expect(SUBCONTRACTING_INTEGRATION_EVENT_TYPES).toEqual([
      'subcontracting.contract-created.v1',
      'subcontracting.subcontractor-added.v1',
      'subcontracting.subcontract-ended.v1',
      'subcontracting.contract-terminated.v1',
      'subcontracting.contract-varied.v1',
      'subcontracting.subcontract-varied.v1',
      'subcontracting.strand-decommissioned.v1',
    ]);
  });

  it('are recognised by type, so a consumer can skip what it does not know', () => {
    expect(isSubcontractingIntegrationEvent({ type: 'subcontracting.subcontractor-added.v1', data: {} })).toBe(true);
    expect(isSubcontractingIntegrationEvent({ type: 'SubcontractorAdded', data: {} })).toBe(false);
  });
});
