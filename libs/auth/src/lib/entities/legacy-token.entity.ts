import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';

/**
 * The `Authorization: Token <key>` credential, one per user. The key itself is never stored: a
 * request is matched by the key's SHA-256, and `GET /api/current-user/token` shows the key from a
 * copy sealed with the server's secret (see `SecretBox`).
 */
@Entity('authtoken_token')
export class LegacyToken {
  /** SHA-256 of the key, hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key_hash!: string;

  /** The key sealed by `SecretBox`; null for keys made before keys were sealed. */
  @Column({ type: 'text', nullable: true })
  key_sealed!: string | null;

  @Index({ unique: true })
  @Column({ type: 'integer' })
  user_id!: number;

  @CreatedAtColumn()
  created!: Date;
}
