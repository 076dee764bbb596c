import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length } from 'class-validator';

export class LabelLinkPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2048) from_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() label?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() project?: number;
}
