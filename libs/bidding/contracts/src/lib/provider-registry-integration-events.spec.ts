/// <reference types="jest" />
import { isProviderRegistryIntegrationEvent, isSafeguardingCurrent, providerRegistryIntegrationStreamName } from './provider-registry-integration-events';

describe('Provider registry integration events', () => {
  it('are published to one stream per organisation, apart from the tender-keyed bidding facts', () => {
    expect(providerRegistryIntegrationStreamName('org-1')).toBe('integration-provider-registry-org-1');
  });

  it('are recognised by type', () => {
    expect(isProviderRegistryIntegrationEvent({ type: 'bidding.provider-due-diligence-declared.v1', data: {} })).toBe(true);
    expect(isProviderRegistryIntegrationEvent({ type: 'bidding.bids-opened.v1', data: {} })).toBe(false);
  });

  describe('a safeguarding declaration', () => {
    const declared = { organisationId: 'org-1', kind: 'safeguarding_policy' as const, declaredAt: '2026-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' };

    it('is current until it expires', () => {
      expect(isSafeguardingCurrent(declared, new Date('2026-12-31T23:59:59.999Z'))).toBe(true);
    });

    it('no longer counts from its expiry instant', () => {
      expect(isSafeguardingCurrent(declared, new Date('2027-01-01T00:00:00.000Z'))).toBe(false);
    });

    it('does not count when it is some other kind of declaration, or missing', () => {
      expect(isSafeguardingCurrent({ ...declared, kind: 'insurance' }, new Date('2026-06-01T00:00:00.000Z'))).toBe(false);
      expect(isSafeguardingCurrent(null, new Date('2026-06-01T00:00:00.000Z'))).toBe(false);
    });
  });
});
