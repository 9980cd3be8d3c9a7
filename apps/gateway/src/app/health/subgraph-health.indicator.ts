import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SubgraphEndpoint } from '../gateway-config';
import { describeFailure } from '../http/describe-failure';

/** A subgraph is ready when its own /health/ready says so within two seconds. */
@Injectable()
export class SubgraphHealthIndicator {
  constructor(private readonly indicators: HealthIndicatorService) {}

  async isReady(subgraph: SubgraphEndpoint) {
    const indicator = this.indicators.check(subgraph.name);
    try {
      const response = await fetch(subgraph.readinessUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return indicator.up({ url: subgraph.readinessUrl });
      return indicator.down({ url: subgraph.readinessUrl, message: `answered HTTP ${response.status}` });
    } catch (error) {
      return indicator.down({ url: subgraph.readinessUrl, message: describeFailure(error) });
    }
  }
}
