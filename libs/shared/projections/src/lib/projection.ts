import type { DomainEvent } from '@tendril/shared/ddd';
import type { LogFilter, RecordedEvent } from '@tendril/shared/event-store';
import type { EntityManager, EntitySchema, FindOptionsWhere, ObjectLiteral, ObjectType } from 'typeorm';

/** An entity class (or schema) a projection writes: what a DataSource's `entities` takes. */
export type ProjectionEntity<TRow extends ObjectLiteral = ObjectLiteral> = ObjectType<TRow> | EntitySchema<TRow>;

/** A recorded event typed as one of the projection's domain events. */
export type ProjectedEvent<TEvent extends DomainEvent = DomainEvent> = TEvent & Omit<RecordedEvent, 'type' | 'data'>;

/**
 * A read model fed by the log. `apply` changes rows through the transaction it is given (and
 * nothing else: no other I/O, no clock); the projector commits those rows together with the checkpoint.
 */
export interface Projection<TEvent extends DomainEvent = DomainEvent> {
  /** Stable: the checkpoint is stored under it. Renaming a projection rebuilds it from the start. */
  readonly name: string;
  /** The events it wants; the subscription filters on it. */
  readonly filter: LogFilter;
  /** The tables it owns: they must be registered in the DataSource, and a rebuild clears them (last first). */
  readonly entities: readonly ProjectionEntity[];
  apply(event: ProjectedEvent<TEvent>, tx: EntityManager): Promise<void>;
  /** Replaces the default reset of a rebuild (DELETE FROM each entity, last first). */
  reset?(tx: EntityManager): Promise<void>;
}

export interface RowProjectionDefinition<TRow extends ObjectLiteral, TEvent extends DomainEvent> {
  readonly name: string;
  readonly entity: ProjectionEntity<TRow>;
  /** The event types `evolve` handles: the subscription delivers only these. */
  readonly eventTypes: readonly TEvent['type'][];
  readonly streamPrefixes?: readonly string[];
  /** The primary key of the row an event changes, or null when the event changes no row. */
  rowKey(event: ProjectedEvent<TEvent>): FindOptionsWhere<TRow> | null;
  /** Pure: the row after the event from the row before it (null when there is none). Null deletes it. */
  evolve(row: TRow | null, event: ProjectedEvent<TEvent>): TRow | null;
}

/**
 * The common case, one event changes at most one row: write `evolve` as a pure function over rows
 * (unit-test it with plain objects) and let this load, insert, update or delete the row.
 */
export const rowProjection = <TRow extends ObjectLiteral, TEvent extends DomainEvent>(
  definition: RowProjectionDefinition<TRow, TEvent>,
): Projection<TEvent> & { evolve: RowProjectionDefinition<TRow, TEvent>['evolve'] } => ({
  name: definition.name,
  filter: {
    eventTypes: definition.eventTypes,
    ...(definition.streamPrefixes ? { streamPrefixes: definition.streamPrefixes } : {}),
  },
  entities: [definition.entity],
  evolve: definition.evolve,
  async apply(event, tx) {
    const key = definition.rowKey(event);
    if (key === null) return;
    const repository = tx.getRepository(definition.entity);
    const before = await repository.findOneBy(key);
    const after = definition.evolve(before, event);
    if (after === before) return;
    if (after === null) {
      await repository.delete(key);
    } else if (before === null) {
      await repository.insert(after);
    } else {
      await repository.update(key, after);
    }
  },
});

/** Whether a recorded event passes a log filter (the subscription already filters; rebuild double-checks). */
export const matchesFilter = (event: Pick<RecordedEvent, 'type' | 'streamName'>, filter: LogFilter): boolean =>
  (filter.eventTypes === undefined || filter.eventTypes.includes(event.type)) &&
  (filter.streamPrefixes === undefined || filter.streamPrefixes.some((prefix) => event.streamName.startsWith(prefix)));
