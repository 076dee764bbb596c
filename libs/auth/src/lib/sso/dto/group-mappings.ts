import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PROJECT_GROUP_ROLES, ProjectGroupRole } from '../../entities/saml-settings.entity';

/** Most entries one mapping may have. */
export const MAX_GROUP_MAPPINGS = 1_000;
const MAX_NAME_LENGTH = 256;

/** Organization roles a group may give, by label or code (never the owner). */
export const GROUP_ROLE_NAMES = [
  'Administrator',
  'Manager',
  'Reviewer',
  'Annotator',
  'Deactivated',
  'Not Activated',
  'AD',
  'MA',
  'RE',
  'AN',
  'DI',
  'NO',
];

/** Validated when given; `null` is refused unless the field also says `Nullable`. */
export const Given = () => ValidateIf((_object, value) => value !== undefined);
/** Validated unless absent or null. */
export const Nullable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

function isPair(value: unknown, firstNames?: readonly string[]): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every(
      (item) => typeof item === 'string' && item.length > 0 && item.length <= MAX_NAME_LENGTH,
    ) &&
    (!firstNames || firstNames.includes(value[0] as string))
  );
}

/**
 * `[[name, group], ...]`: at most {@link MAX_GROUP_MAPPINGS} pairs of non-empty strings; with
 * `firstNames`, each pair's first string must be one of them.
 */
export function IsGroupPairs(what: string, firstNames?: readonly string[]): PropertyDecorator {
  return ValidateBy({
    name: 'isGroupPairs',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.length <= MAX_GROUP_MAPPINGS &&
        value.every((pair) => isPair(pair, firstNames)),
      defaultMessage: () =>
        `$property must be a list of at most ${MAX_GROUP_MAPPINGS} [${what}, group_name] pairs of non-empty strings` +
        (firstNames ? `, ${what} one of ${firstNames.join(', ')}` : ''),
    },
  });
}

export const GROUP_PAIRS_SCHEMA = {
  type: 'array',
  items: { type: 'array', items: { type: 'string', minLength: 1 } },
} as const;

export class ProjectGroupDto {
  @ApiProperty({ type: 'integer', description: 'Project ID' })
  @IsInt()
  @Min(1)
  project_id!: number;

  @ApiProperty({ minLength: 1, description: 'Group name' })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  group!: string;

  @ApiProperty({ enum: PROJECT_GROUP_ROLES })
  @IsIn(PROJECT_GROUP_ROLES)
  role!: ProjectGroupRole;
}

/** `projects_groups`: `[{project_id, group, role}]`. */
export function IsProjectGroups(): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(MAX_GROUP_MAPPINGS)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => ProjectGroupDto)(target, key);
  };
}
