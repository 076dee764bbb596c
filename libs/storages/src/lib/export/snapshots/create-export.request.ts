import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ONLY_OR_EXCLUDE = ['only', 'exclude', null];

export class TaskFilterOptionsRequest {
  @ApiPropertyOptional({ description: 'Apply the filters of this data manager view' })
  @IsOptional()
  @IsInt()
  @Min(1)
  view?: number;

  @ApiPropertyOptional({ enum: ['only', 'exclude'], nullable: true })
  @IsOptional()
  @IsIn(ONLY_OR_EXCLUDE)
  skipped?: 'only' | 'exclude' | null;

  @ApiPropertyOptional({ enum: ['only', 'exclude'], nullable: true })
  @IsOptional()
  @IsIn(ONLY_OR_EXCLUDE)
  finished?: 'only' | 'exclude' | null;

  @ApiPropertyOptional({ enum: ['only', 'exclude'], nullable: true })
  @IsOptional()
  @IsIn(ONLY_OR_EXCLUDE)
  annotated?: 'only' | 'exclude' | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  only_with_annotations?: boolean;

  /** Reviews are not kept by this server: `only` selects no task, `exclude` every one. */
  @ApiPropertyOptional({ enum: ['only', 'exclude'], nullable: true })
  @IsOptional()
  @IsIn(ONLY_OR_EXCLUDE)
  reviewed?: 'only' | 'exclude' | null;
}

export class AnnotationFilterOptionsRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() usual?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() ground_truth?: boolean | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean() skipped?: boolean | null;
  /** Reviews are not kept by this server: `only` keeps no annotation, `exclude` all. */
  @ApiPropertyOptional({ enum: ['only', 'exclude'], nullable: true })
  @IsOptional()
  @IsIn(ONLY_OR_EXCLUDE)
  reviewed?: 'only' | 'exclude' | null;
}

export class SerializationOptionRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() only_id?: boolean;
}

export class SerializationOptionsRequest {
  @ApiPropertyOptional({ type: SerializationOptionRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => SerializationOptionRequest)
  drafts?: SerializationOptionRequest;

  @ApiPropertyOptional({ type: SerializationOptionRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => SerializationOptionRequest)
  predictions?: SerializationOptionRequest;

  @ApiPropertyOptional({ type: SerializationOptionRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => SerializationOptionRequest)
  annotations__completed_by?: SerializationOptionRequest;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() include_annotation_history?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() interpolate_key_frames?: boolean;
}

/** `POST /api/projects/{id}/exports/` (`LseExportCreateRequest`); every part is optional. */
export class CreateExportRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) title?: string;

  @ApiPropertyOptional({ type: TaskFilterOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskFilterOptionsRequest)
  task_filter_options?: TaskFilterOptionsRequest;

  @ApiPropertyOptional({ type: AnnotationFilterOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnnotationFilterOptionsRequest)
  annotation_filter_options?: AnnotationFilterOptionsRequest;

  @ApiPropertyOptional({ type: SerializationOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => SerializationOptionsRequest)
  serialization_options?: SerializationOptionsRequest;
}

/** `POST /api/projects/{id}/exports/{export_pk}/convert`. */
export class ConvertExportRequest {
  @ApiPropertyOptional() @IsString() @MaxLength(64) export_type!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() download_resources?: boolean;
}
