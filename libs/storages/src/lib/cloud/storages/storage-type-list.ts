import { AZURE_STORAGE } from '../types/azure.storage-type';
import { GCS_STORAGE } from '../types/gcs.storage-type';
import { LOCAL_FILES_STORAGE } from '../types/localfiles.storage-type';
import { REDIS_STORAGE } from '../types/redis.storage-type';
import { S3_ROLE_STORAGE, S3_STORAGE } from '../types/s3.storage-type';
import { StorageType } from './storage-type';

/** Every storage type the server has, in the order of `/api/storages/types`. */
export const STORAGE_TYPES: readonly StorageType[] = [
  S3_STORAGE,
  S3_ROLE_STORAGE,
  GCS_STORAGE,
  AZURE_STORAGE,
  REDIS_STORAGE,
  LOCAL_FILES_STORAGE,
];
