import type { SubgraphEndpoint } from '../gateway-config';
import { describeFailure } from '../http/describe-failure';

export interface WaitLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly retryEveryMs?: number;
  /** How often to repeat "still waiting" while nothing changes. */
  readonly reportEveryMs?: number;
  readonly logger: WaitLogger;
}

export class SubgraphsUnavailableError extends Error {
  constructor(waitedMs: number, pending: ReadonlyMap<SubgraphEndpoint, string>) {
    const lines = [...pending].map(([subgraph, reason]) => `  - ${subgraph.name} at ${subgraph.url}: ${reason}`);
    super(
      `Gave up after ${Math.round(waitedMs / 1000)}s waiting for subgraphs to answer:\n${lines.join('\n')}\n` +
        'Start them (or fix SUBGRAPH_*_URL), or raise GATEWAY_SUBGRAPH_WAIT_SECONDS.',
    );
    this.name = 'SubgraphsUnavailableError';
  }
}

const SERVICE_QUERY = JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' });

/** Asks a subgraph for its schema, as composition will; resolves to null when it answered, or why not. */
export const probeSubgraph = async (subgraph: SubgraphEndpoint, timeoutMs = 2_000): Promise<string | null> => {
  try {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: SERVICE_QUERY,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return `HTTP ${response.status}`;
    const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } } };
    return typeof body.data?._service?.sdl === 'string' ? null : 'it answered, but not as a federation subgraph (no _service.sdl)';
  } catch (error) {
    return describeFailure(error);
  }
};

/**
 * The gateway and the subgraphs start together; composing before they listen would fail. Polls each
 * subgraph until it answers, logging who it is waiting for, and gives up with a readable error.
 */
export const waitForSubgraphs = async (subgraphs: readonly SubgraphEndpoint[], options: WaitOptions): Promise<void> => {
  const retryEveryMs = options.retryEveryMs ?? 500;
  const reportEveryMs = options.reportEveryMs ?? 10_000;
  const startedAt = Date.now();
  const pending = new Map<SubgraphEndpoint, string>(subgraphs.map((subgraph) => [subgraph, 'not tried yet']));
  let lastReportAt = startedAt;
  let announced = false;

  for (;;) {
    const results = await Promise.all([...pending.keys()].map(async (subgraph) => [subgraph, await probeSubgraph(subgraph)] as const));
    for (const [subgraph, reason] of results) {
      if (reason === null) {
        pending.delete(subgraph);
        if (announced) options.logger.log(`Subgraph ${subgraph.name} is answering at ${subgraph.url}`);
      } else {
        pending.set(subgraph, reason);
      }
    }
    const elapsed = Date.now() - startedAt;
    if (pending.size === 0) {
      options.logger.log(`All ${subgraphs.length} subgraphs answered after ${(elapsed / 1000).toFixed(1)}s; composing the supergraph`);
      return;
    }
    const waitingFor = [...pending].map(([subgraph, reason]) => `${subgraph.name} at ${subgraph.url} (${reason})`).join(', ');
    if (!announced) {
      options.logger.log(`Waiting up to ${Math.round(options.timeoutMs / 1000)}s for subgraphs to answer: ${waitingFor}`);
      announced = true;
    } else if (Date.now() - lastReportAt >= reportEveryMs) {
      options.logger.warn(`Still waiting after ${Math.round(elapsed / 1000)}s for: ${waitingFor}`);
      lastReportAt = Date.now();
    }
    if (elapsed + retryEveryMs > options.timeoutMs) throw new SubgraphsUnavailableError(elapsed, pending);
    await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
  }
};
