/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import {
  type CategoryInterestRegistered,
  type ProviderInterestCommand,
  providerInterestDecider,
  providerInterestStreamName,
} from './provider-interest';

const spec = DeciderSpecification.for(providerInterestDecider);
const NOW = '2026-02-01T09:00:00.000Z';
const provider: Actor = { userId: 'user-cleo', role: 'provider', organisationId: 'org-youth-trust' };
const otherProvider: Actor = { userId: 'user-dev', role: 'provider', organisationId: 'org-homes' };
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };

const command = (type: ProviderInterestCommand['type'], category = 'youth-work', actor: Actor = provider): ProviderInterestCommand => ({
  type,
  data: { organisationId: 'org-youth-trust', category },
  metadata: { now: new Date(NOW), actor, correlationId: 'corr-1' },
});
const registered: CategoryInterestRegistered = {
  type: 'CategoryInterestRegistered',
  data: { organisationId: 'org-youth-trust', category: 'youth-work', registeredAt: NOW },
};

describe("A provider's tender interests", () => {
  it('live in one stream per organisation', () => {
    expect(providerInterestStreamName('org-youth-trust')).toBe('tenderinterest-org-youth-trust');
  });

  it('take a category from a member of the provider', () => {
    spec.given([]).when(command('RegisterCategoryInterest', ' youth-work ')).then([registered]);
  });

  it('record a category once', () => {
    spec.given([registered]).when(command('RegisterCategoryInterest')).then([]);
  });

  it('are chosen only by the provider’s own members', () => {
    spec.given([]).when(command('RegisterCategoryInterest', 'youth-work', otherProvider)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
    spec.given([]).when(command('RegisterCategoryInterest', 'youth-work', commissioner)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
  });

  it('need a category', () => {
    spec.given([]).when(command('RegisterCategoryInterest', ' ')).thenThrows('INTEREST_CATEGORY_REQUIRED');
  });

  it('can be withdrawn, but only when registered', () => {
    spec.given([registered]).when(command('WithdrawCategoryInterest')).then([
      { type: 'CategoryInterestWithdrawn', data: { organisationId: 'org-youth-trust', category: 'youth-work', withdrawnAt: NOW } },
    ]);
    spec.given([]).when(command('WithdrawCategoryInterest')).thenThrows('CATEGORY_INTEREST_NOT_FOUND', { category: 'youth-work' });
    spec.given([registered]).when(command('WithdrawCategoryInterest')).thenState({ categories: [] });
  });
});
