import { CloudStorage, StorageDirection } from './cloud-storage.entity';
import { COLUMN_FIELDS, defaultOf, fieldsFor } from './storage-fields';
import { StorageType } from './storage-type';

/** A body split the way a storage row keeps it. */
export interface StorageChanges {
  columns: Partial<Pick<CloudStorage, 'title' | 'description' | 'synchronizable'>>;
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

/** Splits a validated body into columns, settings and secrets; `defaults` fills what is left out. */
export function storageChanges(
  storageType: StorageType,
  direction: StorageDirection,
  body: Record<string, unknown>,
  defaults: boolean,
): StorageChanges {
  const changes: StorageChanges = { columns: {}, settings: {}, secrets: {} };
  for (const field of fieldsFor(storageType.fields, direction)) {
    let value = body[field.name];
    if (value === undefined && defaults) value = defaultOf(field, direction);
    if (value === undefined) continue;
    if (COLUMN_FIELDS.has(field.name)) {
      (changes.columns as Record<string, unknown>)[field.name] = value;
    } else if (field.secret) {
      changes.secrets[field.name] = value;
    } else {
      changes.settings[field.name] = value;
    }
  }
  return changes;
}

/** What a storage's adapter connects with: its settings and its opened secrets together. */
export function connectionSettings(
  settings: Record<string, unknown>,
  secrets: Record<string, unknown>,
): Record<string, unknown> {
  return { ...settings, ...secrets };
}

/** The storage as Label Studio's serializers show it: secrets never included. */
export function serializeStorage(
  storage: CloudStorage,
  storageType: StorageType,
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of fieldsFor(storageType.fields, storage.direction)) {
    if (field.secret || COLUMN_FIELDS.has(field.name)) continue;
    // A required setting is never null in Label Studio (`role_arn`): '' when a row lacks it.
    const empty = field.required ? '' : null;
    settings[field.name] =
      storage.settings[field.name] ?? defaultOf(field, storage.direction) ?? empty;
  }
  return {
    id: storage.id,
    type: storage.type,
    ...settings,
    title: storage.title,
    description: storage.description,
    created_at: storage.created_at.toISOString(),
    last_sync: storage.last_sync?.toISOString() ?? null,
    last_sync_count: storage.last_sync_count,
    last_sync_job: storage.last_sync_job,
    status: storage.status,
    traceback: storage.traceback,
    meta: storage.meta,
    synchronizable: storage.synchronizable,
    project: storage.project_id,
  };
}
