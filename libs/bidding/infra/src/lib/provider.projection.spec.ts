/// <reference types="jest" />
import type { DueDiligenceDeclared, ProviderRegistered } from '@tendril/bidding/domain';
import type { Actor } from '@tendril/shared/event-store';
import { evolveProviderRow } from './provider.projection';
import { toProviderView } from './registry-provider-read-model';
import { translateProviderEvent } from './provider-registry-integration.translation';

const registered: ProviderRegistered = {
  type: 'ProviderRegistered',
  data: {
    organisationId: 'org-trust',
    name: 'Youth Trust',
    kind: 'registered_charity',
    charityNumber: '1123456',
    companyNumber: null,
    schoolUrn: null,
    vcse: true,
    sme: true,
    serviceCategories: ['youth-work'],
    serviceAreas: ['North'],
    firstMember: { userId: 'u-dana', displayName: 'Dana', role: 'administrator' },
    registeredAt: '2026-01-05T09:00:00.000Z',
  },
};
const declared = (expiresAt: string, kind: DueDiligenceDeclared['data']['kind'] = 'safeguarding_policy'): DueDiligenceDeclared => ({
  type: 'DueDiligenceDeclared',
  data: { organisationId: 'org-trust', kind, statement: 'Adopted by trustees', evidenceRefs: ['minute-7'], declaredAt: '2026-01-05T10:00:00.000Z', expiresAt },
});

const own: Actor = { userId: 'u-dana', role: 'provider', organisationId: 'org-trust' };
const rival: Actor = { userId: 'u-fen', role: 'provider', organisationId: 'org-rival' };
const commissioner: Actor = { userId: 'u-amara', role: 'commissioner', organisationId: 'org-council' };
const auditor: Actor = { userId: 'u-gus', role: 'auditor', organisationId: null };
const NOW = new Date('2026-06-01T00:00:00.000Z');

const rowAfter = (...events: (ProviderRegistered | DueDiligenceDeclared)[]) => {
  const row = events.reduce(evolveProviderRow, null);
  if (!row) throw new Error('no row');
  return row;
};

describe('Provider registry read model', () => {
  it('keeps the latest declaration of each kind', () => {
    const view = toProviderView(rowAfter(registered, declared('2026-03-01T00:00:00.000Z'), declared('2027-03-01T00:00:00.000Z')), own, NOW);
    expect(view.dueDiligence).toEqual([expect.objectContaining({ kind: 'safeguarding_policy', expiresAt: '2027-03-01T00:00:00.000Z', current: true })]);
    expect(view.toRenewBeforeBidding).toEqual([]);
  });

  it('says what to renew before bidding: safeguarding when missing, and any lapsed declaration', () => {
    expect(toProviderView(rowAfter(registered), own, NOW).toRenewBeforeBidding).toEqual(['safeguarding_policy']);
    const lapsed = rowAfter(registered, declared('2027-01-01T00:00:00.000Z'), declared('2026-05-01T00:00:00.000Z', 'insurance'));
    expect(toProviderView(lapsed, own, NOW).toRenewBeforeBidding).toEqual(['insurance']);
  });

  it('shows evidence to the organisation, commissioners and auditors but not to rival providers', () => {
    const row = rowAfter(registered, declared('2027-01-01T00:00:00.000Z'));
    for (const reader of [own, commissioner, auditor]) expect(toProviderView(row, reader, NOW).dueDiligence[0]?.evidenceRefs).toEqual(['minute-7']);
    expect(toProviderView(row, rival, NOW).dueDiligence[0]).toMatchObject({ current: true, statement: null, evidenceRefs: null });
  });

  it('shows members to the organisation and auditors only', () => {
    const row = rowAfter(registered);
    expect(toProviderView(row, own, NOW).members).toEqual([{ userId: 'u-dana', displayName: 'Dana', role: 'administrator' }]);
    expect(toProviderView(row, auditor, NOW).members).toHaveLength(1);
    expect(toProviderView(row, commissioner, NOW).members).toBeNull();
    expect(toProviderView(row, rival, NOW).members).toBeNull();
  });
});

describe('Provider registry integration translation', () => {
  const recorded = (event: ProviderRegistered | DueDiligenceDeclared) =>
    ({ ...event, streamName: 'provider-org-trust', metadata: {} }) as unknown as Parameters<typeof translateProviderEvent>[0];

  it('publishes declarations to the organisation’s registry stream, without the evidence', () => {
    expect(translateProviderEvent(recorded(declared('2027-01-01T00:00:00.000Z')))).toEqual({
      streamName: 'integration-provider-registry-org-trust',
      events: [
        {
          type: 'bidding.provider-due-diligence-declared.v1',
          data: { organisationId: 'org-trust', kind: 'safeguarding_policy', declaredAt: '2026-01-05T10:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' },
        },
      ],
    });
  });
});
