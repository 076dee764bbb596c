import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';
import { OrganizationSummaryResponse } from './organization-summary.response';

/** The organization the caller joined, and their role in it. */
export class InviteAcceptedResponse {
  @ApiProperty({ type: () => OrganizationSummaryResponse })
  organization!: OrganizationSummaryResponse;

  @ApiProperty({ enum: MEMBER_ROLES }) role!: MemberRole;
}
