import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AnnotatorTaskResponse, LseTaskResponse } from '@ls/tasks';

/** The data manager's page of tasks. */
@ApiSchema({ name: 'PaginatedRoleBasedTaskList' })
export class TaskPageResponse {
  @ApiProperty({ type: () => [LseTaskResponse] }) tasks!: (
    LseTaskResponse | AnnotatorTaskResponse
  )[];
  @ApiProperty({ type: 'integer', description: 'Tasks of the project' }) total!: number;
  @ApiProperty({ type: 'integer' }) total_annotations!: number;
  @ApiProperty({ type: 'integer' }) total_predictions!: number;
}
