import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsString } from 'class-validator';
import { IsRequired } from '@ls/core';

/** Renames a label inside the saved annotations of a project's control. */
export class RenameLabelDto {
  @ApiPropertyOptional() @IsRequired() @IsInt() project!: number;
  @ApiPropertyOptional() @IsRequired() @IsString() from_name!: string;
  /** A label, or a taxonomy path as a list. */
  @ApiPropertyOptional() @IsRequired() @IsArray() old_label!: string[];
  @ApiPropertyOptional() @IsRequired() @IsArray() new_label!: string[];
}
