import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
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
  @IsArray()
  @ArrayMaxSize(100)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails!: string[];
  @IsIn(MEMBER_ROLES.filter((role) => role !== 'OW')) role!: MemberRole;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) projects?: number[];
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsInt({ each: true }) workspaces?: number[];
}

export class RevokeInviteDto {
  @IsEmail() @MaxLength(254) email!: string;
}

/** An invitation's token, or an organization's invite-link token. */
const InviteTokenField = () => applyDecorators(ApiProperty(), IsString(), Length(16, 256));

export class AcceptInviteDto {
  @InviteTokenField() token!: string;
}

export class SignUpDto {
  @InviteTokenField() token!: string;

  @ApiPropertyOptional({ description: 'Required with an invite link; an invitation knows it' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ writeOnly: true }) @IsString() @MinLength(8) @MaxLength(256) password!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) username?: string;
}
