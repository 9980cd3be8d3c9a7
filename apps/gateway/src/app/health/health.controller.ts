import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@tendril/shared/auth';
import type { GatewayConfig } from '../gateway-config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { SubgraphHealthIndicator } from './subgraph-health.indicator';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly subgraphHealth: SubgraphHealthIndicator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Every subgraph the gateway routes to is ready, so operations can be served. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.config.subgraphs.map((subgraph) => () => this.subgraphHealth.isReady(subgraph)));
  }
}
