import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Min,
  NotContains,
} from 'class-validator';
import { LAST_ACTIONS, LastAction } from '../entities/annotation.entity';

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
  /**
   * On create: the caller's draft of this task the annotation comes from; its `created_at`
   * becomes `draft_created_at` and it is deleted with the annotation's insert.
   */
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  draft_id?: number | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @NotContains('\u0000', { message: 'unique_id cannot contain NUL characters.' })
  unique_id?: string;
}
