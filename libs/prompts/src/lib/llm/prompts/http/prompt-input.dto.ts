import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsRequired } from '@ls/core';
import { SKILL_NAMES, SkillName } from '../prompt-skills';

/**
 * Validated when given (`null` is a value, refused for fields that cannot be null), and always
 * when the body's class lists `field` in its static `required` (the create and PUT bodies).
 */
export const IsOmittable = (field: string) =>
  ValidateIf(
    (object: object, value: unknown) =>
      value !== undefined ||
      ((object.constructor as { required?: readonly string[] }).required ?? []).includes(field),
  );

export const MAX_TITLE = 500;
const MAX_DESCRIPTION = 10_000;
const MAX_FIELDS = 100;
const MAX_FIELD_NAME = 255;
const MAX_CLASSES = 1000;
const MAX_CLASS = 1000;
const MAX_PROJECTS = 100;

/** `PATCH /api/prompts/{id}`: the contract's `PatchedModelInterfaceRequest`. */
@ApiSchema({ name: 'PatchedModelInterfaceRequest' })
export class PromptUpdateDto {
  @ApiPropertyOptional({ description: 'Model name', minLength: 1, maxLength: MAX_TITLE })
  @IsOmittable('title')
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TITLE)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Model description' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @ApiPropertyOptional({ enum: SKILL_NAMES, default: 'TextClassification' })
  @IsOmittable('skill_name')
  @IsIn(SKILL_NAMES)
  skill_name?: SkillName;

  @ApiPropertyOptional({ type: [String], description: 'Task data fields the templates use' })
  @IsOmittable('input_fields')
  @IsArray()
  @ArrayMaxSize(MAX_FIELDS)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_FIELD_NAME, { each: true })
  input_fields?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The labels an answer may give' })
  @IsOmittable('output_classes')
  @IsArray()
  @ArrayMaxSize(MAX_CLASSES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(MAX_CLASS, { each: true })
  output_classes?: string[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOmittable('associated_projects')
  @IsArray()
  @ArrayMaxSize(MAX_PROJECTS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  associated_projects?: number[];
}

/** `POST /api/prompts/` and `PUT /api/prompts/{id}`: the contract's `ModelInterfaceRequest`. */
@ApiSchema({ name: 'ModelInterfaceRequest' })
export class PromptCreateDto extends PromptUpdateDto {
  static readonly required = ['title'];

  @ApiProperty({ description: 'Model name', minLength: 1, maxLength: MAX_TITLE })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TITLE)
  declare title: string;
}
