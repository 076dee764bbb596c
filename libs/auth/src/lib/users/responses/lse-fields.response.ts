import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Fields of the Enterprise user model; they have no meaning here and keep inactive values. */
@ApiSchema({ name: 'LseFields' })
export class LseFieldsResponse {
  @ApiProperty({ type: String }) email_notification_settings!: string;
  @ApiProperty({ type: Boolean, nullable: true }) invite_activated!: boolean | null;
  @ApiProperty({ type: String }) invite_expired!: string;
  @ApiProperty({ type: String }) invite_expired_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invited_at!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) invited_by!: number | null;
  @ApiProperty({ type: String, nullable: true }) onboarding_state!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) social_auth_finished!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) trial_company!: string | null;
  @ApiProperty({ type: String, nullable: true }) trial_experience_labeling!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) trial_license_enterprise!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) trial_models_in_production!: string | null;
  @ApiProperty({ type: String, nullable: true }) trial_role!: string | null;
}
