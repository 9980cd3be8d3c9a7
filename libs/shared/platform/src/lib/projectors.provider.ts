import {
  Inject,
  Injectable,
  type InjectionToken,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type Projection, Projectors } from '@tendril/shared/projections';
import type { DataSource } from 'typeorm';

export const PROJECTORS = Symbol.for('tendril.Projectors');

const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/** Starts the service's projectors once the app is up and stops them before the event store closes. */
@Injectable()
export class ProjectorsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projectors');

  constructor(@Inject(PROJECTORS) private readonly projectors: Projectors) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projectors.start();
    this.logger.log(`Started ${this.projectors.projectors.map((p) => p.name).join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
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
