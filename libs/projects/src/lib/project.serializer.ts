import { serializeUserSimple } from '@ls/auth';
import { COUNTER_FIELDS, ProjectCounters } from './ports/project-stats';
import { Project } from './project.entity';
import { PROJECT_SETTING_DEFAULTS } from './project-settings';
import { LseProjectCreateResponse } from './responses/lse-project-create.response';
import { LseProjectResponse } from './responses/lse-project.response';
import { ProjectCountsResponse } from './responses/project-counts.response';

const DESCRIPTION_SHORT_LENGTH = 200;

/**
 * A project as reads and lists show it. `counters` holds the counter fields to show (all of them
 * unless the request narrowed them with `include`); counters are integers, as Label Studio's
 * serializers give them (docs/contract-deviations.md). Review figures are zero: reviews are an
 * Enterprise feature this server does not have.
 */
export function serializeProject(
  project: Project,
  counters: Partial<ProjectCounters>,
  membersCount: number,
): LseProjectResponse {
  const settings = { ...PROJECT_SETTING_DEFAULTS, ...project.settings };
  const { assignment_settings, review_settings, ...enterprise } = settings;
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    description_short: (project.description ?? '').slice(0, DESCRIPTION_SHORT_LENGTH),
    label_config: project.label_config,
    parsed_label_config: project.parsed_label_config,
    data_types: project.data_types,
    config_has_control_tags: Object.keys(project.parsed_label_config).length > 0,
    config_suitable_for_bulk_annotation: project.config_suitable_for_bulk_annotation,
    control_weights: project.control_weights,
    expert_instruction: project.expert_instruction,
    show_instruction: project.show_instruction,
    show_skip_button: project.show_skip_button,
    enable_empty_annotation: project.enable_empty_annotation,
    show_annotation_history: project.show_annotation_history,
    color: project.color,
    maximum_annotations: project.maximum_annotations,
    is_published: project.is_published,
    model_version: project.model_version,
    is_draft: project.is_draft,
    created_by: project.created_by ? serializeUserSimple(project.created_by) : null,
    created_at: project.created_at.toISOString(),
    min_annotations_to_start_training: project.min_annotations_to_start_training,
    start_training_on_annotation_update: project.start_training_on_annotation_update,
    show_collab_predictions: project.show_collab_predictions,
    sampling: project.sampling,
    show_ground_truth_first: project.show_ground_truth_first,
    show_overlap_first: project.show_overlap_first,
    overlap_cohort_percentage: project.overlap_cohort_percentage,
    task_data_login: project.task_data_login,
    evaluate_predictions_automatically: project.evaluate_predictions_automatically,
    skip_queue: project.skip_queue,
    reveal_preannotations_interactively: project.reveal_preannotations_interactively,
    pinned_at: project.pinned_at ? project.pinned_at.toISOString() : null,
    organization: project.organization_id,
    workspace: project.workspace_id === null ? '' : String(project.workspace_id),
    workspace_title: project.workspace?.title ?? '',
    ...enterprise,
    assignment_settings: {
      id: project.id,
      project: project.id,
      label_stream_task_distribution:
        assignment_settings?.label_stream_task_distribution ?? 'auto_distribution',
    },
    review_settings: {
      ...(review_settings ?? {}),
      id: project.id,
      project: project.id,
      requeue_rejected_tasks_to_annotator: false,
    },
    ...counters,
    rejected: 0,
    review_total_tasks: 0,
    reviewed_number: 0,
    reviewer_queue_total: 0,
    members: '',
    members_count: membersCount,
    prompts: '',
    state: '',
    ready: true,
    allow_stream: true,
    is_dimensions_enabled: 'false',
    blueprints: [],
    duplication_done: false,
    duplication_status: '',
  };
}

/**
 * A project as create and update answers show it: the contract types `workspace` as an integer
 * there (0: none) where reads give a string.
 */
export function serializeWrittenProject(
  project: Project,
  counters: Partial<ProjectCounters>,
  membersCount: number,
): LseProjectCreateResponse {
  return {
    ...serializeProject(project, counters, membersCount),
    workspace: project.workspace_id ?? 0,
  };
}

/** `LseProjectCounts`: the id and the counters. */
export function serializeProjectCounts(
  id: number,
  counters: Partial<ProjectCounters>,
): ProjectCountsResponse {
  return {
    id,
    ...counters,
    rejected: 0,
    review_total_tasks: 0,
    reviewed_number: 0,
  };
}

/** The counter fields a request asks for with `include` (all when absent). */
export function includedCounterFields(include: string | undefined): (keyof ProjectCounters)[] {
  if (!include) return [...COUNTER_FIELDS];
  const wanted = new Set(include.split(',').map((field) => field.trim()));
  return COUNTER_FIELDS.filter((field) => wanted.has(field));
}

export function pickCounters(counters: ProjectCounters, fields: (keyof ProjectCounters)[]) {
  return Object.fromEntries(
    fields.map((field) => [field, counters[field]]),
  ) as Partial<ProjectCounters>;
}
