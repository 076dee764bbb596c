import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length } from 'class-validator';

export class LabelPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2048) title?: string;
  @ApiPropertyOptional() @IsOptional() value?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approved?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() approved_by?: number | null;
}
