import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AUTH_METHODS, ML_BACKEND_STATES, MlBackend, READABLE_STATES } from '../ml-backend.entity';

/** The contract's `MLBackend`: the backend without its password (only whether one is set). */
@ApiSchema({ name: 'MLBackend' })
export class MlBackendResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiProperty() url!: string;
  @ApiProperty() project!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiPropertyOptional({ enum: ML_BACKEND_STATES }) state!: string;
  @ApiProperty({ readOnly: true }) readable_state!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) error_message!: string | null;
  @ApiPropertyOptional() is_interactive!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) model_version!: string | null;
  @ApiPropertyOptional({ enum: AUTH_METHODS }) auth_method!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) basic_auth_user!: string | null;
  @ApiProperty({ readOnly: true }) basic_auth_pass_is_set!: boolean;
  @ApiPropertyOptional({ nullable: true }) extra_params!: unknown;
  @ApiPropertyOptional({ format: 'double' }) timeout!: number;
  @ApiPropertyOptional() auto_update!: boolean;
  @ApiProperty({ format: 'date-time', readOnly: true }) created_at!: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updated_at!: string;
}

export function serializeMlBackend(backend: MlBackend): MlBackendResponse {
  return {
    id: backend.id,
    url: backend.url,
    project: backend.project_id,
    title: backend.title,
    description: backend.description,
    state: backend.state,
    readable_state: READABLE_STATES[backend.state] ?? backend.state,
    error_message: backend.error_message,
    is_interactive: backend.is_interactive,
    model_version: backend.model_version,
    auth_method: backend.auth_method,
    basic_auth_user: backend.basic_auth_user,
    basic_auth_pass_is_set: backend.basic_auth_pass_sealed !== null,
    extra_params: backend.extra_params ?? null,
    timeout: backend.timeout,
    auto_update: backend.auto_update,
    created_at: backend.created_at.toISOString(),
    updated_at: backend.updated_at.toISOString(),
  };
}

/** `GET /api/ml/{id}/versions`. */
export class MlVersionsResponse {
  @ApiProperty({ type: [String] }) versions!: string[];
  @ApiPropertyOptional() message?: string;
}
