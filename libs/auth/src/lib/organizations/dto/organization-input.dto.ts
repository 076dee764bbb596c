import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '@ls/core';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

export class OrganizationUpdateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(1000) title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null && value !== '')
  @IsEmail()
  @MaxLength(254)
  contact_info?: string | null;
}

export class MembersQuery extends PageQuery {
  @IsOptional() @IsIn(MEMBER_ROLES) role?: MemberRole;
  @IsOptional() @IsString() @MaxLength(256) search?: string;
  @IsOptional() @IsString() ordering?: string;
}

export class MembershipUpdateDto {
  @ApiPropertyOptional() @Type(() => Number) @IsInt() user_id!: number;
  @ApiPropertyOptional({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role!: MemberRole;
}

export class SessionPolicyUpdateDto {
  @ApiPropertyOptional({ description: 'minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10 * 365 * 24 * 60)
  max_session_age?: number;

  @ApiPropertyOptional({ description: 'minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10 * 365 * 24 * 60)
  max_time_between_activity?: number;
}

export class SendInviteDto {
  @IsArray() @ArrayMaxSize(100) @IsEmail({}, { each: true }) emails!: string[];
  @IsIn(MEMBER_ROLES.filter((role) => role !== 'OW')) role!: MemberRole;
  @IsOptional() @IsArray() projects?: number[];
  @IsOptional() @IsArray() workspaces?: number[];
}

export class RevokeInviteDto {
  @IsEmail() email!: string;
}
