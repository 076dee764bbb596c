import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

export class OrganizationPermissionDto {
  @ApiProperty({ maxLength: 255 })
  @IsString()
  @Length(1, 255)
  permission!: string;

  @ApiPropertyOptional({ enum: MEMBER_ROLES, isArray: true, description: 'Organization roles' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMBER_ROLES.length)
  @IsIn(MEMBER_ROLES, { each: true })
  roles?: MemberRole[];
}

export class OrganizationPermissionPatchDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  permission?: string;

  @ApiPropertyOptional({ enum: MEMBER_ROLES, isArray: true, description: 'Organization roles' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMBER_ROLES.length)
  @IsIn(MEMBER_ROLES, { each: true })
  roles?: MemberRole[];
}

export class PermissionOrderingQuery {
  @ApiPropertyOptional({
    description: 'Field to order by: permission, label or group (- for descending)',
  })
  @IsOptional()
  @IsString()
  @Length(0, 64)
  ordering?: string;
}
