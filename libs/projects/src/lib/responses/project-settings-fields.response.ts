import { ApiProperty } from '@nestjs/swagger';
import { AssignmentSettingsResponse } from './assignment-settings.response';
import { ProjectFieldsResponse } from './project-fields.response';
import { ReviewSettingsResponse } from './review-settings.response';

const DECIMAL = { type: String, format: 'decimal', nullable: true } as const;

/** Settings only the Enterprise edition acts on: stored as given and shown back. */
export abstract class ProjectSettingsFieldsResponse extends ProjectFieldsResponse {
  @ApiProperty({ enum: ['consensus', 'pairwise'], enumName: 'AgreementMethodologyEnum' })
  agreement_methodology!: 'consensus' | 'pairwise';
  @ApiProperty(DECIMAL) agreement_threshold!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) annotation_limit_count!: number | null;
  @ApiProperty(DECIMAL) annotation_limit_percent!: string | null;
  @ApiProperty({ type: Boolean }) annotator_evaluation_enabled!: boolean;
  @ApiProperty({ type: 'integer' }) annotator_evaluation_continuous_tasks!: number;
  @ApiProperty(DECIMAL) annotator_evaluation_minimum_score!: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  annotator_evaluation_minimum_tasks!: number | null;
  @ApiProperty({ type: 'integer' }) annotator_evaluation_onboarding_tasks!: number;
  @ApiProperty({ type: String }) comment_classification_config!: string;
  @ApiProperty({ type: String }) custom_script!: string;
  @ApiProperty({ type: 'integer', nullable: true }) custom_task_lock_ttl!: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  max_additional_annotators_assignable!: number | null;
  @ApiProperty({ type: Boolean, nullable: true })
  pause_on_failed_annotator_evaluation!: boolean | null;
  @ApiProperty({ type: Boolean }) require_comment_on_skip!: boolean;
  @ApiProperty({ type: Boolean }) strict_task_overlap!: boolean;
  @ApiProperty({ type: Boolean, nullable: true })
  show_unused_data_columns_to_annotators!: boolean | null;
  @ApiProperty({ type: () => AssignmentSettingsResponse })
  assignment_settings!: AssignmentSettingsResponse;
  @ApiProperty({ type: () => ReviewSettingsResponse }) review_settings!: ReviewSettingsResponse;
}
