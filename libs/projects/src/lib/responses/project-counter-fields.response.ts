import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProjectSettingsFieldsResponse } from './project-settings-fields.response';

const COUNTER = {
  type: 'integer',
  description: 'Left out when `include` names other counters',
} as const;

/**
 * Counters (integers in every shape: docs/contract-deviations.md), and the figures of features
 * this edition does not have (reviews, prompts, blueprints), zero or empty.
 */
export abstract class ProjectCounterFieldsResponse extends ProjectSettingsFieldsResponse {
  @ApiPropertyOptional(COUNTER) task_number?: number;
  @ApiPropertyOptional(COUNTER) finished_task_number?: number;
  @ApiPropertyOptional(COUNTER) total_annotations_number?: number;
  @ApiPropertyOptional(COUNTER) total_predictions_number?: number;
  @ApiPropertyOptional(COUNTER) num_tasks_with_annotations?: number;
  @ApiPropertyOptional(COUNTER) useful_annotation_number?: number;
  @ApiPropertyOptional(COUNTER) ground_truth_number?: number;
  @ApiPropertyOptional(COUNTER) skipped_annotations_number?: number;
  @ApiPropertyOptional(COUNTER) queue_total?: number;
  @ApiPropertyOptional(COUNTER) queue_done?: number;
  @ApiPropertyOptional(COUNTER) queue_left?: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer' }) review_total_tasks!: number;
  @ApiProperty({ type: 'integer' }) reviewed_number!: number;
  @ApiProperty({ type: 'integer' }) reviewer_queue_total!: number;
  @ApiProperty({ type: String }) members!: string;
  @ApiProperty({ type: 'integer' }) members_count!: number;
  @ApiProperty({ type: String }) prompts!: string;
  @ApiProperty({ type: String }) state!: string;
  @ApiProperty({ type: Boolean }) ready!: boolean;
  @ApiProperty({ type: Boolean }) allow_stream!: boolean;
  @ApiProperty({ type: String }) is_dimensions_enabled!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) blueprints!: unknown[];
  @ApiProperty({ type: Boolean }) duplication_done!: boolean;
  @ApiProperty({ type: String }) duplication_status!: string;
}
