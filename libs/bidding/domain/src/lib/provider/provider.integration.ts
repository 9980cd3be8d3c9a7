import type { DueDiligenceKind, ProviderKind } from './provider.commands';
import type { ProviderEvent } from './provider.events';

// What the registry publishes. The shapes mirror `@tendril/bidding/contracts` structurally (a domain
// library may not import a contracts library); the translator types the result with the contracts
// union so the compiler checks they agree. Members and evidence stay inside the registry.

export interface PublishedProviderRegistered {
  readonly type: 'bidding.provider-registered.v1';
  readonly data: {
    readonly organisationId: string;
    readonly name: string;
    readonly kind: ProviderKind;
    readonly charityNumber: string | null;
    readonly companyNumber: string | null;
    readonly schoolUrn: string | null;
    readonly vcse: boolean;
    readonly sme: boolean;
    readonly registeredAt: string;
  };
}

export interface PublishedProviderDueDiligenceDeclared {
  readonly type: 'bidding.provider-due-diligence-declared.v1';
  readonly data: {
    readonly organisationId: string;
    readonly kind: DueDiligenceKind;
    readonly declaredAt: string;
    readonly expiresAt: string;
  };
}

export type ProviderPublishedFact = PublishedProviderRegistered | PublishedProviderDueDiligenceDeclared;

export const toProviderIntegrationEvents = (event: ProviderEvent): readonly ProviderPublishedFact[] => {
  switch (event.type) {
    case 'ProviderRegistered': {
      const { organisationId, name, kind, charityNumber, companyNumber, schoolUrn, vcse, sme, registeredAt } = event.data;
      return [
        {
          type: 'bidding.provider-registered.v1',
          data: { organisationId, name, kind, charityNumber, companyNumber, schoolUrn, vcse, sme, registeredAt },
        },
      ];
    }
    case 'DueDiligenceDeclared': {
      const { organisationId, kind, declaredAt, expiresAt } = event.data;
      return [{ type: 'bidding.provider-due-diligence-declared.v1', data: { organisationId, kind, declaredAt, expiresAt } }];
    }
    case 'ProviderMemberAdded':
      return [];
    default: {
      const unknown: never = event;
      throw new Error(`Unknown provider event ${(unknown as { type: string }).type}`);
    }
  }
};
