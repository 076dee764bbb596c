import { TaskAssignmentResponse } from '../responses/task-assignment.response';
import { TaskAssignment } from './task-assignment.entity';

export function serializeAssignment(assignment: TaskAssignment): TaskAssignmentResponse {
  return {
    id: assignment.id,
    task: assignment.task_id,
    assignee: assignment.assignee_id,
    type: assignment.type,
    created_at: assignment.created_at.toISOString(),
    state: '',
  };
}
