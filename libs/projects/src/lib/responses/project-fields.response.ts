import { ApiProperty } from '@nestjs/swagger';
import { UserSimpleResponse } from '@ls/auth';
import { ParsedLabelConfig } from '../label-config/parsed-label-config';
import { SAMPLING_MODES, SamplingMode, SKIP_QUEUE_MODES, SkipQueueMode } from '../project.entity';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The stored fields of a project, as every project shape shows them. */
export abstract class ProjectFieldsResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String }) description_short!: string;
  @ApiProperty({ type: String }) label_config!: string;
  @ApiProperty(OBJECT) parsed_label_config!: ParsedLabelConfig;
  @ApiProperty(OBJECT) data_types!: Record<string, string>;
  @ApiProperty({ type: Boolean }) config_has_control_tags!: boolean;
  @ApiProperty({ type: Boolean }) config_suitable_for_bulk_annotation!: boolean;
  @ApiProperty({ ...OBJECT, nullable: true }) control_weights!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) expert_instruction!: string | null;
  @ApiProperty({ type: Boolean }) show_instruction!: boolean;
  @ApiProperty({ type: Boolean }) show_skip_button!: boolean;
  @ApiProperty({ type: Boolean }) enable_empty_annotation!: boolean;
  @ApiProperty({ type: Boolean }) show_annotation_history!: boolean;
  @ApiProperty({ type: String, nullable: true }) color!: string | null;
  @ApiProperty({ type: 'integer' }) maximum_annotations!: number;
  @ApiProperty({ type: Boolean }) is_published!: boolean;
  @ApiProperty({ type: String, nullable: true }) model_version!: string | null;
  @ApiProperty({ type: Boolean }) is_draft!: boolean;
  @ApiProperty({ type: () => UserSimpleResponse, nullable: true })
  created_by!: UserSimpleResponse | null;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: 'integer' }) min_annotations_to_start_training!: number;
  @ApiProperty({ type: Boolean }) start_training_on_annotation_update!: boolean;
  @ApiProperty({ type: Boolean }) show_collab_predictions!: boolean;
  @ApiProperty({ enum: SAMPLING_MODES, enumName: 'SamplingDe5Enum', nullable: true })
  sampling!: SamplingMode | null;
  @ApiProperty({ type: Boolean }) show_ground_truth_first!: boolean;
  @ApiProperty({ type: Boolean }) show_overlap_first!: boolean;
  @ApiProperty({ type: 'integer' }) overlap_cohort_percentage!: number;
  @ApiProperty({ type: String, nullable: true }) task_data_login!: string | null;
  @ApiProperty({ type: Boolean }) evaluate_predictions_automatically!: boolean;
  @ApiProperty({ enum: SKIP_QUEUE_MODES, enumName: 'SkipQueueEnum', nullable: true })
  skip_queue!: SkipQueueMode | null;
  @ApiProperty({ type: Boolean }) reveal_preannotations_interactively!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pinned_at!: string | null;
  @ApiProperty({ type: 'integer' }) organization!: number;
  @ApiProperty({ type: String, description: 'Workspaces are an Enterprise feature: ""' })
  workspace_title!: string;
}
