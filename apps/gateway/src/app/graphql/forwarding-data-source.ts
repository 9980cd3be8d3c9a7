import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_ID_HEADER } from '../http/correlation-id.middleware';
import type { GatewayContext } from './gateway-context';

/** Calls a subgraph on behalf of the caller: same bearer token, same correlation id. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    // Schema loading and health checks carry no caller; only operations do.
    if (headers === undefined || !('incomingRequestContext' in options)) return;
    const { authorization, correlationId } = options.context;
    if (authorization !== undefined) headers.set('authorization', authorization);
    headers.set(CORRELATION_ID_HEADER, correlationId);
  }
}
