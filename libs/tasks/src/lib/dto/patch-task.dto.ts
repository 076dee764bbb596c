import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Min } from 'class-validator';

export class PatchTaskDto {
  @ApiPropertyOptional() @IsOptional() @IsObject() data?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsObject() meta?: Record<string, unknown> | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_labeled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_skip?: boolean | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) overlap?: number;
}
