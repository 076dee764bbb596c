/**
 * Project settings of the contract that only the Enterprise edition acts on. They are validated,
 * stored in one JSON column and returned, so clients that set them read back what they wrote.
 */
export interface ProjectSettings {
  agreement_methodology?: 'consensus' | 'pairwise';
  agreement_threshold?: string | null;
  annotation_limit_count?: number | null;
  annotation_limit_percent?: string | null;
  annotator_evaluation_enabled?: boolean;
  annotator_evaluation_continuous_tasks?: number;
  annotator_evaluation_minimum_score?: string | null;
  annotator_evaluation_minimum_tasks?: number | null;
  annotator_evaluation_onboarding_tasks?: number;
  comment_classification_config?: string;
  custom_script?: string;
  custom_task_lock_ttl?: number | null;
  max_additional_annotators_assignable?: number | null;
  pause_on_failed_annotator_evaluation?: boolean | null;
  require_comment_on_skip?: boolean;
  strict_task_overlap?: boolean;
  show_unused_data_columns_to_annotators?: boolean | null;
  assignment_settings?: { label_stream_task_distribution?: string | null };
  review_settings?: Record<string, unknown>;
}

export const PROJECT_SETTING_DEFAULTS: Required<
  Omit<ProjectSettings, 'assignment_settings' | 'review_settings'>
> = {
  agreement_methodology: 'pairwise',
  agreement_threshold: null,
  annotation_limit_count: null,
  annotation_limit_percent: null,
  annotator_evaluation_enabled: false,
  annotator_evaluation_continuous_tasks: 0,
  annotator_evaluation_minimum_score: '95.00',
  annotator_evaluation_minimum_tasks: 10,
  annotator_evaluation_onboarding_tasks: 0,
  comment_classification_config: '',
  custom_script: '',
  custom_task_lock_ttl: null,
  max_additional_annotators_assignable: null,
  pause_on_failed_annotator_evaluation: false,
  require_comment_on_skip: false,
  strict_task_overlap: true,
  show_unused_data_columns_to_annotators: true,
};

export const PROJECT_SETTING_KEYS = [
  ...Object.keys(PROJECT_SETTING_DEFAULTS),
  'assignment_settings',
  'review_settings',
] as (keyof ProjectSettings)[];
