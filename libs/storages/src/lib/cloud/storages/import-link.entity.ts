import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';
import { Task } from '@ls/tasks';
import { CloudStorage } from './cloud-storage.entity';

/**
 * A task made from an object of an import storage. One object gives one task, or one per
 * element of a JSON list (`row_index`); the unique key makes a second sync of the same object,
 * even a concurrent one, fail instead of adding a duplicate. Deleting the task deletes its link,
 * so a later sync makes it again, as Label Studio does.
 */
@Entity('io_storage_import_link')
@Index(['storage_id', 'key', 'row_index'], { unique: true })
export class StorageImportLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  storage_id!: number;

  @ManyToOne(() => CloudStorage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'storage_id' })
  storage?: CloudStorage;

  @Column({ type: 'integer' })
  @Index()
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'varchar', length: 2048 })
  key!: string;

  /** Position in the object's JSON list; -1 for an object that is one task. */
  @Column({ type: 'integer', default: -1 })
  row_index!: number;

  @CreatedAtColumn()
  created_at!: Date;
}
