import { Inject, Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig, TooManyRequestsException } from '@ls/core';

const WINDOW_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Failed authentications per client address, counted in the throttler's storage (Redis in scaled
 * mode, so every replica counts together). Past `AUTH_FAILURE_LIMIT_PER_MINUTE`, the address is
 * blocked for a minute: its requests with credentials answer 429 before any is checked. Each
 * replica learns of a block from the storage on the address's next failure there.
 */
@Injectable()
export class AuthFailures {
  private readonly logger = new Logger(AuthFailures.name);
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
  ) {}

  assertNotBlocked(address: string): void {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return;
    if (until <= Date.now()) {
      this.blockedUntil.delete(address);
      return;
    }
    throw this.tooMany(until);
  }

  /** Counts a failure; throws the 429 when it was one too many. */
  async record(address: string): Promise<void> {
    let blockedForSeconds: number;
    try {
      const record = await this.storage.increment(
        `auth-failures:${address}`,
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
    this.blockedUntil.set(address, until);
    throw this.tooMany(until);
  }

  private tooMany(until: number): TooManyRequestsException {
    const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    return new TooManyRequestsException(
      `Too many failed authentication attempts from this address; try again in ${seconds} seconds.`,
      seconds,
    );
  }
}
