import { ProjectImport } from './project-import.entity';
import { ImportResultResponse } from './responses/import-result.response';
import { ProjectImportResponse } from './responses/project-import.response';

export function serializeImport(record: ProjectImport): ProjectImportResponse {
  return {
    id: record.id,
    project: record.project_id,
    status: record.status,
    commit_to_project: record.commit_to_project,
    return_task_ids: record.return_task_ids,
    preannotated_from_fields: record.preannotated_from_fields,
    url: record.url,
    error: record.error,
    task_count: record.task_count,
    annotation_count: record.annotation_count,
    prediction_count: record.prediction_count,
    duration: record.duration,
    file_upload_ids: record.file_upload_ids,
    could_be_tasks_list: record.could_be_tasks_list,
    found_formats: record.found_formats,
    data_columns: record.data_columns,
    task_ids: record.task_ids,
    tasks: null,
    created_at: record.created_at.toISOString(),
    updated_at: record.updated_at.toISOString(),
    finished_at: record.finished_at ? record.finished_at.toISOString() : null,
  };
}

/**
 * The answer to an import that ran at once. Label Studio's code writes `prediction_count`, the
 * contract names `predictions_count`: both are there (docs/contract-deviations.md).
 */
export function serializeImportResult(
  record: ProjectImport,
  duration: number,
): ImportResultResponse {
  return {
    task_count: record.task_count,
    annotation_count: record.commit_to_project ? record.annotation_count : null,
    prediction_count: record.commit_to_project ? record.prediction_count : null,
    predictions_count: record.commit_to_project ? record.prediction_count : null,
    duration,
    file_upload_ids: record.file_upload_ids,
    could_be_tasks_list: record.could_be_tasks_list,
    found_formats: Object.keys(record.found_formats),
    data_columns: record.data_columns,
    import: record.id,
    ...(record.return_task_ids ? { task_ids: record.task_ids } : {}),
  };
}
