import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsRequired } from '@ls/core';
import {
  AUTH_METHODS,
  ML_BACKEND_STATES,
  MlAuthMethod,
  MlBackendState,
} from '../ml-backend.entity';

const MAX_TEXT = 2048;
const MAX_DESCRIPTION = 10_000;

/** `PATCH /api/ml/{id}`: the contract's `MLBackendRequest`, every field optional. */
export class MlBackendUpdateDto {
  @ApiPropertyOptional({ description: 'URL for the machine learning model server' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  url?: string;

  @ApiPropertyOptional({ description: 'Project ID' })
  @IsOptional()
  @IsInt()
  @Min(1)
  project?: number;

  @ApiPropertyOptional({ nullable: true, description: 'Name of the machine learning backend' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @ApiPropertyOptional({ enum: AUTH_METHODS })
  @IsOptional()
  @IsIn(AUTH_METHODS)
  auth_method?: MlAuthMethod;

  @ApiPropertyOptional({ nullable: true, description: 'HTTP Basic Auth user' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  basic_auth_user?: string | null;

  @ApiPropertyOptional({ nullable: true, writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  basic_auth_pass?: string | null;

  @ApiPropertyOptional({
    description: 'Any extra parameters passed to the ML Backend during the setup',
  })
  @IsOptional()
  extra_params?: unknown;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  is_interactive?: boolean;

  @ApiPropertyOptional({ description: 'Response model timeout, in seconds' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  timeout?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  auto_update?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  model_version?: string | null;

  /** Accepted as Label Studio's serializer does; the server sets it from the model server. */
  @ApiPropertyOptional({ enum: ML_BACKEND_STATES })
  @IsOptional()
  @IsIn(ML_BACKEND_STATES)
  state?: MlBackendState;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  error_message?: string | null;
}

/** `POST /api/ml/`: `url` and `project` required. */
export class MlBackendCreateDto extends MlBackendUpdateDto {
  @ApiPropertyOptional({ description: 'URL for the machine learning model server' })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  declare url: string;

  @ApiPropertyOptional({ description: 'Project ID' })
  @IsRequired()
  @IsInt()
  @Min(1)
  declare project: number;
}
