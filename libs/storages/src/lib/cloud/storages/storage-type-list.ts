import { AZURE_STORAGE } from '../types/azure.storage-type';
import { AZURE_SPI_STORAGE } from '../types/azure-spi.storage-type';
import { DATABRICKS_STORAGE } from '../types/databricks.storage-type';
import { GCS_STORAGE } from '../types/gcs.storage-type';
import { GCS_WIF_STORAGE } from '../types/gcswif.storage-type';
import { LOCAL_FILES_STORAGE } from '../types/localfiles.storage-type';
import { REDIS_STORAGE } from '../types/redis.storage-type';
import { S3_ROLE_STORAGE, S3_STORAGE } from '../types/s3.storage-type';
import { StorageType } from './storage-type';

/** Every storage type the server has, in the order of `/api/storages/types`. */
export const STORAGE_TYPES: readonly StorageType[] = [
  S3_STORAGE,
  S3_ROLE_STORAGE,
  GCS_STORAGE,
  GCS_WIF_STORAGE,
  AZURE_STORAGE,
  AZURE_SPI_STORAGE,
  REDIS_STORAGE,
  LOCAL_FILES_STORAGE,
  DATABRICKS_STORAGE,
];
