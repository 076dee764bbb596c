import { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { STORAGE_STATUSES, StorageDirection } from '../storages/cloud-storage.entity';
import { fieldsFor } from '../storages/storage-fields';
import { StorageType } from '../storages/storage-type';

const SWAGGER_TYPES = { string: String, boolean: Boolean, integer: Number } as const;

type PropertyDecorator = (target: object, property: string) => void;

const STATUS_BLOCK: Record<string, PropertyDecorator> = {
  id: ApiProperty({ type: Number, readOnly: true }),
  type: ApiProperty({ type: String, readOnly: true }),
  project: ApiProperty({ type: Number }),
  created_at: ApiProperty({ type: String, format: 'date-time', readOnly: true }),
  last_sync: ApiProperty({ type: String, format: 'date-time', nullable: true }),
  last_sync_count: ApiProperty({ type: Number, nullable: true }),
  last_sync_job: ApiProperty({ type: String, nullable: true }),
  status: ApiProperty({ enum: [...STORAGE_STATUSES] }),
  traceback: ApiProperty({ type: String, nullable: true }),
  meta: ApiProperty({ type: Object, nullable: true }),
};

/**
 * The response class of one storage type and direction, named as the contract names it
 * (`S3ImportStorage`): its settings without the secrets, and the status block.
 */
export function storageResponseClass(
  storageType: StorageType,
  direction: StorageDirection,
): Type<unknown> {
  const name = storageType.schemaNames[direction];
  const response = { [name]: class {} }[name] as Type<unknown>;
  ApiSchema({ name })(response);
  for (const [property, decorate] of Object.entries(STATUS_BLOCK)) {
    decorate(response.prototype, property);
  }
  for (const field of fieldsFor(storageType.fields, direction)) {
    if (field.secret) continue;
    ApiProperty({
      type: SWAGGER_TYPES[field.kind],
      description: field.description,
      nullable: !field.required,
      required: false,
    })(response.prototype, field.name);
  }
  return response;
}
