import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const TEN_YEARS_IN_MINUTES = 10 * 365 * 24 * 60;

export class SessionPolicyUpdateDto {
  @ApiPropertyOptional({ description: 'minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TEN_YEARS_IN_MINUTES)
  max_session_age?: number;

  @ApiPropertyOptional({ description: 'minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TEN_YEARS_IN_MINUTES)
  max_time_between_activity?: number;
}
