import { IsIn, IsOptional, ValidateIf } from 'class-validator';

export class AssignmentSettingsInput {
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(['auto_distribution', 'assigned_only'])
  label_stream_task_distribution?: string | null;
}
