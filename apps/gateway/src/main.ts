import { Logger } from '@nestjs/common';
import { AuthConfigError } from '@tendril/shared/auth';
import { createGatewayApp } from './app/create-gateway-app';
import { GatewayConfigError, type GatewayConfig } from './app/gateway-config';
import { GATEWAY_CONFIG } from './app/gateway-config.module';
import { SubgraphsUnavailableError } from './app/graphql/subgraph-readiness';

const main = async (): Promise<void> => {
  const app = await createGatewayApp();
  const { port } = app.get<GatewayConfig>(GATEWAY_CONFIG);
  await app.listen(port);
  new Logger('Gateway').log(`Listening on http://localhost:${port}/graphql (demo sign-in: POST /auth/sign-in)`);
};

main().catch((error: unknown) => {
  const readable = error instanceof GatewayConfigError || error instanceof AuthConfigError || error instanceof SubgraphsUnavailableError;
  console.error(readable ? (error as Error).message : error);
  process.exit(1);
});
