import { ApiProperty } from '@nestjs/swagger';

export class ProjectDashboardResponse {
  @ApiProperty({ type: 'integer' }) tasks!: number;
  @ApiProperty({ type: 'integer' }) annotations!: number;
  @ApiProperty({ type: 'integer', description: 'Tasks with annotations' }) annotated_tasks!: number;
  @ApiProperty({ type: 'integer' }) skipped_tasks!: number;
  @ApiProperty({ type: 'integer', description: 'Tasks not finished' }) remaining_tasks!: number;
  @ApiProperty({ type: 'integer', description: 'Reviews are an Enterprise feature: 0' })
  reviewed_tasks!: number;
}
