import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';

/** Secrets shared by every process of one server (the JWT signing key), kept in its database. */
@Entity('server_secret')
export class ServerSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 256 })
  value!: string;

  @CreatedAtColumn()
  created_at!: Date;
}
