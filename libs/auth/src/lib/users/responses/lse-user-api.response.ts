import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { OrganizationMembershipResponse } from './organization-membership.response';

/** The short user shape, used in lists and for the current user. Never the password hash. */
@ApiSchema({ name: 'LseUserAPI' })
export class LseUserApiResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: String, format: 'email' }) email!: string;
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ type: String }) first_name!: string;
  @ApiProperty({ type: String }) last_name!: string;
  @ApiProperty({ type: String }) phone!: string;
  @ApiProperty({ type: String }) avatar!: string;
  @ApiProperty({ type: String }) initials!: string;
  @ApiProperty({ type: 'integer', nullable: true }) active_organization!: number | null;
  @ApiProperty({ type: String }) active_organization_meta!: string;
  @ApiProperty({ type: Boolean, nullable: true }) allow_newsletters!: boolean | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) custom_hotkeys!: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) date_joined!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_activity!: string | null;
  @ApiProperty({ type: () => [OrganizationMembershipResponse] })
  org_membership!: OrganizationMembershipResponse[];
  @ApiProperty({ type: () => OrganizationMembershipResponse })
  organization_membership!: OrganizationMembershipResponse;
}
