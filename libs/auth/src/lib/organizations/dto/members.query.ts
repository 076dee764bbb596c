import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@ls/core';
import { IsIdList } from '../../member-tags/dto/comma-lists';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

export class MembersQuery extends PageQuery {
  @IsOptional() @IsIn(MEMBER_ROLES) role?: MemberRole;
  @IsOptional() @IsString() @MaxLength(256) search?: string;
  @IsOptional() @IsString() ordering?: string;
  /** Member tag ids, comma-separated: members with any of them. */
  @IsOptional() @IsIdList() tags?: string;
}
