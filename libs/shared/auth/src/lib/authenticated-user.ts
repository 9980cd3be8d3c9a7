import type { Actor, Role } from '@tendril/shared/event-store';

/** Roles a person can sign in with. `system` is reserved for time-driven and reactive work inside the platform. */
export type HumanRole = Exclude<Role, 'system'>;

export const HUMAN_ROLES: readonly HumanRole[] = ['commissioner', 'provider', 'prime', 'youth_panel', 'auditor', 'admin'];

export const isHumanRole = (value: unknown): value is HumanRole =>
  typeof value === 'string' && (HUMAN_ROLES as readonly string[]).includes(value);

/** The person behind a request: the event-store `Actor` plus what a screen needs to greet them. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly role: HumanRole;
  readonly organisationId: string | null;
  readonly displayName: string;
}

/** Strips display data so only the actor fields land in event metadata. */
export const toActor = (user: AuthenticatedUser): Actor => ({
  userId: user.userId,
  role: user.role,
  organisationId: user.organisationId,
});
