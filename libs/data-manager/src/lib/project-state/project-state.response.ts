import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LseProjectResponse } from '@ls/projects';

/** The project as reads show it, with what the data manager UI asks about it. */
@ApiSchema({ name: 'DataManagerProjectState' })
export class ProjectStateResponse extends LseProjectResponse {
  @ApiProperty({ type: Boolean }) can_delete_tasks!: boolean;
  @ApiProperty({ type: Boolean }) can_manage_annotations!: boolean;
  @ApiProperty({ type: Boolean }) can_manage_tasks!: boolean;
  @ApiProperty({ type: Boolean, description: 'A source storage sync is running' })
  source_syncing!: boolean;
  @ApiProperty({ type: Boolean, description: 'A target storage sync is running' })
  target_syncing!: boolean;
  @ApiProperty({ type: 'integer' }) task_count!: number;
  @ApiProperty({ type: 'integer', description: 'Annotations of the project, cancelled included' })
  annotation_count!: number;
}
