import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { AuthenticationError, AuthorisationError } from '../auth.errors';

export const unauthenticatedGraphQLError = (error: AuthenticationError): GraphQLError =>
  new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', reason: error.failure } });

export const forbiddenGraphQLError = (error: AuthorisationError): GraphQLError =>
  new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN', requiredRoles: [...error.requiredRoles] } });

export const unauthenticatedHttpError = (error: AuthenticationError): UnauthorizedException =>
  new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', reason: error.failure, message: error.message });

export const forbiddenHttpError = (error: AuthorisationError): ForbiddenException =>
  new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    code: 'FORBIDDEN',
    requiredRoles: [...error.requiredRoles],
    message: error.message,
  });
