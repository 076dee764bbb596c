import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ActivityLog } from '../activity-log.entity';

@ApiSchema({ name: 'ActivityLog' })
export class ActivityLogItemResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiProperty() user_id!: number;
  @ApiProperty({ maxLength: 256 }) email!: string;
  @ApiProperty({ maxLength: 10, title: 'Http method' }) request_method!: string;
  @ApiProperty({ maxLength: 256, title: 'Url' }) request_url!: string;
  @ApiProperty({ maxLength: 3 }) response_code!: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) datetime!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Duration of response generation in ms',
  })
  duration!: number | null;
  @ApiProperty({ type: String, nullable: true, title: 'IP' }) ip_address!: string | null;
  @ApiProperty({ maxLength: 1024 }) user_agent!: string;
  @ApiProperty({ maxLength: 1024 }) http_referer!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Project id if request has it' })
  project_id!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Organization id' })
  organization_id!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Owner id of workspace where action performed',
  })
  workspace_owner_id!: number | null;
  @ApiProperty({ nullable: true, description: 'Never recorded: request bodies are not kept' })
  extra_data!: unknown;
  @ApiProperty({ type: String, nullable: true, maxLength: 8 }) user_session!: string | null;
}

@ApiSchema({ name: 'ActivityLogResponse' })
export class ActivityLogPageResponse {
  @ApiProperty({ type: [ActivityLogItemResponse] }) data!: ActivityLogItemResponse[];
  @ApiProperty({ description: "Every entry of the caller's organization" })
  recordsTotal!: number;
  @ApiProperty({ description: 'The entries the filters keep' }) recordsFiltered!: number;
}

export function serializeActivityLog(log: ActivityLog): ActivityLogItemResponse {
  return {
    id: log.id,
    user_id: log.user_id,
    email: log.email,
    request_method: log.request_method,
    request_url: log.request_url,
    response_code: log.response_code,
    datetime: log.datetime.toISOString(),
    duration: log.duration,
    ip_address: log.ip_address,
    user_agent: log.user_agent,
    http_referer: log.http_referer,
    project_id: log.project_id,
    organization_id: log.organization_id,
    workspace_owner_id: log.workspace_owner_id,
    extra_data: log.extra_data ?? null,
    user_session: log.user_session,
  };
}
