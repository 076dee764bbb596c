import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Length } from 'class-validator';

export class PredictionInputDto {
  @ApiPropertyOptional({ type: [Object] }) @IsOptional() result?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsNumber() score?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 255) model_version?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() cluster?: number | null;
  @ApiPropertyOptional() @IsOptional() neighbors?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsNumber() mislabeling?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() model?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() model_run?: number | null;
}
