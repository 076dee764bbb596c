import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MODEL_RUN_STATUSES, ModelRun, PROJECT_SUBSETS } from '../model-run.entity';

/** The contract's `ModelRun`. */
@ApiSchema({ name: 'ModelRun' })
export class ModelRunResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiProperty({ readOnly: true, description: 'The prompt version run' }) parent_model!: number;
  @ApiProperty() project!: number;
  @ApiPropertyOptional({ enum: PROJECT_SUBSETS }) project_subset!: string;
  @ApiProperty({ enum: MODEL_RUN_STATUSES, readOnly: true }) status!: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 255 }) job_id!: string | null;
  @ApiPropertyOptional() total_tasks!: number;
  @ApiPropertyOptional() total_predictions!: number;
  @ApiPropertyOptional() total_correct_predictions!: number;
  @ApiProperty({ nullable: true, readOnly: true, type: 'integer' }) created_by!: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) organization!: number | null;
  @ApiProperty({ nullable: true, format: 'date-time', readOnly: true, type: String })
  triggered_at!: string | null;
  @ApiProperty({ nullable: true, format: 'date-time', readOnly: true, type: String })
  completed_at!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String })
  predictions_updated_at!: string | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) created_at!: string;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeModelRun(run: ModelRun): ModelRunResponse {
  return {
    id: run.id,
    parent_model: run.version_id,
    project: run.project_id,
    project_subset: run.project_subset,
    status: run.status,
    job_id: run.job_id,
    total_tasks: run.total_tasks,
    total_predictions: run.total_predictions,
    total_correct_predictions: run.total_correct_predictions,
    created_by: run.created_by_id,
    organization: run.organization_id,
    triggered_at: iso(run.triggered_at),
    completed_at: iso(run.completed_at),
    predictions_updated_at: iso(run.predictions_updated_at),
    created_at: run.created_at.toISOString(),
  };
}

@ApiSchema({ name: 'CancelModelRunResponse' })
export class CancelModelRunResponse {
  @ApiProperty() detail!: string;
}

@ApiSchema({ name: 'BatchPredictions' })
export class BatchPredictionsResponse {
  @ApiProperty({ maxLength: 255 }) job_id!: string;
  @ApiProperty({ type: 'array', items: {} }) results!: unknown[];
}

@ApiSchema({ name: 'BatchFailedPredictions' })
export class BatchFailedPredictionsResponse {
  @ApiProperty({ maxLength: 255 }) job_id!: string;
  @ApiProperty({ type: 'array', items: {} }) failed_predictions!: unknown[];
}

@ApiSchema({ name: 'LSEKeyIndicatorValue' })
export class KeyIndicatorResponse {
  @ApiProperty({ description: 'The title for this metric, to be displayed to the user' })
  title!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) values!: Record<string, unknown>;
}
