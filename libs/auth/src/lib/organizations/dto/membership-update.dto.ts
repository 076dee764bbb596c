import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt } from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

export class MembershipUpdateDto {
  @ApiPropertyOptional() @Type(() => Number) @IsInt() user_id!: number;
  @ApiPropertyOptional({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role!: MemberRole;
}
