import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import type { SelectedItems, StoredFilters } from './view-filters';

/**
 * A data manager tab of a project. The parts the task query reads are kept apart from the UI
 * state in `data` (as Label Studio keeps them in their own fields and tables) and folded back
 * into `data` by the representation. `filter_group` holds the filters as the UI sends them.
 */
@Entity('data_manager_view')
@Index(['project_id', 'order'])
export class View {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  user_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  @Column({ type: 'integer', nullable: true, default: 0 })
  order!: number | null;

  @JsonColumn({ nullable: true })
  data!: Record<string, unknown> | null;

  @JsonColumn({ nullable: true })
  ordering!: string[] | null;

  @JsonColumn({ nullable: true })
  selected_items!: SelectedItems | null;

  @JsonColumn({ nullable: true })
  filter_group!: StoredFilters | null;

  @Column({ type: 'boolean', default: false })
  is_locked!: boolean;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
