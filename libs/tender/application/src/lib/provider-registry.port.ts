import type { ProviderKind } from '@tendril/tender/domain';

/** Where the kind of a provider organisation is known (charity, school, ...). The app wires an adapter. */
export abstract class ProviderRegistry {
  /** The organisation's kind, or null when it is not a registered provider. */
  abstract kindOf(organisationId: string): Promise<ProviderKind | null>;
}

export type { ProviderKind };
