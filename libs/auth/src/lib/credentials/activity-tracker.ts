import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../entities/user.entity';

/** `last_activity` is kept to the minute: at most one write per user and minute. */
const RESOLUTION_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** Keeps `User.last_activity` current as users call the API. */
@Injectable()
export class ActivityTracker {
  private readonly logger = new Logger(ActivityTracker.name);
  private readonly writtenAt = new Map<number, number>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** Records that `user` is active now, without making the request wait for it. */
  touch(user: Pick<User, 'id' | 'last_activity'>): void {
    const now = Date.now();
    const last = Math.max(user.last_activity?.getTime() ?? 0, this.writtenAt.get(user.id) ?? 0);
    if (now - last < RESOLUTION_MS) return;
    if (this.writtenAt.size >= MAX_REMEMBERED) this.writtenAt.clear();
    this.writtenAt.set(user.id, now);
    const at = new Date(now);
    // No listeners: this write does not change who a credential resolves to, so the caller
    // cache stays; the condition keeps replicas from writing the same minute twice.
    this.users
      .createQueryBuilder()
      .update()
      .set({ last_activity: at })
      .where('id = :id AND (last_activity IS NULL OR last_activity < :cutoff)', {
        id: user.id,
        cutoff: new Date(now - RESOLUTION_MS),
      })
      .callListeners(false)
      .execute()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'last_activity not recorded'));
  }
}
