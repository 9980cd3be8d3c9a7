import type { RequestContext } from '@tendril/shared/ddd';
import type { DueDiligenceKind, ProviderKind, ProviderMemberRole } from '@tendril/bidding/domain';

export class RegisterProviderCommand {
  constructor(
    readonly input: {
      readonly name: string;
      readonly kind: ProviderKind;
      readonly charityNumber: string | null;
      readonly companyNumber: string | null;
      readonly schoolUrn: string | null;
      readonly vcse: boolean;
      readonly sme: boolean;
      readonly serviceCategories: readonly string[];
      readonly serviceAreas: readonly string[];
      readonly registrantDisplayName: string;
    },
    readonly context: RequestContext,
  ) {}
}

export class DeclareDueDiligenceCommand {
  constructor(
    readonly input: {
      readonly kind: DueDiligenceKind;
      readonly expiresAt: string;
      readonly statement: string;
      readonly evidenceRefs: readonly string[];
    },
    readonly context: RequestContext,
  ) {}
}

export class AddProviderMemberCommand {
  constructor(
    readonly input: { readonly userId: string; readonly displayName: string; readonly role: ProviderMemberRole },
    readonly context: RequestContext,
  ) {}
}

export interface ProviderCommandResult {
  readonly organisationId: string;
  readonly position: number | null;
}

// The registry's vocabularies, for the API layer (which may not import the domain).
export { DUE_DILIGENCE_KINDS, PROVIDER_KINDS, PROVIDER_MEMBER_ROLES } from '@tendril/bidding/domain';
