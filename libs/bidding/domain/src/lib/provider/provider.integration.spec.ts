/// <reference types="jest" />
import { youthTrustRegistered, youthTrustSafeguarding } from '../testing/bidding.spec-fixtures';
import { toProviderIntegrationEvents } from './provider.integration';

describe('What the provider registry publishes', () => {
  it('publishes a registration without its members or categories', () => {
    expect(toProviderIntegrationEvents(youthTrustRegistered)).toEqual([
      {
        type: 'bidding.provider-registered.v1',
        data: {
          organisationId: 'org-youth-trust',
          name: 'Youth Trust',
          kind: 'registered_charity',
          charityNumber: '1123456',
          companyNumber: null,
          schoolUrn: null,
          vcse: true,
          sme: true,
          registeredAt: '2026-01-05T09:00:00.000Z',
        },
      },
    ]);
  });

  it('publishes a declaration with its expiry but not its evidence', () => {
    expect(toProviderIntegrationEvents(youthTrustSafeguarding)).toEqual([
      {
        type: 'bidding.provider-due-diligence-declared.v1',
        data: { organisationId: 'org-youth-trust', kind: 'safeguarding_policy', declaredAt: '2026-01-05T10:00:00.000Z', expiresAt: '2027-01-05T10:00:00.000Z' },
      },
    ]);
  });

  it('keeps membership changes to itself', () => {
    expect(
      toProviderIntegrationEvents({
        type: 'ProviderMemberAdded',
        data: { organisationId: 'org-youth-trust', member: { userId: 'u', displayName: 'U', role: 'finance' }, addedAt: '2026-01-05T10:00:00.000Z' },
      }),
    ).toEqual([]);
  });
});
