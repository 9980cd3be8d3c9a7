import {
  Inject,
  Injectable,
  type InjectionToken,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type Projection, Projectors } from '@tendril/shared/projections';
import type { DataSource } from 'typeorm';

export const PROJECTORS = Symbol.for('tendril.Projectors');

const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/**
 * Starts the service's projectors once the app is up. Stops them at application shutdown, which Nest runs
 * after the HTTP server has finished its in-flight requests (so a mutation waiting for its read model still
 * gets it) and, the service module being the root, before the platform module closes the event store.
 */
@Injectable()
export class ProjectorsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projectors');

  constructor(@Inject(PROJECTORS) private readonly projectors: Projectors) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projectors.start();
    this.logger.log(`Started ${this.projectors.projectors.map((p) => p.name).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projectors.stop();
  }
}

/** Read-your-writes for resolvers: wait until every projection of this service has applied `position`. */
export const waitForProjectors = (projectors: Projectors) => ({
  waitForPosition: (position: number) => projectors.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS),
});

/**
 * The service's projectors as one provider: read-model projections, the integration publisher and
 * reactions, each checkpointed separately. `inject` lists extra providers `build` needs (reactions).
 */
export const projectorsProviders = <TDeps extends unknown[]>(
  build: (store: EventStore, ...deps: TDeps) => Projection[],
  inject: InjectionToken[] = [],
): Provider[] => [
  {
    provide: PROJECTORS,
    inject: [getDataSourceToken(), EVENT_STORE, ...inject],
    useFactory: (dataSource: DataSource, store: EventStore, ...deps: TDeps) =>
      new Projectors({ dataSource, store, projections: build(store, ...deps) }),
  },
  ProjectorsLifecycle,
];
