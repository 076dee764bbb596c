import { ColumnResponse } from './column.response';

type FixedColumn = Omit<ColumnResponse, 'target' | 'project_defined' | 'visibility_defaults'> & {
  explore: boolean;
  labeling: boolean;
};

/** The task columns after the data columns, in Label Studio's order (behavior.md 6.6). */
const FIXED_COLUMNS: FixedColumn[] = [
  { id: 'id', title: 'ID', type: 'Number', help: 'Task ID', explore: true, labeling: false },
  {
    id: 'inner_id',
    title: 'Inner ID',
    type: 'Number',
    help: 'Internal task ID starting from 1 for the current project',
    explore: false,
    labeling: false,
  },
  {
    id: 'completed_at',
    title: 'Completed',
    type: 'Datetime',
    help: 'Last annotation date',
    explore: true,
    labeling: false,
  },
  {
    id: 'total_annotations',
    title: 'Annotations',
    type: 'Number',
    help: 'Total annotations per task',
    explore: true,
    labeling: true,
  },
  {
    id: 'cancelled_annotations',
    title: 'Cancelled',
    type: 'Number',
    help: 'Total cancelled (skipped) annotations',
    explore: true,
    labeling: false,
  },
  {
    id: 'total_predictions',
    title: 'Predictions',
    type: 'Number',
    help: 'Total predictions per task',
    explore: true,
    labeling: false,
  },
  {
    id: 'annotators',
    title: 'Annotated by',
    type: 'List',
    help: 'All users who completed the task',
    explore: true,
    labeling: false,
  },
  {
    id: 'annotations_results',
    title: 'Annotation results',
    type: 'String',
    help: 'Annotation results stacked over all annotations',
    explore: false,
    labeling: false,
  },
  {
    id: 'annotations_ids',
    title: 'Annotation IDs',
    type: 'String',
    help: 'Annotation IDs stacked over all annotations',
    explore: false,
    labeling: false,
  },
  {
    id: 'predictions_score',
    title: 'Prediction score',
    type: 'Number',
    help: 'Average prediction score over all task predictions',
    explore: false,
    labeling: false,
  },
  {
    id: 'predictions_model_versions',
    title: 'Prediction model versions',
    type: 'List',
    help: 'Model versions aggregated over all predictions',
    explore: false,
    labeling: false,
  },
  {
    id: 'predictions_results',
    title: 'Prediction results',
    type: 'String',
    help: 'Prediction results stacked over all predictions',
    explore: false,
    labeling: false,
  },
  {
    id: 'file_upload',
    title: 'Upload filename',
    type: 'String',
    help: 'Filename of uploaded file',
    explore: false,
    labeling: false,
  },
  {
    id: 'storage_filename',
    title: 'Storage filename',
    type: 'String',
    help: 'Filename from import storage',
    explore: false,
    labeling: false,
  },
  {
    id: 'created_at',
    title: 'Created at',
    type: 'Datetime',
    help: 'Task creation time',
    explore: false,
    labeling: false,
  },
  {
    id: 'updated_at',
    title: 'Updated at',
    type: 'Datetime',
    help: 'Task update time',
    explore: false,
    labeling: false,
  },
  {
    id: 'updated_by',
    title: 'Updated by',
    type: 'List',
    help: 'User who did the last task update',
    explore: false,
    labeling: false,
  },
  {
    id: 'avg_lead_time',
    title: 'Lead Time',
    type: 'Number',
    help: 'Average lead time over all annotations (seconds)',
    explore: false,
    labeling: false,
  },
  {
    id: 'draft_exists',
    title: 'Drafts',
    type: 'Boolean',
    help: 'True if at least one draft exists for the task',
    explore: false,
    labeling: false,
  },
];

/**
 * The fixed task columns; `predictions_model_versions` lists the project's model versions as its
 * filter choices. User columns carry no member list, as the newest Label Studio sends them (the
 * UI asks the users route).
 */
export function fixedColumns(modelVersions: string[]): ColumnResponse[] {
  return FIXED_COLUMNS.map(({ explore, labeling, ...column }) => ({
    ...column,
    target: 'tasks',
    ...(column.id === 'predictions_model_versions'
      ? { schema: { items: modelVersions, multiple: true } }
      : {}),
    visibility_defaults: { explore, labeling },
    project_defined: false,
  }));
}
