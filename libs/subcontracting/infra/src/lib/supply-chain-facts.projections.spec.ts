/// <reference types="jest" />
import { PROVIDER_DUE_DILIGENCE_DECLARED_V1, PROVIDER_REGISTERED_V1, type ProviderRegistryIntegrationEvent } from '@tendril/bidding/contracts';
import type { ProjectedEvent } from '@tendril/shared/projections';
import { STRAND_RELEASED_V1, type StrandReleasedV1 } from '@tendril/tender/contracts';
import { outcomesAchieved } from './contract.projection';
import { evolveProviderEligibility, evolveStrandFramework } from './supply-chain-facts.projections';

const projected = <E extends { type: string; data: unknown }>(event: E) => event as unknown as ProjectedEvent<E & ProviderRegistryIntegrationEvent & StrandReleasedV1>;

const registered = projected({
  type: PROVIDER_REGISTERED_V1,
  data: { organisationId: 'org-1', name: 'Youth group', kind: 'voluntary_community_group', charityNumber: null, companyNumber: null, schoolUrn: null, vcse: true, sme: true, registeredAt: '2026-01-01T00:00:00.000Z' },
});
const declared = (kind: string, expiresAt: string) =>
  projected({ type: PROVIDER_DUE_DILIGENCE_DECLARED_V1, data: { organisationId: 'org-1', kind, declaredAt: '2026-01-02T00:00:00.000Z', expiresAt } });

describe('Provider eligibility as the registry published it', () => {
  it('is registered, with the latest declaration of each kind replacing the one before', () => {
    const rows = [registered, declared('safeguarding_policy', '2026-06-01T00:00:00.000Z'), declared('insurance', '2027-01-01T00:00:00.000Z'), declared('safeguarding_policy', '2027-06-01T00:00:00.000Z')]
      .reduce<ReturnType<typeof evolveProviderEligibility> | null>((row, event) => evolveProviderEligibility(row, event), null);
    expect(rows).toEqual({
      organisationId: 'org-1',
      registered: true,
      declarations: JSON.stringify({ safeguarding_policy: '2027-06-01T00:00:00.000Z', insurance: '2027-01-01T00:00:00.000Z' }),
    });
  });
});

describe('A strand’s outcomes framework', () => {
  const released = (releasedAt: string, measureIds: string[]) =>
    projected({
      type: STRAND_RELEASED_V1,
      data: {
        planId: 'plan-1',
        organisationId: 'org-council',
        strandId: 'IN-HOUSE',
        name: 'Targeted support',
        area: null,
        budgetPence: 100,
        deliveryModel: 'in_house' as const,
        outcomeMeasures: measureIds.map((measureId) => ({ measureId, name: measureId, kind: 'reach', target: 'a lot' })),
        releasedAt,
      },
    });

  it('is the framework as last released: a grown framework replaces the earlier one', () => {
    const first = evolveStrandFramework(null, released('2026-01-01T00:00:00.000Z', ['REACH']));
    const later = evolveStrandFramework(first, released('2026-02-01T00:00:00.000Z', ['REACH', 'LAP']));
    expect(later).toMatchObject({ planId: 'plan-1', strandId: 'IN-HOUSE', commissionerOrganisationId: 'org-council', deliveryModel: 'in_house', releasedAt: '2026-02-01T00:00:00.000Z' });
    expect((JSON.parse(later.measures) as { measureId: string }[]).map((m) => m.measureId)).toEqual(['REACH', 'LAP']);
  });
});

describe('Outcomes achieved in a return', () => {
  const outcomes = { learning: 5, achievement: 3, progress: 2 };

  it('counts the contract’s outcome measures, reach aside, when it has them', () => {
    expect(outcomesAchieved(outcomes, [{ kind: 'reach', value: 40 }, { kind: 'learning_achievement_progress', value: 12 }, { kind: 'other', value: 4 }])).toBe(16);
  });

  it('counts learning, achievement and progress on contracts without measures', () => {
    expect(outcomesAchieved(outcomes, undefined)).toBe(10);
  });
});
