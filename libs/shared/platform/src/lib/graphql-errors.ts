import { HttpException, Logger } from '@nestjs/common';
import { DomainRuleBroken } from '@tendril/shared/ddd';
import { EventStoreError } from '@tendril/shared/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQLErrors');

/** Codes that are safe and useful to show a person; anything else is masked as INTERNAL_SERVER_ERROR. */
const PASS_THROUGH_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
]);

const httpStatusCodes: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/** A coded error a resolver or service raises on purpose (not found, forbidden, bad input). */
export class ApiError extends GraphQLError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

const describeHttpException = (error: HttpException): string => {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return `Invalid input: ${message.join('; ')}`;
  return typeof message === 'string' ? message : error.message;
};

/**
 * Turns whatever a resolver threw into an error a person can act on: domain rule codes and event store
 * codes pass through with their message; validation failures become BAD_USER_INPUT; anything unexpected
 * is logged and masked.
 */
export const formatGraphqlError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const path = formatted.path;
  if (original instanceof DomainRuleBroken) {
    return { message: original.message, path, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof EventStoreError) {
    const retryable = original.code === 'WRONG_EXPECTED_REVISION';
    return { message: original.message, path, extensions: { code: original.code, retryable } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    return { message: describeHttpException(original), path, extensions: { code: httpStatusCodes[status] ?? 'BAD_REQUEST' } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (PASS_THROUGH_CODES.has(code) || original instanceof ApiError || /^[A-Z][A-Z0-9_]+$/.test(code) && code !== 'INTERNAL_SERVER_ERROR')) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, path, locations: formatted.locations, extensions };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
};
