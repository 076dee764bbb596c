import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';
import { ViewPartsDto } from './view-parts.dto';

/** PUT and PATCH of a view; `project` may move it to another project of the organization. */
export class ViewUpdateDto extends ViewPartsDto {
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  project?: number;
}
