import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { connectEventStoreDb } from '@tendril/shared/event-store-esdb';
import { openSqliteEventStore } from '@tendril/shared/event-store-sqlite';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PLATFORM_CONFIG, type PlatformConfig } from './platform-config';

export const openConfiguredEventStore = async (config: PlatformConfig): Promise<EventStore> => {
  if (config.eventStore.kind === 'eventstoredb') {
    return connectEventStoreDb({ connectionString: config.eventStore.connectionString });
  }
  fs.mkdirSync(path.dirname(config.eventStore.path), { recursive: true });
  return openSqliteEventStore({ path: config.eventStore.path });
};

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig) => openConfiguredEventStore(config),
};

/** Closes the store last, after the HTTP server stopped taking requests, so in-flight appends finish. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.store.close();
    this.logger.log(`Event store closed${signal ? ` after ${signal}` : ''}`);
  }
}
