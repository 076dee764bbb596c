import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export class RunActionQuery {
  @ApiProperty({ description: 'Action ID' }) @IsString() @MaxLength(100) id!: string;
  @ApiProperty({ description: 'Project ID' }) @Type(() => Number) @IsInt() project!: number;
  @ApiPropertyOptional({ description: 'View ID, before the filters of the body' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  view?: number;
  /** The data manager frontend names the view `tabID`. */
  @ApiPropertyOptional({ description: 'View ID, as the data manager frontend sends it' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  tabID?: number;
}
