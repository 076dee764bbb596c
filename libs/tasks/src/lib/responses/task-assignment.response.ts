import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ASSIGNMENT_TYPES, AssignmentType } from '../assignments/task-assignment.entity';

@ApiSchema({ name: 'TaskAssignment' })
export class TaskAssignmentResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) task!: number;
  @ApiProperty({ type: 'integer' }) assignee!: number;
  @ApiProperty({
    enum: ASSIGNMENT_TYPES,
    enumName: 'TypeEnum',
    description: 'AN: annotate, RE: review',
  })
  type!: AssignmentType;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String }) state!: string;
}
