import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'AssignmentSettings' })
export class AssignmentSettingsResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({
    type: String,
    enum: ['auto_distribution', 'assigned_only'],
    enumName: 'LabelStreamTaskDistributionEnum',
  })
  label_stream_task_distribution!: string;
}
