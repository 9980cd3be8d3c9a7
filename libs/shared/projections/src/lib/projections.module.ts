import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { READ_MODEL_FRESHNESS } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import type { DataSource } from 'typeorm';
import type { Projection } from './projection';
import type { RetryPolicy } from './projector';
import { Projectors } from './projectors';

export interface ProjectionsModuleOptions {
  readonly projections: readonly Projection[];
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  /** Start the projectors when the application boots. Defaults to true. */
  readonly autoStart?: boolean;
}


@Injectable()
class ProjectorsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly projectors: Projectors,
    private readonly autoStart: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.autoStart) await this.projectors.start();
  }

  // Before onApplicationShutdown, where the event store and the DataSource are closed.
  async beforeApplicationShutdown(): Promise<void> {
    await this.projectors.stop();
  }
}

/**
 * Runs a service's projectors inside Nest: started once the application has booted, stopped before
 * the event store and the DataSource close. Needs the EVENT_STORE provider and a TypeORM DataSource
 * whose entities include `projectionEntities(projections)`. Provides `Projectors` and the
 * READ_MODEL_FRESHNESS port (waitForPosition) to the whole application.
 */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        {
          provide: Projectors,
          inject: [getDataSourceToken(), EVENT_STORE],
          useFactory: (dataSource: DataSource, store: EventStore) =>
            new Projectors({
              dataSource,
              store,
              projections: options.projections,
              logger: new Logger('Projections'),
              ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
              ...(options.retry === undefined ? {} : { retry: options.retry }),
            }),
        },
        { provide: READ_MODEL_FRESHNESS, useExisting: Projectors },
        {
          provide: ProjectorsLifecycle,
          inject: [Projectors],
          useFactory: (projectors: Projectors) => new ProjectorsLifecycle(projectors, options.autoStart ?? true),
        },
      ],
      exports: [Projectors, READ_MODEL_FRESHNESS],
    };
  }
}
