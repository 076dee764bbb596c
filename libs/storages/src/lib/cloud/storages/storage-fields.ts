import { StorageDirection } from './cloud-storage.entity';

export type FieldKind = 'string' | 'boolean' | 'integer';

/** One setting a storage type takes in its create, update and validate bodies. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  description: string;
  /** Write-only: sealed at rest, never returned, never logged. */
  secret?: boolean;
  /** Only on storages of this direction (import: `presign`, `recursive_scan`). */
  direction?: StorageDirection;
  /** The value a new storage gets when the body leaves the field out (per direction if a pair). */
  default?: unknown | { import: unknown; export: unknown };
  /** Required when a storage is created. */
  required?: boolean;
  maxLength?: number;
  min?: number;
}

/** Longest text any setting may hold (paths, prefixes, endpoints, secrets). */
export const MAX_SETTING_LENGTH = 4096;

/** Fields every storage type has, as Label Studio's storage serializers name them. */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  { name: 'title', kind: 'string', description: 'Storage title', maxLength: 2048 },
  { name: 'description', kind: 'string', description: 'Storage description' },
  {
    name: 'regex_filter',
    kind: 'string',
    description: 'Regex the object keys must match from their start; none: every object',
  },
  {
    name: 'use_blob_urls',
    kind: 'boolean',
    description: 'One task per object pointing at it (else the objects are read as tasks)',
    default: false,
  },
  { name: 'synchronizable', kind: 'boolean', description: 'Whether it can sync', default: true },
  {
    name: 'can_delete_objects',
    kind: 'boolean',
    description: 'Delete the object when its annotation is deleted',
    direction: 'export',
    default: false,
  },
];

/** Fields kept as columns of the storage row rather than in its settings. */
export const COLUMN_FIELDS = new Set(['title', 'description', 'synchronizable']);

export function fieldsFor(fields: readonly FieldSpec[], direction: StorageDirection): FieldSpec[] {
  return [...COMMON_FIELDS, ...fields].filter(
    (field) => field.direction === undefined || field.direction === direction,
  );
}

export function defaultOf(field: FieldSpec, direction: StorageDirection): unknown {
  const value = field.default;
  if (value !== null && typeof value === 'object' && 'import' in value && 'export' in value) {
    return (value as Record<StorageDirection, unknown>)[direction];
  }
  return value;
}
