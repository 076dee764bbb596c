import { StorageConnectionError } from '../storage-provider';

/** Label Studio's answer when a Redis storage cannot be reached (`io_storages/redis/serializers.py`). */
export const CANT_CONNECT = "Can't connect to Redis server.";

/** Label Studio's refusal of a storage without a database index (`io_storages/redis/models.py`). */
export const DB_REQUIRED =
  'Please explicitly pass a redis db id to prevent accidentally overwriting existing database!';

/** Where the storage points, as its settings say it (never the resolved address). */
export interface RedisTarget {
  host: string;
  port: number;
  db: number;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host was not found',
  EAI_AGAIN: 'the host could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** Replies meaning the settings (password, rights, a replica) are wrong rather than the store. */
const SETTINGS_REPLIES: Record<string, string> = {
  WRONGPASS: 'authentication failed (wrong password)',
  NOAUTH: 'the server requires a password',
  NOPERM: 'the user lacks the rights for this command',
  READONLY: 'the server is a read-only replica',
};

/** Failures of the connection rather than of one command: the client gives up on those. */
const CLOSED_MESSAGES = ['Connection is closed', "Stream isn't writeable", 'Command timed out'];

/**
 * `error` as a `StorageConnectionError` naming what the user can fix, or null when it is a
 * failure of the store itself (a wrong type, a server error) that the caller rethrows.
 */
export function redisProblem(error: unknown, target: RedisTarget): StorageConnectionError | null {
  if (error instanceof StorageConnectionError) return error;
  // Not `instanceof Error`: errors of Node's sockets may come from another realm (Jest's VM).
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  const { message } = error as Error;
  const where = `${target.host}:${target.port}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && NETWORK_CODES[code]) return problem(`${where}: ${NETWORK_CODES[code]}`);
  const reply = SETTINGS_REPLIES[message.split(' ')[0]];
  if (reply) return problem(`${where}: ${reply}`);
  if (/invalid DB index|DB index is out of range/i.test(message)) {
    return problem(`${where}: database ${target.db} does not exist`);
  }
  if (CLOSED_MESSAGES.some((closed) => message.startsWith(closed))) {
    return problem(`${where}: ${message.replace(/\.$/, '')}`);
  }
  return null;
}

/** Label Studio's sentence, then what went wrong: `Can't connect to Redis server. <detail>.` */
export function problem(detail: string): StorageConnectionError {
  return new StorageConnectionError(`${CANT_CONNECT} ${detail}.`);
}
