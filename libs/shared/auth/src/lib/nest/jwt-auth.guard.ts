import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { AuthenticationError, AuthorisationError } from '../auth.errors';
import type { HumanRole } from '../authenticated-user';
import { AuthService } from '../auth.service';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants';
import { authenticateOnce, requestFromContext } from './auth-request';
import {
  forbiddenGraphQLError,
  forbiddenHttpError,
  unauthenticatedGraphQLError,
  unauthenticatedHttpError,
} from './auth-transport-errors';

/**
 * Verifies the bearer token of every REST handler and GraphQL resolver, puts the user on the request, and
 * enforces @Roles(). Registered globally by AuthModule.forRoot(), so a forgotten decorator fails closed.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const request = requestFromContext(context);
    if (request === undefined) {
      if (isPublic) return true;
      throw new Error(`JwtAuthGuard cannot find the HTTP request in a '${context.getType()}' context.`);
    }
    const graphql = context.getType<GqlContextType>() === 'graphql';
    if (isPublic && request.headers['authorization'] === undefined) return true;

    try {
      request.user = await authenticateOnce(request, (header) => this.auth.authenticate(header));
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw graphql ? unauthenticatedGraphQLError(error) : unauthenticatedHttpError(error);
      }
      throw error;
    }

    const roles = this.reflector.getAllAndOverride<readonly HumanRole[] | undefined>(ROLES_KEY, targets);
    if (!isPublic && roles !== undefined && !roles.includes(request.user.role)) {
      const refusal = new AuthorisationError(roles, request.user.role);
      throw graphql ? forbiddenGraphQLError(refusal) : forbiddenHttpError(refusal);
    }
    return true;
  }
}
