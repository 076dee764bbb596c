import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsOptional, Min } from 'class-validator';

/** A draft's fields besides its result. */
export class DraftFieldsDto {
  @ApiPropertyOptional({ type: 'number', nullable: true, description: 'Seconds' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  lead_time?: number | null;
  @ApiPropertyOptional({ description: 'Postponed in the label stream' })
  @IsOptional()
  @IsBoolean()
  was_postponed?: boolean;
}
