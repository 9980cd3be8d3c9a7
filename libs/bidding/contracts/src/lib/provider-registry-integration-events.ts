// The provider registry's published language: who is registered, and whether their due diligence is
// current. Subcontracting uses it to refuse subcontracts to a provider whose safeguarding declaration
// has expired. Published to one stream per organisation.

export const PROVIDER_REGISTERED_V1 = 'bidding.provider-registered.v1';
export const PROVIDER_DUE_DILIGENCE_DECLARED_V1 = 'bidding.provider-due-diligence-declared.v1';

export type ProviderKindV1 =
  | 'voluntary_community_group'
  | 'registered_charity'
  | 'social_enterprise'
  | 'community_interest_company'
  | 'registered_social_landlord'
  | 'school'
  | 'public_body'
  | 'private_company'
  | 'in_house';

export type DueDiligenceKindV1 = 'safeguarding_policy' | 'dbs_checks' | 'insurance' | 'latest_accounts';

export interface ProviderRegisteredV1Data {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ProviderKindV1;
  readonly charityNumber: string | null;
  readonly companyNumber: string | null;
  readonly schoolUrn: string | null;
  readonly vcse: boolean;
  readonly sme: boolean;
  readonly registeredAt: string;
}

export interface ProviderDueDiligenceDeclaredV1Data {
  readonly organisationId: string;
  readonly kind: DueDiligenceKindV1;
  readonly declaredAt: string;
  /** UTC instant; from then the declaration no longer counts. */
  readonly expiresAt: string;
}

export interface ProviderRegisteredV1 {
  readonly type: typeof PROVIDER_REGISTERED_V1;
  readonly data: ProviderRegisteredV1Data;
}
export interface ProviderDueDiligenceDeclaredV1 {
  readonly type: typeof PROVIDER_DUE_DILIGENCE_DECLARED_V1;
  readonly data: ProviderDueDiligenceDeclaredV1Data;
}

export type ProviderRegistryIntegrationEvent = ProviderRegisteredV1 | ProviderDueDiligenceDeclaredV1;

export const PROVIDER_REGISTRY_INTEGRATION_EVENT_TYPES: readonly ProviderRegistryIntegrationEvent['type'][] = [
  PROVIDER_REGISTERED_V1,
  PROVIDER_DUE_DILIGENCE_DECLARED_V1,
];

export const isProviderRegistryIntegrationEvent = (event: { readonly type: string; readonly data: unknown }): event is ProviderRegistryIntegrationEvent =>
  (PROVIDER_REGISTRY_INTEGRATION_EVENT_TYPES as readonly string[]).includes(event.type);

/** Not under `integration-bidding-`, so consumers of tender-keyed bidding facts never see registry facts. */
export const PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX = 'integration-provider-registry-';

export const providerRegistryIntegrationStreamName = (organisationId: string): string =>
  `${PROVIDER_REGISTRY_INTEGRATION_STREAM_PREFIX}${organisationId}`;

/** True when the safeguarding declaration is current at `now` (expired exactly at `expiresAt`). */
export const isSafeguardingCurrent = (declaration: ProviderDueDiligenceDeclaredV1Data | null, now: Date): boolean =>
  declaration !== null && declaration.kind === 'safeguarding_policy' && now.getTime() < Date.parse(declaration.expiresAt);
