import type { Decider } from '@tendril/shared/ddd';
import type { ProviderCommand } from './provider.commands';
import { decideProvider } from './provider.decide';
import type { ProviderEvent } from './provider.events';
import { evolveProvider, initialProviderState, type ProviderState } from './provider.state';

export const providerDecider: Decider<ProviderCommand, ProviderEvent, ProviderState> = {
  decide: decideProvider,
  evolve: evolveProvider,
  initialState: initialProviderState,
};

export const PROVIDER_STREAM_PREFIX = 'provider-';

/** One stream per organisation in the registry, keyed by the organisation id its members sign in with. */
export const providerStreamName = (organisationId: string): string => `${PROVIDER_STREAM_PREFIX}${organisationId}`;
