import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../authenticated-user';

const AUTHENTICATION = Symbol('tendril:authentication');

/** The parts of an HTTP request (Express or otherwise) that authentication needs. */
export interface AuthenticatableRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
  [AUTHENTICATION]?: Promise<AuthenticatedUser>;
}

/** Finds the HTTP request behind a REST handler or a GraphQL resolver. */
export const requestFromContext = (context: ExecutionContext): AuthenticatableRequest | undefined => {
  const type = context.getType<GqlContextType>();
  if (type === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: AuthenticatableRequest }>().req;
  }
  if (type === 'http') return context.switchToHttp().getRequest<AuthenticatableRequest>();
  return undefined;
};

/**
 * A GraphQL operation resolves several root fields and each runs the guard; the token is verified once per
 * request and the outcome (user or failure) shared.
 */
export const authenticateOnce = (
  request: AuthenticatableRequest,
  authenticate: (authorization: string | string[] | undefined) => Promise<AuthenticatedUser>,
): Promise<AuthenticatedUser> => {
  request[AUTHENTICATION] ??= authenticate(request.headers['authorization']);
  return request[AUTHENTICATION];
};
