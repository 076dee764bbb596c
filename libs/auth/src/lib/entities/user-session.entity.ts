import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';
import { User } from './user.entity';

/**
 * A browser session: what the `ls_session` cookie of `POST /user/login` stands for. The cookie's
 * token itself is never stored: a request is matched by its SHA-256.
 */
@Entity('user_session')
export class UserSession {
  @PrimaryGeneratedColumn()
  id!: number;

  /** SHA-256 of the cookie's token, hex. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  token_hash!: string;

  @Index()
  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreatedAtColumn()
  created_at!: Date;

  /** When the session was last used, to the minute (see `SessionsService`). */
  @TimestampColumn()
  last_seen_at!: Date;

  @TimestampColumn()
  expires_at!: Date;

  @TimestampColumn({ nullable: true })
  revoked_at!: Date | null;

  /** For the record: who signed in from where. */
  @Column({ type: 'varchar', length: 512, default: '' })
  user_agent!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip_address!: string;
}
