import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first result of a mutation, kept so a retry with the same key returns it and writes nothing new. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 200 })
  operation!: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'text' })
  resultJson!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
