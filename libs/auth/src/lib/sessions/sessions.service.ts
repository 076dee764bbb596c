import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import { AppConfig, PreparedQueries } from '@ls/core';
import { newSessionToken, SESSION_TOKEN_PATTERN, tokenHash } from '../credentials/random-tokens';
import { SessionPolicy } from '../entities/session-policy.entity';
import { User } from '../entities/user.entity';
import { UserSession } from '../entities/user-session.entity';

/** `last_seen_at` is kept to the minute: at most one write per session and minute. */
const TOUCH_EVERY_MS = 60_000;
const MINUTE_MS = 60_000;
/** Ended sessions are kept this long for the record, then deleted when their user signs in. */
const KEEP_ENDED_MS = 30 * 24 * 60 * MINUTE_MS;

/** A session just opened: the cookie's token (shown once) and how long it lasts. */
export interface OpenedSession {
  token: string;
  session: UserSession;
  maxAgeSeconds: number;
}

/** Who signed in from where, kept with the session for the record. */
export interface SessionOrigin {
  userAgent?: string;
  ip?: string;
}

/** The policy columns of the session-by-token query: minutes, null without a policy. */
interface PolicyLimits {
  maxAgeMinutes: number | null;
  maxIdleMinutes: number | null;
}

const minutesOf = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);

/**
 * Browser sessions, stored in the database (`user_session`). A session lasts the session policy's
 * `max_session_age` of the user's active organization, else `SESSION_MAX_AGE`; with a policy it
 * also ends after `max_time_between_activity` unused. Both limits of the policy apply to sessions
 * already open, as the policy is read with the session on every request. Nothing about a session
 * is cached: a revocation holds on the next request, in every process.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly byTokenSql: string;

  constructor(
    private readonly config: AppConfig,
    private readonly prepared: PreparedQueries,
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    @InjectRepository(SessionPolicy) private readonly policies: Repository<SessionPolicy>,
  ) {
    this.byTokenSql = `SELECT ${prepared.selectList(UserSession, 's')},
        p.max_session_age AS policy_max_age, p.max_time_between_activity AS policy_max_idle
      FROM user_session s
      JOIN htx_user u ON u.id = s.user_id
      LEFT JOIN session_timeout_policy p ON p.organization_id = u.active_organization_id
      WHERE s.token_hash = $1`;
  }

  /** A new session of `user`. */
  async open(user: User, origin: SessionOrigin = {}): Promise<OpenedSession> {
    const maxAgeSeconds = await this.lifetimeSeconds(user);
    const now = Date.now();
    const token = newSessionToken();
    await this.sessions.delete({
      user_id: user.id,
      expires_at: LessThan(new Date(now - KEEP_ENDED_MS)),
    });
    const session = await this.sessions.save(
      this.sessions.create({
        token_hash: tokenHash(token),
        user_id: user.id,
        last_seen_at: new Date(now),
        expires_at: new Date(now + maxAgeSeconds * 1000),
        revoked_at: null,
        user_agent: (origin.userAgent ?? '').slice(0, 512),
        ip_address: (origin.ip ?? '').slice(0, 64),
      }),
    );
    return { token, session, maxAgeSeconds };
  }

  /** The session of `token` when it is still live (not revoked, expired or idle too long), else null. */
  async find(token: string): Promise<UserSession | null> {
    if (!SESSION_TOKEN_PATTERN.test(token)) return null;
    const [row] = await this.prepared.rows('auth.session-by-token', this.byTokenSql, [
      tokenHash(token),
    ]);
    if (!row) return null;
    const session = this.prepared.hydrate(UserSession, row);
    const limits = {
      maxAgeMinutes: minutesOf(row.policy_max_age),
      maxIdleMinutes: minutesOf(row.policy_max_idle),
    };
    const now = Date.now();
    if (!isLive(session, limits, now)) return null;
    this.touch(session, now);
    return session;
  }

  /** Ends the session of `token` (nothing when there is none). */
  async revoke(token: string): Promise<void> {
    if (!SESSION_TOKEN_PATTERN.test(token)) return;
    await this.sessions.update(
      { token_hash: tokenHash(token), revoked_at: IsNull() },
      { revoked_at: new Date() },
    );
  }

  /** Ends every session of the user, but `exceptSessionId` when given (the caller's own). */
  async revokeAllOf(userId: number, exceptSessionId?: number): Promise<void> {
    await this.sessions.update(
      {
        user_id: userId,
        revoked_at: IsNull(),
        ...(exceptSessionId === undefined ? {} : { id: Not(exceptSessionId) }),
      },
      { revoked_at: new Date() },
    );
  }

  private async lifetimeSeconds(user: User): Promise<number> {
    const policy = user.active_organization_id
      ? await this.policies.findOneBy({ organization_id: user.active_organization_id })
      : null;
    return policy ? policy.max_session_age * 60 : this.config.SESSION_MAX_AGE;
  }

  /** Records that the session is in use, without making the request wait for it. */
  private touch(session: UserSession, now: number): void {
    if (now - session.last_seen_at.getTime() < TOUCH_EVERY_MS) return;
    this.sessions
      .createQueryBuilder()
      .update()
      .set({ last_seen_at: new Date(now) })
      .where('id = :id AND last_seen_at < :cutoff', {
        id: session.id,
        cutoff: new Date(now - TOUCH_EVERY_MS),
      })
      .callListeners(false)
      .execute()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'last_seen_at not recorded'));
  }
}

function isLive(session: UserSession, limits: PolicyLimits, now: number): boolean {
  if (session.revoked_at !== null || session.expires_at.getTime() <= now) return false;
  const { maxAgeMinutes, maxIdleMinutes } = limits;
  if (maxAgeMinutes !== null && session.created_at.getTime() + maxAgeMinutes * MINUTE_MS <= now) {
    return false;
  }
  return (
    maxIdleMinutes === null || now - session.last_seen_at.getTime() <= maxIdleMinutes * MINUTE_MS
  );
}
