import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';

/** The `Authorization: Token <key>` credential: one per user, 40 hex characters. */
@Entity('authtoken_token')
export class LegacyToken {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  user_id!: number;

  @CreatedAtColumn()
  created!: Date;
}
