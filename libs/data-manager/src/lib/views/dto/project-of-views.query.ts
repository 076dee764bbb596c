import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';

/** `?project=<id>` of the view routes (and of reset, which also takes it in the body). */
export class ProjectOfViewsQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'Project ID' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  project?: number;
}
