import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '@ls/auth';

@ApiSchema({ name: 'ProjectRole' })
export class ProjectRoleResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) project!: number;
  @ApiProperty({ type: 'integer' }) user!: number;
  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
}
