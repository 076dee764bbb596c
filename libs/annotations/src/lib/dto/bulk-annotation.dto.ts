import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { MaxIds } from '@ls/core';
import { TaskSelectionDto } from '@ls/tasks';
import { AnnotationInputDto } from './annotation-input.dto';

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
