import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Projectors } from '@tendril/shared/projections';

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
