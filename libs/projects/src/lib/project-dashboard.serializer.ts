import { ProjectCounters } from './ports/project-stats';
import { ProjectDashboardResponse } from './responses/project-dashboard.response';

export function serializeDashboard(counters: ProjectCounters): ProjectDashboardResponse {
  return {
    tasks: counters.task_number,
    annotations: counters.total_annotations_number,
    annotated_tasks: counters.num_tasks_with_annotations,
    skipped_tasks: counters.skipped_annotations_number,
    remaining_tasks: counters.task_number - counters.finished_task_number,
    reviewed_tasks: 0,
  };
}
