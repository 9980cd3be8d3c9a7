import type { RecordedEvent } from '@tendril/shared/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { ProjectionApplyError, ProjectionSetupError } from './errors';
import type { Projection, ProjectedEvent } from './projection';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';

export type Checkpoint = number | null;

/** True when an event at `position` comes after the checkpoint. */
export const isAfter = (position: number, checkpoint: Checkpoint): boolean => checkpoint === null || position > checkpoint;

const isPostgres = (dataSource: DataSource): boolean => dataSource.options.type === 'postgres';

// TypeORM's SQLite drivers share one connection per DataSource: two transactions started at once would
// nest (the second becomes a savepoint of the first). Projection transactions on one SQLite DataSource
// therefore queue here, one at a time.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export const inTransaction = <T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> => {
  if (isPostgres(dataSource)) return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next);
  return next;
};

export const assertEntitiesRegistered = (dataSource: DataSource, projections: readonly Projection[]): void => {
  if (!dataSource.hasMetadata(ProjectionCheckpointEntity)) {
    throw new ProjectionSetupError(
      'ProjectionCheckpointEntity is not an entity of this DataSource: add PROJECTION_ENTITIES to its entities',
    );
  }
  for (const projection of projections) {
    for (const entity of projection.entities) {
      if (!dataSource.hasMetadata(entity)) {
        throw new ProjectionSetupError(
          `Projection "${projection.name}" owns an entity that is not registered in the DataSource: ${String(
            typeof entity === 'function' ? entity.name : entity,
          )}`,
        );
      }
    }
  }
};

/**
 * Makes sure the checkpoint row exists and locks it for the rest of the transaction, then reads it.
 * PostgreSQL: SELECT ... FOR UPDATE, so instances applying the same projection take turns batch by batch.
 * SQLite: the INSERT OR IGNORE is a write, which takes the database's write lock before anything is read.
 */
export const lockCheckpoint = async (tx: EntityManager, projection: string): Promise<Checkpoint> => {
  await tx
    .createQueryBuilder()
    .insert()
    .into(ProjectionCheckpointEntity)
    .values({ projectionName: projection, position: null, updatedAt: new Date().toISOString() })
    .orIgnore()
    .execute();
  const query = tx
    .getRepository(ProjectionCheckpointEntity)
    .createQueryBuilder('checkpoint')
    .where('checkpoint.projectionName = :projection', { projection });
  if (tx.connection.options.type === 'postgres') query.setLock('pessimistic_write');
  const row = await query.getOne();
  return row?.position ?? null;
};

export const writeCheckpoint = async (tx: EntityManager, projection: string, position: Checkpoint): Promise<void> => {
  await tx
    .getRepository(ProjectionCheckpointEntity)
    .update({ projectionName: projection }, { position, updatedAt: new Date().toISOString() });
};

export const readCheckpoint = async (dataSource: DataSource, projection: string): Promise<Checkpoint> => {
  const read = async (manager: EntityManager) =>
    (await manager.getRepository(ProjectionCheckpointEntity).findOneBy({ projectionName: projection }))?.position ?? null;
  // On SQLite, read through the queue so a half-done projection transaction is never seen.
  return isPostgres(dataSource) ? read(dataSource.manager) : inTransaction(dataSource, read);
};

export type BatchOutcome =
  /** Committed: the checkpoint is now here (it may be past the batch when another instance got further). */
  | { readonly kind: 'committed'; readonly checkpoint: Checkpoint; readonly applied: number }
  /** The stored checkpoint is behind the one the batch follows (a rebuild reset it): nothing was applied. */
  | { readonly kind: 'rewound'; readonly checkpoint: Checkpoint };

/**
 * The heart of exactly-once: in one transaction, lock and read the stored checkpoint, apply only the
 * events after it, and move it to the last one. A crash anywhere rolls back rows and checkpoint together.
 * `follows` is the checkpoint the caller's events come after.
 */
export const applyBatch = (
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  follows: Checkpoint,
): Promise<BatchOutcome> =>
  inTransaction(dataSource, async (tx): Promise<BatchOutcome> => {
    const stored = await lockCheckpoint(tx, projection.name);
    if (follows !== null && !(stored !== null && stored >= follows)) return { kind: 'rewound', checkpoint: stored };
    let checkpoint = stored;
    let applied = 0;
    for (const event of events) {
      if (!isAfter(event.position, checkpoint)) continue;
      try {
        await projection.apply(event as ProjectedEvent, tx);
      } catch (error) {
        throw new ProjectionApplyError(projection.name, event, error);
      }
      checkpoint = event.position;
      applied++;
    }
    if (checkpoint !== stored) await writeCheckpoint(tx, projection.name, checkpoint);
    return { kind: 'committed', checkpoint, applied };
  });

/** Empties the projection's tables and its checkpoint in one transaction (rebuild's first step). */
export const resetProjection = (dataSource: DataSource, projection: Projection): Promise<void> =>
  inTransaction(dataSource, async (tx) => {
    await lockCheckpoint(tx, projection.name);
    if (projection.reset) {
      await projection.reset(tx);
    } else {
      for (const entity of [...projection.entities].reverse()) {
        await tx.createQueryBuilder().delete().from(entity).execute();
      }
    }
    await writeCheckpoint(tx, projection.name, null);
  });
