import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Min,
  NotContains,
  ValidateNested,
} from 'class-validator';
import { MaxIds } from '@ls/core';
import { TaskSelectionDto } from '@ls/tasks';
import { LAST_ACTIONS, LastAction } from '../entities/annotation.entity';

const REQUIRED = { message: 'This field is required.' };

/** The writable fields of an annotation (create and patch). */
export class AnnotationInputDto {
  /** A list of result items, or a JSON string of one. */
  @ApiPropertyOptional({ type: [Object] }) @IsOptional() result?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() was_cancelled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ground_truth?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) lead_time?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() completed_by?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() parent_prediction?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() parent_annotation?: number | null;
  @ApiPropertyOptional({ enum: LAST_ACTIONS })
  @IsOptional()
  @IsIn(LAST_ACTIONS)
  last_action?: LastAction | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() import_id?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsDateString() draft_created_at?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @NotContains('\u0000', { message: 'unique_id cannot contain NUL characters.' })
  unique_id?: string;
}

/** One annotation for many tasks: the tasks by id, or a selection of a project's tasks. */
export class BulkAnnotationDto extends AnnotationInputDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  tasks?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() project?: number;
  @ApiPropertyOptional({ type: TaskSelectionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TaskSelectionDto)
  selected_items?: TaskSelectionDto | null;
}

export class BulkDeleteAnnotationsDto {
  @ApiPropertyOptional()
  @IsDefined(REQUIRED)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids!: number[];

  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() project!: number;
}

export class PredictionInputDto {
  @ApiPropertyOptional({ type: [Object] }) @IsOptional() result?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsNumber() score?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 255) model_version?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() cluster?: number | null;
  @ApiPropertyOptional() @IsOptional() neighbors?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsNumber() mislabeling?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() model?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() model_run?: number | null;
}

export class CreatePredictionDto extends PredictionInputDto {
  @ApiPropertyOptional() @IsDefined(REQUIRED) @IsInt() task!: number;
  @ApiPropertyOptional({ type: [Object] }) @IsDefined(REQUIRED) declare result: unknown;
}

export class ListPredictionsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() task?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
}
