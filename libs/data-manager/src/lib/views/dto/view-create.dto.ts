import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { IsRequired } from '@ls/core';
import { ViewPartsDto } from './view-parts.dto';

export class ViewCreateDto extends ViewPartsDto {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsInt()
  project!: number;
}
