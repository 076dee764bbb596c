import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  MaxLength,
} from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

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
