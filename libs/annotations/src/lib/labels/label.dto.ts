import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { PageQuery } from '@ls/core';

const REQUIRED = { message: 'This field is required.' };

export class LabelPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2048) title?: string;
  @ApiPropertyOptional() @IsOptional() value?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approved?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() approved_by?: number | null;
}

export class LabelCreateDto extends LabelPatchDto {
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsString() @Length(1, 2048) declare title: string;
  @ApiPropertyOptional() @IsDefined(REQUIRED) declare value: unknown;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsString() @Length(1, 2048) from_name!: string;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() project!: number;
}

export const LABEL_ORDERINGS = ['id', '-id', 'title', '-title', 'created_at', '-created_at'];

export class ListLabelsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsIn(LABEL_ORDERINGS) ordering?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
}

export class LabelLinkPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2048) from_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() label?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() project?: number;
}

export class LabelLinkCreateDto {
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsString() @Length(1, 2048) from_name!: string;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() label!: number;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() project!: number;
}

export class ListLabelLinksQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
}

/** Renames a label inside the saved annotations of a project's control. */
export class RenameLabelDto {
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() project!: number;
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsString() from_name!: string;
  /** A label, or a taxonomy path as a list. */
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsArray() old_label!: string[];
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsArray() new_label!: string[];
}
