import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { serializeUserSimple, UserSimpleResponse } from '@ls/auth';
import {
  BUDGET_RESET_PERIODS,
  CONNECTION_SCOPES,
  LLM_PROVIDERS,
  ModelProviderConnection,
} from '../model-provider-connection.entity';
import { modelParamsOf } from '../provider-requirements';

/** The contract's `ModelProviderConnection`: never the secrets. */
@ApiSchema({ name: 'ModelProviderConnection' })
export class ModelProviderConnectionResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiPropertyOptional({ enum: LLM_PROVIDERS }) provider!: string;
  @ApiPropertyOptional({ enum: CONNECTION_SCOPES }) scope!: string;
  @ApiProperty({ nullable: true, readOnly: true, type: Number }) organization!: number | null;
  @ApiProperty({ type: UserSimpleResponse, readOnly: true, nullable: true })
  created_by!: UserSimpleResponse | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deployment_name!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) endpoint!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) google_project_id!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) google_location!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cached_available_models!: string | null;
  @ApiProperty({ readOnly: true }) model_params!: string;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) is_internal!: boolean | null;
  @ApiProperty({ nullable: true, readOnly: true, type: Number, format: 'double' })
  budget_limit!: number | null;
  @ApiProperty({ nullable: true, readOnly: true, enum: BUDGET_RESET_PERIODS })
  budget_reset_period!: string | null;
  @ApiProperty({ nullable: true, readOnly: true, type: Number, format: 'double' })
  budget_total_spent!: number | null;
  @ApiProperty({ nullable: true, readOnly: true, type: String, format: 'date-time' })
  budget_last_reset_date!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, format: 'double' })
  budget_alert_threshold!: number | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) created_at!: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updated_at!: string;
}

/** `GET /api/model-provider-connections/provider-choices`. */
export class ProviderChoicesResponse {
  @ApiProperty({ type: [String] }) provider_choices!: string[];
}

export function serializeConnection(
  connection: ModelProviderConnection,
): ModelProviderConnectionResponse {
  return {
    id: connection.id,
    provider: connection.provider,
    scope: connection.scope,
    organization: connection.organization_id,
    created_by: connection.created_by ? serializeUserSimple(connection.created_by) : null,
    deployment_name: connection.deployment_name,
    endpoint: connection.endpoint,
    google_project_id: connection.google_project_id,
    google_location: connection.google_location,
    cached_available_models: connection.cached_available_models,
    model_params: modelParamsOf(connection.provider),
    is_internal: connection.is_internal,
    budget_limit: connection.budget_limit,
    budget_reset_period: connection.budget_reset_period,
    budget_total_spent: connection.budget_total_spent,
    budget_last_reset_date: connection.budget_last_reset_date?.toISOString() ?? null,
    budget_alert_threshold: connection.budget_alert_threshold,
    created_at: connection.created_at.toISOString(),
    updated_at: connection.updated_at.toISOString(),
  };
}
