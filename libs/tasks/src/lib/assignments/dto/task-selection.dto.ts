import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsOptional } from 'class-validator';
import { MaxIds } from '@ls/core';

/** A data manager selection: `included` tasks, or all but the `excluded` ones. */
export class TaskSelectionDto {
  @ApiProperty() @IsBoolean() all!: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  included?: number[];
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  excluded?: number[];
}
