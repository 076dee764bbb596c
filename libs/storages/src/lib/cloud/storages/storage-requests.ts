import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { StorageDirection } from './cloud-storage.entity';
import { FieldSpec, fieldsFor, MAX_SETTING_LENGTH } from './storage-fields';
import { StorageType } from './storage-type';

/** create: `project` and required fields needed; update: all optional; validate: `id` allowed. */
export type RequestMode = 'create' | 'update' | 'validate';

const SWAGGER_TYPES = { string: String, boolean: Boolean, integer: Number } as const;

type PropertyDecorators = ((target: object, property: string) => void)[];

function decoratorsOf(field: FieldSpec, mode: RequestMode): PropertyDecorators {
  const decorators: PropertyDecorators = [
    mode === 'create' && field.required ? IsDefined() : IsOptional(),
    ApiProperty({
      type: SWAGGER_TYPES[field.kind],
      description: field.description,
      required: mode === 'create' && field.required === true,
      nullable: true,
    }),
  ];
  if (field.kind === 'string') {
    decorators.push(IsString(), MaxLength(field.maxLength ?? MAX_SETTING_LENGTH));
  } else if (field.kind === 'boolean') {
    decorators.push(IsBoolean());
  } else {
    decorators.push(IsInt());
    if (field.min !== undefined) decorators.push(Min(field.min));
  }
  return decorators;
}

const PROJECT: FieldSpec = { name: 'project', kind: 'integer', description: 'Project ID', min: 1 };
const STORAGE_ID: FieldSpec = {
  name: 'id',
  kind: 'integer',
  description: 'Storage ID: validate the stored storage with the body applied to it',
  min: 1,
};

/**
 * The body class of one storage type's create, update or validate route, built from its field
 * specs so a provider declares its settings once.
 */
export function storageRequestClass(
  storageType: StorageType,
  direction: StorageDirection,
  mode: RequestMode,
): Type<Record<string, unknown>> {
  const name = `${storageType.type}_${direction}_${mode}_request`.replace(
    /(^|_)(\w)/g,
    (_m, _s, c: string) => c.toUpperCase(),
  );
  const request = { [name]: class {} }[name] as Type<Record<string, unknown>>;
  const fields: FieldSpec[] = [...fieldsFor(storageType.fields, direction)];
  if (mode !== 'update') fields.push({ ...PROJECT, required: mode === 'create' });
  if (mode === 'validate') fields.push(STORAGE_ID);
  for (const field of fields) {
    for (const decorate of decoratorsOf(field, mode)) decorate(request.prototype, field.name);
  }
  return request;
}
