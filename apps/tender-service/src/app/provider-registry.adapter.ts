import { Injectable } from '@nestjs/common';
import { demoOrganisations, type DemoOrganisationKind } from '@tendril/shared/auth';
import { type ProviderKind, ProviderRegistry } from '@tendril/tender/application';
import { TypeormRegisteredProviders } from '@tendril/tender/infra';

// The sign-in directory's organisation kinds, read as the kinds of provider a plan records engaging.
const DIRECTORY_KIND_OF: Readonly<Record<DemoOrganisationKind, ProviderKind>> = {
  council: 'public_body',
  youth_charity: 'charity',
  community_group: 'voluntary_community',
  social_enterprise: 'voluntary_community',
  social_landlord: 'social_landlord',
  school: 'school',
  public_body: 'public_body',
  private_company: 'other',
};

/**
 * The provider registry as the tender context knows it: organisations the bidding context's registry
 * published (`bidding.provider-registered.v1`) first; an organisation the registry has not published
 * yet is known by the kind the sign-in directory holds for it, so demo organisations can take part.
 */
@Injectable()
export class TenderProviderRegistry extends ProviderRegistry {
  constructor(private readonly registered: TypeormRegisteredProviders) {
    super();
  }

  async kindOf(organisationId: string): Promise<ProviderKind | null> {
    const registered = await this.registered.kindOf(organisationId);
    if (registered !== null) return registered;
    const organisation = demoOrganisations().find((candidate) => candidate.id === organisationId);
    return organisation ? DIRECTORY_KIND_OF[organisation.kind] : null;
  }
}
