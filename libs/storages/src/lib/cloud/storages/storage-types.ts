import { Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '@ls/core';
import { StorageType } from './storage-type';
import { STORAGE_TYPES } from './storage-type-list';

@Injectable()
export class StorageTypes {
  constructor(private readonly config: AppConfig) {}

  /** The types offered here (local files only with `ENABLE_LOCAL_FILES_STORAGE`). */
  offered(): StorageType[] {
    return STORAGE_TYPES.filter((storageType) => storageType.enabled?.(this.config) ?? true);
  }

  get(type: string): StorageType {
    const found = this.offered().find((storageType) => storageType.type === type);
    if (!found) throw new NotFoundException();
    return found;
  }
}
