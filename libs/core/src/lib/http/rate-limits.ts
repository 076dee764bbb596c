import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';

/**
 * The throttler of routes that anyone can hammer without an account: token refresh and
 * blacklist, sign-up. A route opts in with `@UseGuards(ThrottlerGuard)`.
 */
export const AUTH_THROTTLER = 'auth';

/** Counts shared by every replica through Redis in scaled mode, kept in memory otherwise. */
export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: AUTH_THROTTLER, ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
    storage: config.REDIS_URL
      ? new ThrottlerStorageRedisService(config.REDIS_URL, {
          keyPrefix: `${config.JOB_QUEUE_PREFIX}:throttle:`,
          lazyConnect: true,
          maxRetriesPerRequest: 2,
        })
      : undefined,
  };
}
