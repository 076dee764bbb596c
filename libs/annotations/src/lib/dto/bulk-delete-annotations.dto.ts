import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Min } from 'class-validator';
import { IsRequired } from '@ls/core';

export class BulkDeleteAnnotationsDto {
  @ApiPropertyOptional()
  @IsRequired()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids!: number[];

  @ApiPropertyOptional() @IsRequired() @IsInt() project!: number;
}
