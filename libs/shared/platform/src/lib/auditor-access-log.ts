import type { Actor, EventStore, RecordedEvent } from '@tendril/shared/event-store';
import { NO_STREAM } from '@tendril/shared/event-store';
import { randomUUID } from 'node:crypto';

// The auditors' access log: one event per query an auditor makes, in the same hash-chained log as every
// decision. Each record is its own stream, appended with NO_STREAM, so concurrent reads never contend and
// no command of any context writes to these streams (see ADR 0018).

export const AUDITOR_ACCESS_STREAM_PREFIX = 'auditor-access-';
export const AUDITOR_QUERY_RECORDED = 'AuditorQueryRecorded';

export const ELIDED = '[elided]';

/** Argument names whose values are never copied into the log: secrets, free text that may hold personal data. */
const SENSITIVE_ARGUMENT = /password|secret|token|credential|content|answer|question|statement|observation|justification|response|note|comment|email|phone|name$/i;

export interface AuditorQueryRecordedData {
  readonly accessId: string;
  /** The service that answered (each service records its own auditor reads). */
  readonly service: string;
  /** The root field asked for, e.g. `tenderAsOf`. */
  readonly field: string;
  /** The client's operation name, when it sent one. */
  readonly operationName: string | null;
  /** The field's arguments with sensitive values replaced by `[elided]`. */
  readonly arguments: Readonly<Record<string, unknown>>;
  /** Ids named in the arguments (`id`, `tenderId`, `contractId`...): what the auditor looked at. */
  readonly entityIds: readonly string[];
  readonly requestedAt: string;
}

export interface AuditorQuery {
  readonly service: string;
  readonly field: string;
  readonly operationName: string | null;
  readonly args: Readonly<Record<string, unknown>>;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly now: Date;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** A JSON-safe copy of the arguments with every sensitive value elided, however deeply nested. */
export const elideSensitiveArguments = (value: unknown, key = ''): unknown => {
  if (key !== '' && SENSITIVE_ARGUMENT.test(key) && value !== null && value !== undefined) return ELIDED;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => elideSensitiveArguments(item, key));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, elideSensitiveArguments(v, k)]));
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return value === undefined ? null : String(value);
};

/** The ids an auditor's arguments name, in argument order, without repeats. */
export const entityIdsOf = (args: Readonly<Record<string, unknown>>): string[] => {
  const ids: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string' && (key === 'id' || /Id$/.test(key)) && !ids.includes(value)) ids.push(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (isPlainObject(value)) Object.entries(value).forEach(([k, v]) => visit(v, k));
  };
  Object.entries(args).forEach(([k, v]) => visit(v, k));
  return ids;
};

/** Appends the record of one auditor query; resolves only once the record is durable in the log. */
export const recordAuditorQuery = async (store: Pick<EventStore, 'appendToStream'>, query: AuditorQuery): Promise<AuditorQueryRecordedData> => {
  const accessId = randomUUID();
  const data: AuditorQueryRecordedData = {
    accessId,
    service: query.service,
    field: query.field,
    operationName: query.operationName,
    arguments: elideSensitiveArguments(query.args) as Record<string, unknown>,
    entityIds: entityIdsOf(query.args),
    requestedAt: query.now.toISOString(),
  };
  await store.appendToStream(
    `${AUDITOR_ACCESS_STREAM_PREFIX}${accessId}`,
    [
      {
        type: AUDITOR_QUERY_RECORDED,
        data,
        metadata: {
          eventId: randomUUID(),
          schemaVersion: 1,
          occurredAt: query.now.toISOString(),
          correlationId: query.correlationId,
          causationId: null,
          actor: query.actor,
        },
      },
    ],
    { expectedRevision: NO_STREAM },
  );
  return data;
};

export interface AccessLogFilter {
  readonly userId?: string;
  readonly field?: string;
  readonly entityId?: string;
  readonly service?: string;
  /** Inclusive instants. */
  readonly from?: Date;
  readonly to?: Date;
}

export interface AccessLogEntry extends AuditorQueryRecordedData {
  readonly position: number;
  readonly actor: Actor;
  readonly correlationId: string;
}

export interface AccessLogPage {
  readonly entries: readonly AccessLogEntry[];
  /** Pass as `after` for the next (older) page; null when there is none. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

const matches = (entry: AccessLogEntry, filter: AccessLogFilter): boolean => {
  const at = Date.parse(entry.requestedAt);
  return (
    (filter.userId === undefined || entry.actor.userId === filter.userId) &&
    (filter.field === undefined || entry.field === filter.field) &&
    (filter.service === undefined || entry.service === filter.service) &&
    (filter.entityId === undefined || entry.entityIds.includes(filter.entityId)) &&
    (filter.from === undefined || at >= filter.from.getTime()) &&
    (filter.to === undefined || at <= filter.to.getTime())
  );
};

const toEntry = (event: RecordedEvent): AccessLogEntry => ({
  ...(event.data as AuditorQueryRecordedData),
  position: event.position,
  actor: event.metadata.actor,
  correlationId: event.metadata.correlationId,
});

const parseCursor = (after: string | null): number | null => {
  if (after === null) return null;
  if (!/^\d+$/.test(after)) throw new RangeError('`after` must be a cursor from an earlier page');
  return Number(after);
};

/**
 * The access log newest first, filtered, a page at a time. It reads the log backwards through the
 * store's stream-prefix filter and stops once the page is full, so it never loads the whole log.
 */
export const readAccessLog = async (
  store: Pick<EventStore, 'readAll'>,
  filter: AccessLogFilter,
  page: { readonly first: number; readonly after: string | null },
): Promise<AccessLogPage> => {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > 200) throw new RangeError('`first` must be between 1 and 200');
  const before = parseCursor(page.after);
  const entries: AccessLogEntry[] = [];
  let hasNextPage = false;
  const filterOfLog = { streamPrefixes: [AUDITOR_ACCESS_STREAM_PREFIX], eventTypes: [AUDITOR_QUERY_RECORDED] };
  for await (const event of store.readAll({ direction: 'backwards', fromPosition: before ?? 'end', filter: filterOfLog })) {
    // The cursor is the last position of the previous page: everything from it on was already given.
    if (before !== null && event.position >= before) continue;
    const entry = toEntry(event);
    if (!matches(entry, filter)) continue;
    if (entries.length === page.first) {
      hasNextPage = true;
      break;
    }
    entries.push(entry);
  }
  const last = entries[entries.length - 1];
  return { entries, endCursor: hasNextPage && last ? String(last.position) : null, hasNextPage };
};
