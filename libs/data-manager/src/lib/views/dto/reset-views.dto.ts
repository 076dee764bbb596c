import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';

/** The SDK's `views.delete_all` sends the project in the body; the contract in the query. */
export class ResetViewsDto {
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  project?: number;
}
