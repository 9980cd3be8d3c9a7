export {
  connectEventStoreDb,
  EventStoreDbEventStore,
  type EventStoreDbOptions,
  redactConnectionString,
} from './lib/eventstoredb-event-store';
export { StreamDeletedError } from './lib/esdb-errors';
export { UnsupportedEsdbPositionError } from './lib/esdb-position';
