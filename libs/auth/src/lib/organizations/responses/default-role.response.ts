import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MEMBER_ROLES } from '../../entities/organization-member.entity';

@ApiSchema({ name: 'DefaultRole' })
export class DefaultRoleResponse {
  @ApiProperty() organization!: number;
  @ApiProperty({ enum: MEMBER_ROLES }) default_role!: string;
  @ApiPropertyOptional({ nullable: true }) annotator_reviewer_firewall_enabled_at!: string | null;
  @ApiPropertyOptional({ nullable: true }) label_stream_navigation_disabled_at!: string | null;
  @ApiPropertyOptional({ nullable: true }) read_only_quick_view_enabled_at!: string | null;
  @ApiPropertyOptional({ nullable: true }) custom_scripts_enabled_at!: string | null;
  @ApiPropertyOptional({ nullable: true }) email_notification_settings!: unknown;
  @ApiPropertyOptional({ nullable: true }) embed_domains!: unknown;
  @ApiPropertyOptional({ nullable: true }) embed_settings!: unknown;
  @ApiPropertyOptional({ nullable: true }) external_id!: string | null;
  @ApiProperty() extra_data_on_activity_logs!: boolean;
}
