import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Shortlists and youth panel work for one tender. Read only through VisibleEvaluationPanelReadModel. */
@Entity({ name: 'evaluation_panel_view' })
export class EvaluationPanelRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tenderId!: string;
  @Index() @Column({ type: 'varchar', length: 64 }) commissionerOrganisationId!: string;
  @Column({ type: 'text' }) shortlistsJson!: string;
  @Column({ type: 'text' }) visitsJson!: string;
  /** Includes each score's pseudonymous panel member id, used only to show members their own scores. */
  @Column({ type: 'text' }) scoresJson!: string;
}
