import { Injectable } from '@nestjs/common';
import { demoOrganisations } from '@tendril/shared/auth';
import { OrganisationNames } from '@tendril/tender/open-data';

/** Councils and other organisations the provider registry does not list are named by the sign-in directory. */
@Injectable()
export class DirectoryOrganisationNames extends OrganisationNames {
  nameOf(organisationId: string): string | null {
    return demoOrganisations().find((organisation) => organisation.id === organisationId)?.name ?? null;
  }
}
