import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { IsRequired } from '@ls/core';
import { PROJECT_SUBSETS, ProjectSubset } from '../model-run.entity';

/** `POST …/inference-runs` (`ModelRunRequest`); the counters it lists are the server's. */
@ApiSchema({ name: 'ModelRunRequest' })
export class ModelRunCreateDto {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsInt()
  @Min(1)
  project!: number;

  @ApiPropertyOptional({ enum: PROJECT_SUBSETS })
  @IsOptional()
  @IsIn(PROJECT_SUBSETS)
  project_subset?: ProjectSubset;

  @ApiPropertyOptional({ default: false, writeOnly: true })
  @IsOptional()
  @IsBoolean()
  only_missing_predictions?: boolean;

  @ApiPropertyOptional({ nullable: true, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  job_id?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer', description: 'Ignored: the caller’s' })
  @IsOptional()
  @IsInt()
  organization?: number | null;

  @ApiPropertyOptional({ type: 'integer', description: 'Ignored: counted by the server' })
  @IsOptional()
  @IsInt()
  total_tasks?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Ignored: counted by the server' })
  @IsOptional()
  @IsInt()
  total_predictions?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Ignored: counted by the server' })
  @IsOptional()
  @IsInt()
  total_correct_predictions?: number;

  @ApiPropertyOptional({ nullable: true, format: 'date-time', description: 'Ignored' })
  @IsOptional()
  @IsString()
  predictions_updated_at?: string | null;
}

export class ModelRunListQuery {
  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @IsString()
  ordering?: string;

  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  parent_model?: number;

  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  project?: number;

  @ApiPropertyOptional({ enum: PROJECT_SUBSETS })
  @IsOptional()
  @IsIn(PROJECT_SUBSETS)
  project_subset?: ProjectSubset;
}

/** `POST /api/model-run/batch-predictions`: items `{task_id, result | output | <answer>}`. */
@ApiSchema({ name: 'BatchPredictionsRequestRequest' })
export class BatchPredictionsDto {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsInt()
  modelrun_id!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  job_id?: string;

  @ApiProperty({ type: 'array', items: {} })
  @IsRequired()
  @IsArray()
  results!: unknown[];
}

/** `POST /api/model-run/batch-failed-predictions`: items `{task_id, error | message}`. */
@ApiSchema({ name: 'BatchFailedPredictionsRequestRequest' })
export class BatchFailedPredictionsDto {
  @ApiProperty({ type: 'integer' })
  @IsRequired()
  @IsInt()
  modelrun_id!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  job_id?: string;

  @ApiProperty({ type: 'array', items: {} })
  @IsRequired()
  @IsArray()
  failed_predictions!: unknown[];
}
