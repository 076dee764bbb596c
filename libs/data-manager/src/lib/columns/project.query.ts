import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt } from 'class-validator';
import { IsRequired } from '@ls/core';

/** `?project=<id>`, required. */
export class ProjectQuery {
  @ApiProperty({ type: 'integer', description: 'Project ID' })
  @IsRequired()
  @Type(() => Number)
  @IsInt()
  project!: number;
}
