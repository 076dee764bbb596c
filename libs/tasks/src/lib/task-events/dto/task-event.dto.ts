import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsString, Length } from 'class-validator';

export class TaskEventDto {
  @ApiProperty() @IsString() @Length(1, 255) event_key!: string;
  @ApiProperty() @IsDateString() event_time!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() annotation?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() annotation_draft_id?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() review?: number | null;
  @ApiPropertyOptional() @IsOptional() meta?: unknown;
}
