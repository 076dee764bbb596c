import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AssignmentSettingsInput } from './assignment-settings-input.dto';
import { IsRowId } from './row-id';
import { SAMPLING_MODES, SamplingMode, SKIP_QUEUE_MODES, SkipQueueMode } from '../project.entity';

const nullable = () => ValidateIf((_, value) => value !== null);
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Every writable project field of the contract; all optional (PATCH), and the create body too. */
export class ProjectInput {
  @ApiPropertyOptional({ nullable: true, minLength: 3, maxLength: 50 })
  @IsOptional()
  @nullable()
  @IsString()
  @ValidateIf((_, value) => value !== '')
  @Length(3, 50)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() description?:
    string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() label_config?:
    string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  expert_instruction?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_instruction?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_skip_button?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enable_empty_annotation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_annotation_history?: boolean;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(16)
  color?: string | null;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  maximum_annotations?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_published?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsString() model_version?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_draft?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2147483647)
  min_annotations_to_start_training?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() start_training_on_annotation_update?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_collab_predictions?: boolean;
  @ApiPropertyOptional({ enum: SAMPLING_MODES, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(SAMPLING_MODES)
  sampling?: SamplingMode | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_ground_truth_first?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() show_overlap_first?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  overlap_cohort_percentage?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(256)
  task_data_login?: string | null;
  @ApiPropertyOptional({ nullable: true, writeOnly: true })
  @IsOptional()
  @nullable()
  @IsString()
  @MaxLength(256)
  task_data_password?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @nullable()
  @IsObject()
  control_weights?: Record<string, unknown> | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() evaluate_predictions_automatically?: boolean;
  @ApiPropertyOptional({ enum: SKIP_QUEUE_MODES, nullable: true })
  @IsOptional()
  @nullable()
  @IsIn(SKIP_QUEUE_MODES)
  skip_queue?: SkipQueueMode | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reveal_preannotations_interactively?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @nullable() @IsDateString() pinned_at?:
    string | null;

  /** The workspace to put the project in (one the caller sees); null: in none. */
  @ApiPropertyOptional({ type: 'integer', description: 'Workspace' })
  @IsOptional()
  @nullable()
  @IsRowId()
  workspace?: number | null;

  // Enterprise settings, stored as given.
  @IsOptional() @IsIn(['consensus', 'pairwise']) agreement_methodology?: 'consensus' | 'pairwise';
  @IsOptional() @nullable() @Matches(DECIMAL) agreement_threshold?: string | null;
  @IsOptional() @nullable() @IsInt() @Min(1) annotation_limit_count?: number | null;
  @IsOptional() @nullable() @Matches(DECIMAL) annotation_limit_percent?: string | null;
  @IsOptional() @IsBoolean() annotator_evaluation_enabled?: boolean;
  @IsOptional() @IsInt() @Min(0) annotator_evaluation_continuous_tasks?: number;
  @IsOptional() @nullable() @Matches(DECIMAL) annotator_evaluation_minimum_score?: string | null;
  @IsOptional() @nullable() @IsInt() @Min(0) annotator_evaluation_minimum_tasks?: number | null;
  @IsOptional() @IsInt() @Min(0) annotator_evaluation_onboarding_tasks?: number;
  @IsOptional() @IsString() comment_classification_config?: string;
  @IsOptional() @IsString() custom_script?: string;
  @IsOptional() @nullable() @IsInt() @Min(1) @Max(86400) custom_task_lock_ttl?: number | null;
  @IsOptional() @nullable() @IsInt() max_additional_annotators_assignable?: number | null;
  @IsOptional() @nullable() @IsBoolean() pause_on_failed_annotator_evaluation?: boolean | null;
  @IsOptional() @IsBoolean() require_comment_on_skip?: boolean;
  @IsOptional() @IsBoolean() strict_task_overlap?: boolean;
  @IsOptional() @nullable() @IsBoolean() show_unused_data_columns_to_annotators?: boolean | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentSettingsInput)
  assignment_settings?: AssignmentSettingsInput;

  @IsOptional() @IsObject() review_settings?: Record<string, unknown>;
}
