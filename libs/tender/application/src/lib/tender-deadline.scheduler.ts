import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tendril/shared/ddd';
import { CloseDueTendersCommand, FinaliseDueAwardsCommand } from './tender-commands';

export const TENDER_SCHEDULER_INTERVAL_MS = Symbol.for('tendril.tender.SchedulerIntervalMs');

/**
 * Closes tenders at their deadline, and makes awards final when their standstill ends, whether or not anyone
 * sends a request. It reads what is due from the read model on every tick, so it survives restarts: a
 * deadline or standstill that ended while the service was down is acted on at the first tick after start,
 * and an extended deadline is honoured because the read model holds the new one. Several instances may
 * tick at once; both actions are idempotent.
 */
@Injectable()
export class TenderDeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TenderDeadlineScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TENDER_SCHEDULER_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: close every open tender whose deadline has passed, then finalise every award whose standstill ended. Overlapping ticks are skipped. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const now = this.clock.now();
    this.running = this.commandBus
      .execute(new CloseDueTendersCommand(now))
      .catch((error: unknown) => this.logger.error(`Closing due tenders failed: ${error instanceof Error ? error.message : String(error)}`))
      .then(() => this.commandBus.execute(new FinaliseDueAwardsCommand(now)))
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`Finalising awards after standstill failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
