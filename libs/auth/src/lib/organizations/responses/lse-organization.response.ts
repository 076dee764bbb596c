import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../entities/organization-member.entity';
import { OrganizationBillingResponse } from './organization-billing.response';
import { OrganizationSummaryResponse } from './organization-summary.response';

/** An organization's settings; Enterprise-only ones keep their inactive values. */
@ApiSchema({ name: 'LseOrganization' })
export class LseOrganizationResponse extends OrganizationSummaryResponse {
  @ApiProperty({ type: String, description: 'Token of the invite link' }) token!: string;
  @ApiProperty({ type: 'integer', nullable: true }) created_by!: number | null;
  @ApiProperty({ enum: MEMBER_ROLES, enumName: 'Role9e7Enum' }) default_role!: MemberRole;
  @ApiProperty({ type: String }) custom_scripts_enabled!: string;
  @ApiProperty({ type: String }) email_notification_settings!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  embed_domains!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  embed_settings!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) external_id!: string | null;
  @ApiProperty({ type: () => OrganizationBillingResponse }) billing!: OrganizationBillingResponse;
}
