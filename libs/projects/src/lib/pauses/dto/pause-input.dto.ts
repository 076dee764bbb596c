import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsRequired, toBool } from '@ls/core';
import { PAUSE_REASONS, PauseReason } from '../pause.entity';

/** The longest explanation a paused user is shown. */
export const MAX_VERBOSE_REASON = 10_000;

/** `PauseRequest` (POST, PUT). */
export class PauseInput {
  @ApiProperty({ enum: PAUSE_REASONS })
  @IsRequired()
  @IsIn(PAUSE_REASONS)
  reason!: PauseReason;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_VERBOSE_REASON })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(MAX_VERBOSE_REASON)
  verbose_reason?: string | null;
}

/** `PatchedPauseRequest`. */
export class PausePatch extends PartialType(PauseInput) {}

export const PAUSE_ORDERINGS = ['id', 'created_at', 'updated_at', 'deleted_at', 'reason'] as const;

export class PausesQuery {
  @ApiPropertyOptional({ description: 'Include deleted pauses.' })
  @IsOptional()
  @Transform(toBool())
  @IsBoolean()
  include_deleted?: boolean;

  @ApiPropertyOptional({
    description: `One of ${PAUSE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  @IsOptional()
  @Matches(new RegExp(`^-?(${PAUSE_ORDERINGS.join('|')})$`), {
    message: `ordering must be one of ${PAUSE_ORDERINGS.join(', ')}, optionally prefixed by -`,
  })
  ordering?: string;
}
