import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';

@ApiSchema({ name: 'OrganizationMembership' })
export class OrganizationMembershipResponse {
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
  @ApiProperty({ type: String, enum: ['true', 'false'] }) active!: string;
  @ApiProperty({ type: 'integer' }) organization_id!: number;
}
