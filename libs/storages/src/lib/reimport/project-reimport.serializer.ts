import { ProjectReimport } from './project-reimport.entity';
import { ProjectReimportResponse } from './responses/project-reimport.response';
import { ReimportResultResponse } from './responses/reimport-result.response';

export function serializeReimport(record: ProjectReimport): ProjectReimportResponse {
  return {
    id: record.id,
    project: record.project_id,
    status: record.status,
    error: record.error,
    task_count: record.task_count,
    annotation_count: record.annotation_count,
    prediction_count: record.prediction_count,
    duration: record.duration,
    file_upload_ids: record.file_upload_ids,
    files_as_tasks_list: record.files_as_tasks_list,
    found_formats: record.found_formats,
    data_columns: record.data_columns,
  };
}

export function serializeReimportResult(
  record: ProjectReimport,
  duration: number,
): ReimportResultResponse {
  return {
    task_count: record.task_count,
    annotation_count: record.annotation_count,
    prediction_count: record.prediction_count,
    duration,
    file_upload_ids: record.file_upload_ids,
    found_formats: Object.keys(record.found_formats),
    data_columns: record.data_columns,
    reimport: record.id,
  };
}
