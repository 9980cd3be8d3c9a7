import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

// PostgreSQL returns bigint as a string; positions stay below 2^53, so a number is exact.
const positionTransformer: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Where each projection has got to in the global log, written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoint' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ name: 'projection_name', type: 'varchar', length: 200 })
  projectionName!: string;

  /** Position of the last event applied; null before the first. */
  @Column({ name: 'position', type: 'bigint', nullable: true, transformer: positionTransformer })
  position!: number | null;

  /** ISO-8601; when the checkpoint last moved (or was reset), to see a stalled projection. */
  @Column({ name: 'updated_at', type: 'varchar', length: 40 })
  updatedAt!: string;
}

/** Add these to the read-model DataSource's entities (next to the projections' own). */
export const PROJECTION_ENTITIES = [ProjectionCheckpointEntity] as const;
