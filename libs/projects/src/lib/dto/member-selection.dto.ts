import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional } from 'class-validator';
import { IsRequired, MaxIds } from '@ls/core';
import { IsRowId } from './row-id';

/**
 * Who a bulk membership change is about: with `all`, every candidate (matching the query
 * filters) but `excluded`; without, the `included` users.
 */
export class MemberSelectionDto {
  @ApiProperty({ description: 'Apply to all members' })
  @IsRequired()
  @IsBoolean()
  all!: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Included user IDs' })
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsRowId({ each: true })
  included?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Excluded user IDs' })
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsRowId({ each: true })
  excluded?: number[];
}
