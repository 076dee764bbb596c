import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsRequired } from '@ls/core';
import { LLM_PROVIDERS, LlmProviderName } from '../../connections/model-provider-connection.entity';
import { IsOmittable, MAX_TITLE } from './prompt-input.dto';

const MAX_PROMPT = 100_000;
const MAX_MODEL_ID = 255;

/** `PATCH .../versions/{version_id}`: the contract's `PatchedThirdPartyModelVersionRequest`. */
@ApiSchema({ name: 'PatchedThirdPartyModelVersionRequest' })
export class PromptVersionUpdateDto {
  @ApiPropertyOptional({ description: 'Model name', minLength: 1, maxLength: MAX_TITLE })
  @IsOmittable('title')
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TITLE)
  title?: string;

  @ApiPropertyOptional({ description: 'Prompt to execute', minLength: 1 })
  @IsOmittable('prompt')
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PROMPT)
  prompt?: string;

  @ApiPropertyOptional({
    enum: LLM_PROVIDERS,
    description: 'The model provider to use e.g. OpenAI',
  })
  @IsOmittable('provider')
  @IsIn(LLM_PROVIDERS)
  provider?: LlmProviderName;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_MODEL_ID })
  @IsOmittable('provider_model_id')
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODEL_ID)
  provider_model_id?: string;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  model_provider_connection?: number | null;
}

/** `POST .../versions` and `PUT .../versions/{version_id}`: `ThirdPartyModelVersionRequest`. */
@ApiSchema({ name: 'ThirdPartyModelVersionRequest' })
export class PromptVersionCreateDto extends PromptVersionUpdateDto {
  static readonly required = ['title', 'prompt', 'provider_model_id'];

  @ApiProperty({ description: 'Model name', minLength: 1, maxLength: MAX_TITLE })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TITLE)
  declare title: string;

  @ApiProperty({ description: 'Prompt to execute', minLength: 1 })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PROMPT)
  declare prompt: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_MODEL_ID })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_MODEL_ID)
  declare provider_model_id: string;
}
