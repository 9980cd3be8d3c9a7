import { PROVIDER_EVENT_TYPES, PROVIDER_STREAM_PREFIX, type DueDiligenceKind, type ProviderEvent, type ProviderMember } from '@tendril/bidding/domain';
import { rowProjection } from '@tendril/shared/projections';
import { ProviderRow } from './provider-read-model.entities';

export interface StoredDeclaration {
  readonly kind: DueDiligenceKind;
  readonly statement: string;
  readonly evidenceRefs: readonly string[];
  readonly declaredAt: string;
  readonly expiresAt: string;
}

/** Pure: the provider row after an event. */
export const evolveProviderRow = (row: ProviderRow | null, event: ProviderEvent): ProviderRow | null => {
  switch (event.type) {
    case 'ProviderRegistered': {
      const d = event.data;
      return {
        organisationId: d.organisationId,
        name: d.name,
        kind: d.kind,
        charityNumber: d.charityNumber,
        companyNumber: d.companyNumber,
        schoolUrn: d.schoolUrn,
        vcse: d.vcse,
        sme: d.sme,
        serviceCategoriesJson: JSON.stringify(d.serviceCategories),
        serviceAreasJson: JSON.stringify(d.serviceAreas),
        membersJson: JSON.stringify([d.firstMember]),
        declarationsJson: '[]',
        registeredAt: d.registeredAt,
      };
    }
    case 'DueDiligenceDeclared': {
      if (!row) return row;
      const { kind, statement, evidenceRefs, declaredAt, expiresAt } = event.data;
      const others = (JSON.parse(row.declarationsJson) as StoredDeclaration[]).filter((d) => d.kind !== kind);
      return { ...row, declarationsJson: JSON.stringify([...others, { kind, statement, evidenceRefs, declaredAt, expiresAt }]) };
    }
    case 'ProviderMemberAdded': {
      if (!row) return row;
      return { ...row, membersJson: JSON.stringify([...(JSON.parse(row.membersJson) as ProviderMember[]), event.data.member]) };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled provider event ${(unknown as { type: string }).type}`);
    }
  }
};

export const providerReadModelProjection = rowProjection<ProviderRow, ProviderEvent>({
  name: 'provider-read-model',
  entity: ProviderRow,
  eventTypes: PROVIDER_EVENT_TYPES,
  streamPrefixes: [PROVIDER_STREAM_PREFIX],
  rowKey: (event) => ({ organisationId: event.data.organisationId }),
  evolve: evolveProviderRow,
});
