import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn } from '@ls/core';
import { Organization } from './organization.entity';

@Entity('htx_user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lower-cased: emails are unique whatever their case. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 256 })
  username!: string;

  /** argon2id hash; never leaves the auth library. */
  @Column({ type: 'varchar', length: 256, select: false })
  password!: string;

  @Column({ type: 'varchar', length: 256, default: '' })
  first_name!: string;

  @Column({ type: 'varchar', length: 256, default: '' })
  last_name!: string;

  @Column({ type: 'varchar', length: 256, default: '' })
  phone!: string;

  @Column({ type: 'varchar', length: 2048, default: '' })
  avatar_url!: string;

  @Column({ type: 'boolean', nullable: true })
  allow_newsletters!: boolean | null;

  @JsonColumn({ nullable: true })
  custom_hotkeys!: Record<string, unknown> | null;

  @Column({ type: 'integer', nullable: true })
  active_organization_id!: number | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'active_organization_id' })
  active_organization?: Organization | null;

  @Column({ type: 'boolean', default: true })
  is_active!: boolean;

  @CreatedAtColumn()
  date_joined!: Date;

  @TimestampColumn({ nullable: true })
  last_activity!: Date | null;
}
