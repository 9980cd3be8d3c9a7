import type { DomainEvent } from '@tendril/shared/ddd';
import type { DueDiligenceKind, ProviderKind, ProviderMemberRole } from './provider.commands';

export interface ProviderMember {
  readonly userId: string;
  readonly displayName: string;
  readonly role: ProviderMemberRole;
}

export type ProviderRegistered = DomainEvent<
  'ProviderRegistered',
  {
    readonly organisationId: string;
    readonly name: string;
    readonly kind: ProviderKind;
    readonly charityNumber: string | null;
    readonly companyNumber: string | null;
    readonly schoolUrn: string | null;
    readonly vcse: boolean;
    readonly sme: boolean;
    readonly serviceCategories: readonly string[];
    readonly serviceAreas: readonly string[];
    /** The registrant becomes the first administrator. */
    readonly firstMember: ProviderMember;
    readonly registeredAt: string;
  }
>;

export type DueDiligenceDeclared = DomainEvent<
  'DueDiligenceDeclared',
  {
    readonly organisationId: string;
    readonly kind: DueDiligenceKind;
    readonly statement: string;
    readonly evidenceRefs: readonly string[];
    readonly declaredAt: string;
    readonly expiresAt: string;
  }
>;

export type ProviderMemberAdded = DomainEvent<
  'ProviderMemberAdded',
  { readonly organisationId: string; readonly member: ProviderMember; readonly addedAt: string }
>;

export type ProviderEvent = ProviderRegistered | DueDiligenceDeclared | ProviderMemberAdded;

export const PROVIDER_EVENT_TYPES: readonly ProviderEvent['type'][] = ['ProviderRegistered', 'DueDiligenceDeclared', 'ProviderMemberAdded'];
