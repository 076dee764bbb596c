import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';

export class ListPredictionsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() task?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() project?: number;
}
