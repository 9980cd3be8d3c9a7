import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@tendril/shared/event-store';
import { toActor, type AuthenticatedUser, type HumanRole } from '../authenticated-user';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants';
import { requestFromContext } from './auth-request';

/** Lets a handler or resolver through without a signed-in user (a token, if sent, must still be valid). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Only users with one of these roles may call the handler; others get FORBIDDEN naming the roles. */
export const Roles = (...roles: [HumanRole, ...HumanRole[]]) => SetMetadata(ROLES_KEY, roles);

export interface CurrentUserOptions {
  /** On @Public() handlers: yield null instead of failing when nobody is signed in. */
  readonly optional?: boolean;
}

const userFrom = (options: CurrentUserOptions | undefined, context: ExecutionContext): AuthenticatedUser | null => {
  const user = requestFromContext(context)?.user;
  if (user !== undefined) return user;
  if (options?.optional === true) return null;
  throw new Error(
    'No authenticated user on this request. Is the handler @Public() (then use { optional: true }), or is JwtAuthGuard not registered (AuthModule.forRoot())?',
  );
};

/** The signed-in user with display name: `@CurrentUser() user: AuthenticatedUser`. */
export const CurrentUser = createParamDecorator(
  (options: CurrentUserOptions | undefined, context: ExecutionContext): AuthenticatedUser | null => userFrom(options, context),
);

/** Only the actor fields for event metadata: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator(
  (options: CurrentUserOptions | undefined, context: ExecutionContext): Actor | null => {
    const user = userFrom(options, context);
    return user === null ? null : toActor(user);
  },
);
