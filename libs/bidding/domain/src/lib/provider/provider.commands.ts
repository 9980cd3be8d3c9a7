import type { Command } from '@tendril/shared/ddd';

export const PROVIDER_KINDS = [
  'voluntary_community_group',
  'registered_charity',
  'social_enterprise',
  'community_interest_company',
  'registered_social_landlord',
  'school',
  'public_body',
  'private_company',
  'in_house',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const DUE_DILIGENCE_KINDS = ['safeguarding_policy', 'dbs_checks', 'insurance', 'latest_accounts'] as const;
export type DueDiligenceKind = (typeof DUE_DILIGENCE_KINDS)[number];

/** The organisation's own roles, beside the platform role on the member's sign-in. */
export const PROVIDER_MEMBER_ROLES = ['administrator', 'bid_writer', 'finance', 'safeguarding_lead'] as const;
export type ProviderMemberRole = (typeof PROVIDER_MEMBER_ROLES)[number];

export type RegisterProvider = Command<
  'RegisterProvider',
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
    /** How the registering user is named in the registry. */
    readonly registrantDisplayName: string;
  }
>;

export type DeclareDueDiligence = Command<
  'DeclareDueDiligence',
  {
    readonly organisationId: string;
    readonly kind: DueDiligenceKind;
    readonly expiresAt: string;
    /** What the organisation declares, in its own words (e.g. "Policy reviewed by the board on 3 March"). */
    readonly statement: string;
    /** Where the evidence is: a document reference, a URL, a board minute. */
    readonly evidenceRefs: readonly string[];
  }
>;

export type AddProviderMember = Command<
  'AddProviderMember',
  { readonly organisationId: string; readonly userId: string; readonly displayName: string; readonly role: ProviderMemberRole }
>;

export type ProviderCommand = RegisterProvider | DeclareDueDiligence | AddProviderMember;
