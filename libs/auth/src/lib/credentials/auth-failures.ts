import { Inject, Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig, TooManyRequestsException } from '@ls/core';

const WINDOW_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** The key sign-in failures are counted under for one account (besides the client address). */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/**
 * Failed authentications per client address, counted in the throttler's storage (Redis in scaled
 * mode, so every replica counts together). Past `AUTH_FAILURE_LIMIT_PER_MINUTE`, the address is
 * blocked for a minute: its requests with credentials answer 429 before any is checked. Each
 * replica learns of a block from the storage on the address's next failure there. Sign-in
 * failures are also counted per account ({@link emailKey}), which blocks signing in to it alone.
 */
@Injectable()
export class AuthFailures {
  private readonly logger = new Logger(AuthFailures.name);
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
  ) {}

  /** `key`: a client address, or an {@link emailKey}. */
  assertNotBlocked(key: string): void {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return;
    if (until <= Date.now()) {
      this.blockedUntil.delete(key);
      return;
    }
    throw this.tooMany(key, until);
  }

  /** Counts a failure; throws the 429 when it was one too many. */
  async record(key: string): Promise<void> {
    let blockedForSeconds: number;
    try {
      const record = await this.storage.increment(
        `auth-failures:${key}`,
        WINDOW_MS,
        this.config.AUTH_FAILURE_LIMIT_PER_MINUTE,
        WINDOW_MS,
        'auth-failures',
      );
      if (!record.isBlocked) return;
      blockedForSeconds = Math.max(1, record.timeToBlockExpire);
    } catch (error) {
      // Counting is a defence, not a dependency: without the storage, the 401 still stands.
      this.logger.warn({ err: error }, 'authentication failure not counted');
      return;
    }
    if (this.blockedUntil.size >= MAX_REMEMBERED) this.blockedUntil.clear();
    const until = Date.now() + blockedForSeconds * 1000;
    this.blockedUntil.set(key, until);
    throw this.tooMany(key, until);
  }

  private tooMany(key: string, until: number): TooManyRequestsException {
    const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    const from = key.startsWith('email:') ? 'for this account' : 'from this address';
    return new TooManyRequestsException(
      `Too many failed authentication attempts ${from}; try again in ${seconds} seconds.`,
      seconds,
    );
  }
}
