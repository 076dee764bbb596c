import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { IsRequired } from '@ls/core';
import { MEMBER_TAG_LABEL_MAX_LENGTH } from '../../entities/organization-member-tag.entity';
import { EachTrimmed } from './trimmed';

/** Most labels one bulk request may name. */
export const MAX_LABELS_PER_REQUEST = 10_000;

/** `{labels}` of bulk create and bulk delete. */
@ApiSchema({ name: 'OrganizationMemberTagBulkCreateRequest' })
export class MemberTagLabelsDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_LABELS_PER_REQUEST,
    description: 'List of tag labels.',
  })
  @EachTrimmed()
  @IsRequired()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LABELS_PER_REQUEST)
  @IsString({ each: true })
  @Length(1, MEMBER_TAG_LABEL_MAX_LENGTH, { each: true })
  labels!: string[];
}
