import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';

/**
 * A personal access token (a long-lived JWT refresh token) that was issued. Only its header and
 * payload are kept: the signature, which makes it usable, is shown once at creation.
 */
@Entity('jwt_refresh_token')
export class JwtRefreshToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  jti!: string;

  @Index()
  @Column({ type: 'integer' })
  user_id!: number;

  /** `header.payload` of the JWT, as the token list shows it. */
  @Column({ type: 'text' })
  truncated_token!: string;

  @CreatedAtColumn()
  created_at!: Date;

  @TimestampColumn()
  expires_at!: Date;

  @TimestampColumn({ nullable: true })
  blacklisted_at!: Date | null;
}
