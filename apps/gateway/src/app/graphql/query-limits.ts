import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { QueryLimits } from '../gateway-config';

/**
 * graphql-armor's limits, checked at the gateway before planning so a hostile query costs the subgraphs
 * nothing. Refusals read like "Query depth limit of 10 exceeded, found 11." with code BAD_USER_INPUT.
 */
export const queryLimitProtection = (limits: QueryLimits) =>
  new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
