import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Organization } from './organization.entity';
import { User } from './user.entity';

export const MEMBER_TAG_IMPORT_STATUSES = [
  'created',
  'in_progress',
  'completed',
  'failed',
] as const;
export type MemberTagImportStatus = (typeof MEMBER_TAG_IMPORT_STATUSES)[number];

/**
 * A CSV import of member tags, run as a job. The file waits in `csv` until the job has finished
 * (a worker may run on another machine than the API); `rows_done` is how far the job got, so a
 * rerun after a crash resumes after the last batch it committed.
 */
@Entity('organization_member_tag_import')
export class OrganizationMemberTagImport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 16, default: 'created' })
  status!: MemberTagImportStatus;

  @Column({ type: 'integer', default: 0 })
  tags_created!: number;

  @Column({ type: 'integer', default: 0 })
  assignments_created!: number;

  /** Emails of rows that name no member of the organization. */
  @JsonColumn()
  users_skipped!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Labels added to every row's user (`bulk_tags`). */
  @JsonColumn()
  bulk_tags!: string[];

  /** The uploaded file, emptied once the job has finished; read only by the job. */
  @Column({ type: 'text', select: false })
  csv!: string;

  @Column({ type: 'integer', default: 0 })
  rows_done!: number;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  finished_at!: Date | null;
}
