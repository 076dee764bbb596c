import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsRequired } from '@ls/core';
import { MEMBER_TAG_LABEL_MAX_LENGTH } from '../../entities/organization-member-tag.entity';
import { Trimmed } from './trimmed';

@ApiSchema({ name: 'OrganizationMemberTagRequest' })
export class MemberTagDto {
  @ApiProperty({ minLength: 1, maxLength: MEMBER_TAG_LABEL_MAX_LENGTH })
  @Trimmed()
  @IsRequired()
  @IsString()
  @Length(1, MEMBER_TAG_LABEL_MAX_LENGTH)
  label!: string;
}

@ApiSchema({ name: 'PatchedOrganizationMemberTagRequest' })
export class MemberTagUpdateDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MEMBER_TAG_LABEL_MAX_LENGTH })
  @Trimmed()
  @IsOptional()
  @IsString()
  @Length(1, MEMBER_TAG_LABEL_MAX_LENGTH)
  label?: string;
}
