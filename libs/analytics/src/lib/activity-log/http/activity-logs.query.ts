import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, NotEquals } from 'class-validator';

export const LOG_METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT', 'all'] as const;
export type LogMethod = (typeof LOG_METHODS)[number];

const MAX_ID = 2_147_483_647;
const methodName = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  return value.toLowerCase() === 'all' ? 'all' : value.toUpperCase();
};

/** `?...` of `GET /api/activity-logs/`, DataTables' `start` and `length` accepted as aliases. */
export class ActivityLogsQuery {
  @ApiPropertyOptional({
    description: 'HTTP request method used in the log.',
    enum: LOG_METHODS,
    default: 'all',
  })
  @IsOptional()
  @Transform(methodName)
  @IsIn(LOG_METHODS, {
    message: `method must be one of: ${LOG_METHODS.join(', ')}`,
  })
  method?: string;

  @ApiPropertyOptional({ description: 'Start date/time (ISO-8601) for log filtering.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  start_date?: string;

  @ApiPropertyOptional({ description: 'End date/time (ISO-8601) for log filtering.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  end_date?: string;

  @ApiPropertyOptional({ description: 'User ID to filter logs.', type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  user?: number;

  @ApiPropertyOptional({ description: 'Project ID to filter logs.', type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  project?: number;

  @ApiPropertyOptional({ description: 'Workspace owner ID to filter logs.', type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  workspace?: number;

  @ApiPropertyOptional({
    description: 'Search expression using "AND"/"OR" to filter by request URL.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  search?: string;

  @ApiPropertyOptional({ description: 'Which field to use when ordering the results.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  ordering?: string;

  @ApiPropertyOptional({ description: '[or "start"] Current page index.', type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  page?: number;

  @ApiHideProperty()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  start?: number;

  @ApiPropertyOptional({
    description: '[or "length"] Logs per page, use -1 to obtain all logs (might be slow).',
    type: Number,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @NotEquals(0)
  page_size?: number;

  @ApiHideProperty()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @NotEquals(0)
  length?: number;
}
