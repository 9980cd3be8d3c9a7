import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@eventstore/db-client';
import type { LogFilter } from '@tendril/shared/event-store';
import type { StreamNaming } from './esdb-stream-naming';

/**
 * The port's log filter as EventStoreDB can run it. The server applies one expression (on stream
 * names or on event types, not both), so `server` narrows what crosses the network and `accepts`
 * is the exact rule, checked on every event that arrives: no system events ($-types, $-streams),
 * only this store's namespace, and the port's filter (types exact, prefixes literal, both given
 * means both must match, an empty list matches nothing, as the SQLite adapter does).
 */
export interface EsdbLogFilter {
  readonly server: Filter;
  /** False when the filter can match nothing at all (an empty list), so callers need not ask the server. */
  readonly canMatch: boolean;
  accepts(storedStreamName: string, eventType: string): boolean;
}

/** Escapes a literal for a .NET regular expression (EventStoreDB evaluates filters in .NET). */
export const escapeDotNetRegex = (literal: string): string => literal.replace(/[\\^$.|?*+()[\]{}#\s]/g, (c) => `\\${c}`);

/** A regex that matches exactly one of the given event types. */
export const exactTypesRegex = (types: readonly string[]): string => `^(?:${types.map(escapeDotNetRegex).join('|')})$`;

export const buildEsdbLogFilter = (filter: LogFilter | undefined, naming: StreamNaming): EsdbLogFilter => {
  const types = filter?.eventTypes;
  const prefixes = filter?.streamPrefixes;
  const typeSet = types ? new Set(types) : null;
  const canMatch = !(types && types.length === 0) && !(prefixes && prefixes.length === 0);

  const accepts = (storedStreamName: string, eventType: string): boolean => {
    if (!canMatch || eventType.startsWith('$')) return false;
    const streamName = naming.fromStored(storedStreamName);
    if (streamName === null) return false;
    if (typeSet && !typeSet.has(eventType)) return false;
    if (prefixes && !prefixes.some((prefix) => streamName.startsWith(prefix))) return false;
    return true;
  };

  return { server: serverFilter(types, prefixes, naming, canMatch), canMatch, accepts };
};

const serverFilter = (
  types: readonly string[] | undefined,
  prefixes: readonly string[] | undefined,
  naming: StreamNaming,
  canMatch: boolean,
): Filter => {
  // (?!) never matches: the server sends checkpoints only, no events.
  if (!canMatch) return eventTypeFilter({ regex: '(?!)' });
  // Stream prefixes (or the namespace) are usually the narrowest thing the server can check.
  if (prefixes && prefixes.length > 0) {
    return streamNameFilter({ prefixes: prefixes.map((prefix) => `${naming.storedPrefix}${prefix}`) });
  }
  if (naming.namespace !== null) return streamNameFilter({ prefixes: [naming.storedPrefix] });
  if (types && types.length > 0) return eventTypeFilter({ regex: exactTypesRegex(types) });
  return excludeSystemEvents();
};
