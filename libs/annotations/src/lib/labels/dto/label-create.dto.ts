import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length } from 'class-validator';
import { IsRequired } from '@ls/core';
import { LabelPatchDto } from './label-patch.dto';

/** A label, and the project control it is linked to. */
export class LabelCreateDto extends LabelPatchDto {
  @ApiPropertyOptional() @IsRequired() @IsString() @Length(1, 2048) declare title: string;
  @ApiPropertyOptional() @IsRequired() declare value: unknown;
  @ApiPropertyOptional() @IsRequired() @IsString() @Length(1, 2048) from_name!: string;
  @ApiPropertyOptional() @IsRequired() @IsInt() project!: number;
}
