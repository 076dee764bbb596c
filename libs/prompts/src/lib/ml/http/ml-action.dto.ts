import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsRequired } from '@ls/core';

/** `POST /api/ml/{id}/train`. */
export class MlTrainDto {
  @ApiPropertyOptional({ description: 'Whether to include ground truth annotations in training' })
  @IsOptional()
  @IsBoolean()
  use_ground_truth?: boolean;
}

/** `POST /api/ml/{id}/interactive-annotating` (`MLInteractiveAnnotatingRequestRequest`). */
export class MlInteractiveAnnotatingDto {
  @ApiPropertyOptional({ description: 'ID of task to annotate' })
  @IsRequired()
  @IsInt()
  @Min(1)
  task!: number;

  @ApiPropertyOptional({ nullable: true, description: 'Context for ML model' })
  @IsOptional()
  context?: unknown;
}

/** `POST /api/ml/{id}/predict?batch_size=`. */
export class MlPredictQuery {
  @ApiPropertyOptional({ description: 'Tasks per call of the model server' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  batch_size?: number;
}

/** `GET /api/ml/?project=`. */
export class MlBackendListQuery {
  @ApiPropertyOptional({ description: 'Project ID' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  project?: number;
}
