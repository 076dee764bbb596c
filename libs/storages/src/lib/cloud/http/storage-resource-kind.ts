import { StorageDirection } from '../storages/cloud-storage.entity';

/** What `:id` names on one type's routes (`storage_s3`, `export_storage_redis`, ...). */
export function storageResourceKind(type: string, direction: StorageDirection): string {
  return direction === 'import' ? `storage_${type}` : `export_storage_${type}`;
}
