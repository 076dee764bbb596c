import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { TaskStoredFieldsResponse } from './task-stored-fields.response';

const OBJECTS = { type: 'array', items: { type: 'object' } } as const;

/**
 * A task with its annotations, predictions and drafts as lists, as Label Studio returns them
 * (docs/contract-deviations.md). Review, agreement and comment figures belong to features this
 * edition does not have: empty or zero.
 */
@ApiSchema({ name: 'LseTask' })
export class LseTaskResponse extends TaskStoredFieldsResponse {
  @ApiProperty({ type: Boolean, nullable: true }) allow_skip!: boolean | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { user_id: { type: 'integer' } } },
  })
  updated_by!: { user_id: number }[];
  @ApiProperty({ type: String, description: 'Id of the upload the task came from, or ""' })
  file_upload!: string;
  @ApiProperty({ type: String }) storage_filename!: string;
  @ApiProperty({ ...OBJECTS, description: 'Annotations (`Annotation`)' }) annotations!: object[];
  @ApiProperty({ ...OBJECTS, description: 'Predictions (`Prediction`)' }) predictions!: object[];
  @ApiProperty({ ...OBJECTS, description: "The caller's drafts" }) drafts!: object[];
  @ApiProperty({ type: 'integer', isArray: true }) annotators!: number[];
  @ApiProperty({ type: 'integer' }) annotators_count!: number;
  @ApiProperty({ type: String }) annotations_ids!: string;
  @ApiProperty({ type: String }) annotations_results!: string;
  @ApiProperty({ type: String }) predictions_results!: string;
  @ApiProperty({ type: String }) predictions_model_versions!: string;
  @ApiProperty({ type: Boolean }) draft_exists!: boolean;
  @ApiProperty({ type: Boolean }) ground_truth!: boolean;
  @ApiPropertyOptional({ type: 'number', description: 'Left out without scored predictions' })
  predictions_score?: number;
  @ApiPropertyOptional({ type: 'number', description: 'Left out without annotations' })
  avg_lead_time?: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Left out until labeled' })
  completed_at?: string;
  @ApiProperty(OBJECTS) comment_authors!: object[];
  @ApiProperty({ type: 'integer' }) comment_authors_count!: number;
  @ApiProperty({ type: String }) comments!: string;
  @ApiProperty({ type: String }) agreement!: string;
  @ApiProperty({ type: String }) agreement_selected!: string;
  @ApiProperty({ type: 'number', nullable: true }) precomputed_agreement!: number | null;
  @ApiProperty({ type: 'integer' }) annotation_time!: number;
  @ApiProperty({ type: 'integer' }) review_time!: number;
  @ApiProperty(OBJECTS) reviewers!: object[];
  @ApiProperty({ type: 'integer' }) reviewers_count!: number;
  @ApiProperty({ type: Boolean }) reviewed!: boolean;
  @ApiProperty({ type: 'integer' }) reviews_accepted!: number;
  @ApiProperty({ type: 'integer' }) reviews_rejected!: number;
  @ApiProperty({ type: String }) state!: string;
}
