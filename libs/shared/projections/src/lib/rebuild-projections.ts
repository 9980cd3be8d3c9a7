import type { EventStore, RecordedEvent } from '@tendril/shared/event-store';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { applyBatch, assertEntitiesRegistered, resetProjection, type Checkpoint } from './checkpoint-transaction';
import { matchesFilter, type Projection } from './projection';

export interface RebuildProgress {
  start(projection: string, headPosition: number): void;
  /** After each committed batch: the position reached and the events applied so far. */
  update(projection: string, position: number, events: number): void;
  stop(projection: string): void;
}

export interface RebuildProjectionsOptions {
  readonly dataSource: DataSource;
  readonly store: Pick<EventStore, 'readAll' | 'headPosition'>;
  readonly projections: readonly Projection[];
  /** true: a progress bar per projection on stderr (cli-progress); or your own reporter. */
  readonly progress?: boolean | RebuildProgress;
  /** Events per transaction. Defaults to 500. */
  readonly batchSize?: number;
}

export interface RebuildResult {
  readonly projection: string;
  readonly events: number;
  readonly checkpoint: Checkpoint;
  readonly durationMs: number;
}

/**
 * One cli-progress bar per projection on stderr (so the CLI's own output stays clean); when stderr is
 * not a terminal (CI, logs), one plain line per projection when it is done instead.
 */
export const cliProgressBars = (stream: NodeJS.WriteStream = process.stderr): RebuildProgress & { close(): void } => {
  if (!stream.isTTY) {
    const reached = new Map<string, { position: number; events: number; head: number }>();
    return {
      start: (projection, head) => reached.set(projection, { position: 0, events: 0, head }),
      update: (projection, position, events) => {
        const entry = reached.get(projection);
        if (entry) reached.set(projection, { ...entry, position, events });
      },
      stop: (projection) => {
        const entry = reached.get(projection);
        if (entry) stream.write(`${projection}: rebuilt from ${entry.events} events (log head ${entry.head})\n`);
      },
      close: () => undefined,
    };
  }
  const multibar = new MultiBar(
    {
      format: '{projection} |{bar}| {percentage}% | position {value}/{total} | {events} events',
      hideCursor: true,
      barsize: 24,
      stream,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  return {
    start: (projection, headPosition) => {
      bars.set(projection, multibar.create(headPosition, 0, { projection, events: 0 }));
    },
    update: (projection, position, events) => {
      const bar = bars.get(projection);
      if (!bar) return;
      if (position > bar.getTotal()) bar.setTotal(position);
      bar.update(position, { projection, events });
    },
    stop: (projection) => {
      const bar = bars.get(projection);
      if (bar) bar.update(bar.getTotal());
    },
    close: () => multibar.stop(),
  };
};

const silent: RebuildProgress = { start: () => undefined, update: () => undefined, stop: () => undefined };

/**
 * Empties each projection's tables and checkpoint (one transaction), then replays the log from the
 * start in batches, each committed with the checkpoint like the projector does, so an interrupted
 * rebuild is picked up by the projector where it stopped. Projections are rebuilt one after another.
 * Safe while projectors run: they notice the checkpoint moved back and follow the log again from there.
 */
export const rebuildProjections = async (options: RebuildProjectionsOptions): Promise<RebuildResult[]> => {
  const { dataSource, store, projections } = options;
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  assertEntitiesRegistered(dataSource, projections);
  const bars = options.progress === true ? cliProgressBars() : null;
  const progress: RebuildProgress = bars ?? (typeof options.progress === 'object' ? options.progress : silent);
  const results: RebuildResult[] = [];
  try {
    for (const projection of projections) {
      const startedAt = Date.now();
      progress.start(projection.name, (await store.headPosition()) ?? 0);
      await resetProjection(dataSource, projection);
      let checkpoint: Checkpoint = null;
      let events = 0;
      let batch: RecordedEvent[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const outcome = await applyBatch(dataSource, projection, batch, checkpoint);
        if (outcome.kind === 'rewound') {
          throw new Error(
            `Rebuild of "${projection.name}" interrupted: its checkpoint was reset again meanwhile (is another rebuild running?)`,
          );
        }
        checkpoint = outcome.checkpoint;
        events += outcome.applied;
        batch = [];
        if (checkpoint !== null) progress.update(projection.name, checkpoint, events);
      };
      for await (const event of store.readAll({ fromPosition: 'start', filter: projection.filter })) {
        if (!matchesFilter(event, projection.filter)) continue;
        batch.push(event);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      progress.stop(projection.name);
      results.push({ projection: projection.name, events, checkpoint, durationMs: Date.now() - startedAt });
    }
  } finally {
    bars?.close();
  }
  return results;
};
