import { OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';

export type BullConnectionType = 'client' | 'subscriber' | 'bclient';

/**
 * The Redis connections behind every Bull queue of a process: one for commands and one for
 * events, shared by all queues, and a blocking one per queue that takes jobs. Bull does not close
 * connections it was handed, so they are closed here, once the queues have closed.
 */
export class BullConnections implements OnApplicationShutdown {
  private client?: Redis;
  private subscriber?: Redis;
  private readonly blocking: Redis[] = [];

  constructor(private readonly redisUrl: string) {}

  /** Bull's `createClient`. */
  connectionFor(type: BullConnectionType): Redis {
    if (type === 'client') return (this.client ??= this.connect());
    if (type === 'subscriber') return (this.subscriber ??= this.connect());
    const blocking = this.connect();
    this.blocking.push(blocking);
    return blocking;
  }

  onApplicationShutdown(): void {
    for (const connection of [this.client, this.subscriber, ...this.blocking]) {
      connection?.disconnect();
    }
  }

  private connect(): Redis {
    // Bull's blocking and subscriber connections must not give up on a request.
    const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    return new Redis(this.redisUrl, options);
  }
}
