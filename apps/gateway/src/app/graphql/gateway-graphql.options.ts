import { IntrospectAndCompose } from '@apollo/gateway';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { AuthService } from '@tendril/shared/auth';
import type { GatewayConfig } from '../gateway-config';
import type { CorrelatedRequest } from '../http/correlation-id.middleware';
import { authenticationPlugin } from './authentication.plugin';
import { errorLoggingPlugin, maskInternalErrors } from './error-masking';
import { ForwardingDataSource } from './forwarding-data-source';
import { buildGatewayContext } from './gateway-context';
import { queryLimitProtection, rewordTokenLimitError } from './query-limits';
import { waitForSubgraphs } from './subgraph-readiness';

/** Builds the Apollo gateway once every subgraph answers, so composition does not fail on a cold start. */
export const gatewayGraphQLOptions = async (config: GatewayConfig, auth: AuthService): Promise<ApolloGatewayDriverConfig> => {
  const logger = new Logger('Gateway');
  await waitForSubgraphs(config.subgraphs, { timeoutMs: config.subgraphWaitSeconds * 1000, logger });
  const limits = queryLimitProtection(config.queryLimits);
  return {
    server: {
      path: '/graphql',
      introspection: config.introspection,
      graphiql: config.introspection,
      playground: false,
      includeStacktraceInErrorResponses: false,
      allowBatchedHttpRequests: false,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      plugins: [
        ...limits.plugins,
        authenticationPlugin({ introspection: config.introspection, publicRootFields: config.publicRootFields, logger }),
        errorLoggingPlugin(logger),
      ],
      context: ({ req }: { req: CorrelatedRequest }) => buildGatewayContext(req, auth),
      formatError: (formatted) => rewordTokenLimitError(maskInternalErrors(formatted)),
    },
    gateway: {
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: config.subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url })),
      }),
      buildService: ({ url }) => new ForwardingDataSource({ url }),
    },
  };
};
