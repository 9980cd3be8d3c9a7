import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { QueryLimits } from '../gateway-config';

/**
 * Limits checked at the gateway before planning, so a hostile query costs the subgraphs nothing.
 * Depth, aliases, directives and cost come from graphql-armor and are refused with HTTP 400 and messages
 * like "Query depth limit of 10 exceeded, found 11.". The token limit is graphql-js's own parser limit
 * instead of armor's: armor's Apollo plugin throws from parsingDidStart, which Apollo Server answers with
 * HTTP 500 and logs as an unexpected failure, while the parser's limit is a plain 400 parse error.
 */
export const queryLimitProtection = (limits: QueryLimits) => {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
};

const PARSER_TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/** graphql-js words its token limit oddly ("more that"); say it plainly. */
export const rewordTokenLimitError = (formatted: GraphQLFormattedError): GraphQLFormattedError => {
  const limit = PARSER_TOKEN_LIMIT.exec(formatted.message)?.[1];
  if (limit === undefined) return formatted;
  return { ...formatted, message: `Token limit of ${limit} exceeded: the query is longer than the gateway accepts.` };
};
