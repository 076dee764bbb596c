import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { serializeUserSimple, UserSimpleResponse } from '@ls/auth';
import { LLM_PROVIDERS } from '../../connections/model-provider-connection.entity';
import { PromptVersion } from '../prompt-version.entity';

/** The contract's `ThirdPartyModelVersion`. */
@ApiSchema({ name: 'ThirdPartyModelVersion' })
export class PromptVersionResponse {
  @ApiProperty({ readOnly: true }) id!: number;
  @ApiPropertyOptional({ description: 'Parent model interface ID' }) parent_model!: number;
  @ApiProperty({ maxLength: 500, description: 'Model name' }) title!: string;
  @ApiProperty({ description: 'Prompt to execute' }) prompt!: string;
  @ApiPropertyOptional({ enum: LLM_PROVIDERS }) provider!: string;
  @ApiProperty({ maxLength: 255 }) provider_model_id!: string;
  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  model_provider_connection!: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) organization!: number | null;
  @ApiProperty({ type: UserSimpleResponse, readOnly: true, nullable: true })
  created_by!: UserSimpleResponse | null;
  /** Null until a run on ground truth tasks scores the version (a deviation: not nullable there). */
  @ApiProperty({ readOnly: true, nullable: true, type: String }) score!: string | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) created_at!: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updated_at!: string;
}

export function serializePromptVersion(version: PromptVersion): PromptVersionResponse {
  return {
    id: version.id,
    parent_model: version.parent_model_id,
    title: version.title,
    prompt: version.prompt,
    provider: version.provider,
    provider_model_id: version.provider_model_id,
    model_provider_connection: version.model_provider_connection_id,
    organization: version.organization_id,
    created_by: version.created_by ? serializeUserSimple(version.created_by) : null,
    score: version.score === null ? null : String(version.score),
    created_at: version.created_at.toISOString(),
    updated_at: version.updated_at.toISOString(),
  };
}
