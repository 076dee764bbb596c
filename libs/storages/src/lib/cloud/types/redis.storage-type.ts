import { RedisConnection } from '../providers/redis/redis-connection';
import { redisSettingsOf } from '../providers/redis/redis-settings';
import { StorageType } from '../storages/storage-type';

export const REDIS_STORAGE: StorageType = {
  type: 'redis',
  title: 'Redis',
  schemaNames: { import: 'RedisImportStorage', export: 'RedisExportStorage' },
  fields: [
    { name: 'path', kind: 'string', description: 'Storage prefix (optional)' },
    { name: 'host', kind: 'string', description: 'Server Host IP (optional)' },
    { name: 'port', kind: 'string', description: 'Server Port (optional)' },
    { name: 'password', kind: 'string', description: 'Server Password (optional)', secret: true },
    {
      name: 'db',
      kind: 'integer',
      description: 'Server Database',
      default: { import: 1, export: 2 },
      min: 0,
    },
  ],
  valuesAreTasks: true,
  connect: (settings, context) =>
    new RedisConnection(redisSettingsOf(settings, context.direction), {
      guard: context.guard,
      requestTimeoutMs: context.requestTimeoutMs,
    }),
};
