import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './gateway-context';

export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

/** Codes that mean "something broke inside", whose details are for the logs, not the caller. */
const INTERNAL_CODES = new Set([INTERNAL_SERVER_ERROR, 'DOWNSTREAM_SERVICE_ERROR']);
// Domain rule codes read as sentences in SCREAMING_SNAKE_CASE (TENDER_DEADLINE_PASSED), as do Apollo's own.
const CODE_SHAPE = /^[A-Z][A-Z0-9_]*$/;
// Extensions that describe the platform's insides rather than the caller's request.
const PRIVATE_EXTENSIONS = new Set(['stacktrace', 'exception', 'originalError', 'serviceName', 'http']);

export const isCallerFacingCode = (code: unknown): code is string =>
  typeof code === 'string' && CODE_SHAPE.test(code) && !INTERNAL_CODES.has(code);

/**
 * Errors with a known code (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, domain rules, ...) reach the caller
 * with their message; anything else becomes a bare "Internal server error" (logged by errorLoggingPlugin).
 */
export const maskInternalErrors = (formatted: GraphQLFormattedError): GraphQLFormattedError => {
  const code = formatted.extensions?.['code'];
  const location = {
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
  };
  if (!isCallerFacingCode(code)) {
    return { message: 'Internal server error', ...location, extensions: { code: INTERNAL_SERVER_ERROR } };
  }
  const extensions = Object.fromEntries(
    Object.entries(formatted.extensions ?? {}).filter(([key]) => !PRIVATE_EXTENSIONS.has(key)),
  );
  return { message: formatted.message, ...location, extensions };
};

/** Logs what the caller will not see, under the request's correlation id, and hands them that id. */
export const errorLoggingPlugin = (logger: Logger): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          // Errors from a failed subgraph fetch may come without extensions.
          const extensions = (error.extensions ?? {}) as Record<string, unknown>;
          if (isCallerFacingCode(extensions['code'])) continue;
          const service = typeof extensions['serviceName'] === 'string' ? ` from subgraph ${extensions['serviceName']}` : '';
          const path = error.path === undefined ? '' : ` at ${error.path.join('.')}`;
          logger.error(
            `[${contextValue.correlationId}] masked internal error${service}${path}: ${error.message}`,
            error.originalError?.stack ?? error.stack,
          );
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (errors === undefined) return;
        response.body.singleResult.errors = errors.map((error) => ({
          ...error,
          extensions: { ...error.extensions, correlationId: contextValue.correlationId },
        }));
      },
    };
  },
});
