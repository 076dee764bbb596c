import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { IsRequired, MaxIds } from '@ls/core';

@ApiSchema({ name: 'BulkOrganizationMemberTagAssignmentRequest' })
export class MemberTagAssignmentDto {
  @ApiProperty({
    description:
      'If true, assign tags to all organization members (narrowed by the query filters). If false, assign tags to the provided users.',
  })
  @IsRequired()
  @IsBoolean()
  all!: boolean;

  @ApiPropertyOptional({
    type: [Number],
    description: 'List of user IDs to include in the assignment.',
  })
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  @Min(1, { each: true })
  included?: number[];

  @ApiPropertyOptional({
    type: [Number],
    description: 'List of user IDs to exclude from the assignment.',
  })
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  @Min(1, { each: true })
  excluded?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'List of tag IDs to assign.' })
  @IsOptional()
  @IsArray()
  @MaxIds()
  @IsInt({ each: true })
  @Min(1, { each: true })
  tags?: number[];

  @ApiPropertyOptional({
    default: false,
    description:
      "If true, replace each selected user's tags with the provided ones. If false, only add new assignments.",
  })
  @IsOptional()
  @IsBoolean()
  overwrite?: boolean;
}
