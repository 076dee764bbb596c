import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length } from 'class-validator';
import { IsRequired } from '@ls/core';

export class LabelLinkCreateDto {
  @ApiPropertyOptional() @IsRequired() @IsString() @Length(1, 2048) from_name!: string;
  @ApiPropertyOptional() @IsRequired() @IsInt() label!: number;
  @ApiPropertyOptional() @IsRequired() @IsInt() project!: number;
}
