import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  CONNECTION_SCOPES,
  ConnectionScope,
  LLM_PROVIDERS,
  LlmProviderName,
} from '../model-provider-connection.entity';

const MAX_SECRET = 65_536;

/**
 * The contract's `ModelProviderConnectionRequest` (PATCH: `PatchedModelProviderConnectionRequest`,
 * the same fields). The contract requires none; `provider` is checked on create by the service.
 */
@ApiSchema({ name: 'ModelProviderConnectionRequest' })
export class ModelProviderConnectionInputDto {
  @ApiPropertyOptional({ enum: LLM_PROVIDERS })
  @IsOptional()
  @IsIn(LLM_PROVIDERS)
  provider?: LlmProviderName;

  @ApiPropertyOptional({ enum: CONNECTION_SCOPES })
  @IsOptional()
  @IsIn(CONNECTION_SCOPES)
  scope?: ConnectionScope;

  @ApiPropertyOptional({ nullable: true, writeOnly: true, description: 'Model provider API key' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SECRET)
  api_key?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    writeOnly: true,
    description: 'Model provider Auth token',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SECRET)
  auth_token?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    writeOnly: true,
    description: 'The content of GOOGLE_APPLICATION_CREDENTIALS json file',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SECRET)
  google_application_credentials?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  deployment_name?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  endpoint?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  google_project_id?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  google_location?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  cached_available_models?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  is_internal?: boolean | null;

  @ApiPropertyOptional({ nullable: true, format: 'double' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  budget_alert_threshold?: number | null;
}

/** `GET /api/model-provider-connections/?ordering=`. */
export class ConnectionListQuery {
  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @IsString()
  ordering?: string;
}
