import { AuthenticationError, type AuthenticatedUser, type AuthService } from '@tendril/shared/auth';
import { correlationIdOf, type CorrelatedRequest } from '../http/correlation-id.middleware';

/** What the gateway knows about one GraphQL request; built before the operation is parsed. */
export interface GatewayContext {
  readonly correlationId: string;
  /** Forwarded as-is to the subgraphs, which verify it again. */
  readonly authorization: string | undefined;
  readonly user: AuthenticatedUser | null;
  /** Why `user` is null: an AuthenticationError, or something that went wrong verifying the token. */
  readonly authenticationFailure: unknown;
}

/** Never throws: the authentication plugin decides, once the operation is known, whether a failure matters. */
export const buildGatewayContext = async (req: CorrelatedRequest, auth: AuthService): Promise<GatewayContext> => {
  const correlationId = correlationIdOf(req);
  const header = req.headers['authorization'];
  const authorization = typeof header === 'string' ? header : undefined;
  try {
    const user = await auth.authenticate(header);
    return { correlationId, authorization, user, authenticationFailure: null };
  } catch (failure) {
    return { correlationId, authorization, user: null, authenticationFailure: failure };
  }
};

export const isMissingCredentials = (failure: unknown): boolean =>
  failure instanceof AuthenticationError && failure.failure === 'missing_credentials';
