import type { DueDiligenceKind, ProviderKind } from './provider.commands';
import type { ProviderEvent, ProviderMember } from './provider.events';

export interface DueDiligenceDeclaration {
  readonly kind: DueDiligenceKind;
  readonly declaredAt: string;
  readonly expiresAt: string;
}

export interface UnregisteredProvider {
  readonly status: 'unregistered';
}

export interface RegisteredProvider {
  readonly status: 'registered';
  readonly organisationId: string;
  readonly name: string;
  readonly kind: ProviderKind;
  readonly members: readonly ProviderMember[];
  /** The latest declaration of each kind: a new declaration replaces the one before. */
  readonly declarations: readonly DueDiligenceDeclaration[];
}

export type ProviderState = UnregisteredProvider | RegisteredProvider;

export const initialProviderState = (): ProviderState => ({ status: 'unregistered' });

const registered = (state: ProviderState, eventType: string): RegisteredProvider => {
  if (state.status === 'unregistered') throw new Error(`${eventType} applied to a provider that was never registered`);
  return state;
};

export const evolveProvider = (state: ProviderState, event: ProviderEvent): ProviderState => {
  switch (event.type) {
    case 'ProviderRegistered': {
      const { organisationId, name, kind, firstMember } = event.data;
      return { status: 'registered', organisationId, name, kind, members: [firstMember], declarations: [] };
    }
    case 'DueDiligenceDeclared': {
      const provider = registered(state, event.type);
      const { kind, declaredAt, expiresAt } = event.data;
      return { ...provider, declarations: [...provider.declarations.filter((d) => d.kind !== kind), { kind, declaredAt, expiresAt }] };
    }
    case 'ProviderMemberAdded': {
      const provider = registered(state, event.type);
      return { ...provider, members: [...provider.members, event.data.member] };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown provider event ${(unknown as { type: string }).type}`);
    }
  }
};
