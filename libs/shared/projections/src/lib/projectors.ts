import type { ReadModelFreshness } from '@tendril/shared/ddd';
import { assertEntitiesRegistered } from './checkpoint-transaction';
import { ProjectionSetupError } from './errors';
import type { Projection, ProjectionEntity } from './projection';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { Projector, type ProjectorOptions, type ProjectorStatus } from './projector';

export interface ProjectorsOptions extends Omit<ProjectorOptions, 'projection'> {
  readonly projections: readonly Projection[];
}

/** Every entity a set of projections needs in the DataSource: the checkpoint table and their own tables. */
export const projectionEntities = (projections: readonly Projection[]): ProjectionEntity[] => [
  ProjectionCheckpointEntity,
  ...new Set(projections.flatMap((projection) => projection.entities)),
];

/** A service's projectors: one per projection, each with its own checkpoint, started and stopped together. */
export class Projectors implements ReadModelFreshness {
  readonly projectors: readonly Projector[];

  constructor(private readonly options: ProjectorsOptions) {
    const names = options.projections.map((projection) => projection.name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated !== undefined) throw new ProjectionSetupError(`Two projections are named "${repeated}"`);
    this.projectors = options.projections.map((projection) => new Projector({ ...options, projection }));
  }

  async start(): Promise<void> {
    assertEntitiesRegistered(this.options.dataSource, this.options.projections);
    await Promise.all(this.projectors.map((projector) => projector.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.projectors.map((projector) => projector.stop()));
  }

  /** Resolves when every projection shows the log up to `position`; rejects with ProjectionTimeoutError otherwise. */
  async waitForPosition(position: number, timeoutMs: number): Promise<void> {
    await Promise.all(this.projectors.map((projector) => projector.waitForPosition(position, timeoutMs)));
  }

  status(): ProjectorStatus[] {
    return this.projectors.map((projector) => projector.status());
  }

  get(name: string): Projector {
    const projector = this.projectors.find((candidate) => candidate.name === name);
    if (!projector) throw new ProjectionSetupError(`No projection named "${name}"`);
    return projector;
  }
}
