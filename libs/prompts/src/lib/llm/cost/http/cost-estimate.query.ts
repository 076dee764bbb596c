import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { IsRequired } from '@ls/core';
import { PROJECT_SUBSETS, ProjectSubset } from '../subset-tasks';

/** The run being priced: the contract names no parameters, Label Studio reads these two. */
export class CostEstimateQuery {
  @ApiProperty({ description: 'The project whose tasks would be run' })
  @IsRequired()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  project!: number;

  @ApiPropertyOptional({ enum: PROJECT_SUBSETS, default: 'All' })
  @IsOptional()
  @IsIn(PROJECT_SUBSETS)
  project_subset?: ProjectSubset;
}
