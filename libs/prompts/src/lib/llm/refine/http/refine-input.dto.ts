import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsRequired, toBool } from '@ls/core';

/** `POST …/refine`: the contract's `RefinePromptRequestRequest`. */
@ApiSchema({ name: 'RefinePromptRequestRequest' })
export class RefineRequestDto {
  @ApiProperty({ description: 'Project ID to target the refined prompt for' })
  @IsRequired()
  @IsInt()
  @Min(1)
  project_id!: number;

  @ApiProperty({ description: 'Name of the model to use to refine the prompt', minLength: 1 })
  @IsRequired()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  teacher_model_name!: string;

  @ApiProperty({ description: 'Model Provider Connection ID to use to refine the prompt' })
  @IsRequired()
  @IsInt()
  @Min(1)
  teacher_model_provider_connection_id!: number;
}

/** `?async=`: run the refinement as a job and answer at once. */
export class RefineQuery {
  @ApiPropertyOptional({ description: 'Whether to run the refinement asynchronously' })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  async?: boolean;
}

/** `GET …/refine?refinement_job_id=`. */
export class RefinementQuery {
  @ApiPropertyOptional({
    description: 'Refinement Job ID acquired from the POST …/refine endpoint',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  refinement_job_id?: string;
}
