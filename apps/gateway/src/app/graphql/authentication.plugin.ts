import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@nestjs/common';
import { AuthenticationError, unauthenticatedGraphQLError } from '@tendril/shared/auth';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { isMissingCredentials, type GatewayContext } from './gateway-context';

export interface AuthenticationPluginOptions {
  readonly introspection: boolean;
  readonly publicRootFields: ReadonlySet<string>;
  readonly logger: Logger;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Names of the operation's root fields, looking through fragments at the root. */
const rootFieldNames = (selectionSet: SelectionSetNode, document: DocumentNode): string[] =>
  selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNames(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFieldNames(fragment.selectionSet, document) : [];
  });

const mayRunAnonymously = (operation: OperationDefinitionNode, document: DocumentNode, options: AuthenticationPluginOptions) => {
  if (operation.operation !== 'query') return false;
  return rootFieldNames(operation.selectionSet, document).every(
    (field) => (options.introspection && INTROSPECTION_FIELDS.has(field)) || field === '__typename' || options.publicRootFields.has(field),
  );
};

/**
 * Refuses operations from callers without a valid token before any subgraph is called. Anonymous
 * introspection (when enabled) and configured public root fields are let through; an invalid or expired
 * token is refused even for those, so a client notices its session has ended.
 */
export const authenticationPlugin = (options: AuthenticationPluginOptions): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document }) {
        const failure = contextValue.authenticationFailure;
        if (contextValue.user !== null) return;
        if (isMissingCredentials(failure) && operation !== undefined && mayRunAnonymously(operation, document, options)) return;
        if (failure instanceof AuthenticationError) {
          const refusal = unauthenticatedGraphQLError(failure);
          throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 401 } } });
        }
        options.logger.error(
          `[${contextValue.correlationId}] could not verify an access token: ${failure instanceof Error ? failure.message : String(failure)}`,
          failure instanceof Error ? failure.stack : undefined,
        );
        throw new GraphQLError('Internal server error', {
          extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 503 } },
        });
      },
    };
  },
});
