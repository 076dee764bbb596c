import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { MaxIds } from '@ls/core';
import { ASSIGNMENT_TYPES, AssignmentType } from './task-assignment.entity';

const REQUIRED = { message: 'This field is required.' };

export class AssigneesDto {
  @ApiProperty({ enum: ASSIGNMENT_TYPES })
  @IsDefined(REQUIRED)
  @IsIn(ASSIGNMENT_TYPES)
  type!: AssignmentType;

  @ApiProperty({ type: [Number] })
  @IsDefined(REQUIRED)
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  users!: number[];
}

/** A data manager selection: `included` tasks, or all but the `excluded` ones. */
export class TaskSelectionDto {
  @ApiProperty() @IsBoolean() all!: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  included?: number[];
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  excluded?: number[];
}

export class BulkAssigneesDto extends AssigneesDto {
  @ApiProperty({ type: TaskSelectionDto })
  @IsDefined(REQUIRED)
  @IsObject()
  @ValidateNested()
  @Type(() => TaskSelectionDto)
  selectedItems!: TaskSelectionDto;

  /** Data manager filters: they come with the data manager; only an empty filter is accepted. */
  @ApiPropertyOptional() @IsOptional() @IsObject() filters?: { items?: unknown[] } | null;
}

export class RemoveAssigneesQuery {
  @IsOptional() @IsIn(ASSIGNMENT_TYPES) type?: AssignmentType;
  /** Comma-separated user ids (at most MAX_IDS_PER_REQUEST, checked when parsed). */
  @IsOptional() users?: string;
}
