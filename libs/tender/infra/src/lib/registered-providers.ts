import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ProviderKindV1, type ProviderRegisteredV1Data } from '@tendril/bidding/contracts';
import type { ProviderKind } from '@tendril/tender/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { RegisteredProviderRow } from './commissioning-plan-read-model.entities';

// The registry's legal forms, read as the kinds of provider the market engagement records.
const ENGAGED_KIND_OF: Readonly<Record<ProviderKindV1, ProviderKind>> = {
  voluntary_community_group: 'voluntary_community',
  registered_charity: 'charity',
  social_enterprise: 'voluntary_community',
  community_interest_company: 'voluntary_community',
  registered_social_landlord: 'social_landlord',
  school: 'school',
  public_body: 'public_body',
  in_house: 'public_body',
  private_company: 'other',
};

export const engagedKindOf = (kind: ProviderKindV1): ProviderKind => ENGAGED_KIND_OF[kind] ?? 'other';

export const applyProviderRegistered = async (data: ProviderRegisteredV1Data, manager: EntityManager): Promise<void> => {
  await manager.getRepository(RegisteredProviderRow).save({ organisationId: data.organisationId, providerKind: engagedKindOf(data.kind) });
};

/** Registered providers as projected from `bidding.provider-registered.v1`. */
@Injectable()
export class TypeormRegisteredProviders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async kindOf(organisationId: string): Promise<ProviderKind | null> {
    const row = await this.dataSource.getRepository(RegisteredProviderRow).findOneBy({ organisationId });
    return row ? (row.providerKind as ProviderKind) : null;
  }
}
