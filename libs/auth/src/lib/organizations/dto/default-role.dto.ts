import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { MemberRole } from '../../entities/organization-member.entity';

/** Roles a newcomer may be given by default: never the owner's. */
export const DEFAULT_ROLE_CHOICES: MemberRole[] = ['AD', 'MA', 'RE', 'AN', 'DI', 'NO'];

const timestamp = () => (target: object, key: string) => {
  ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })(target, key);
  IsOptional()(target, key);
  IsDateString()(target, key);
};

const anyJson = () => (target: object, key: string) => {
  ApiPropertyOptional({ nullable: true })(target, key);
  IsOptional()(target, key);
  ValidateIf((_o, value) => value !== null)(target, key);
  IsObject()(target, key);
};

export class DefaultRoleDto {
  @ApiPropertyOptional({ enum: DEFAULT_ROLE_CHOICES })
  @IsOptional()
  @IsIn(DEFAULT_ROLE_CHOICES)
  default_role?: MemberRole;

  @timestamp() annotator_reviewer_firewall_enabled_at?: string | null;
  @timestamp() label_stream_navigation_disabled_at?: string | null;
  @timestamp() read_only_quick_view_enabled_at?: string | null;
  @timestamp() custom_scripts_enabled_at?: string | null;

  @anyJson() email_notification_settings?: Record<string, unknown> | null;
  @anyJson() embed_settings?: Record<string, unknown> | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'List of objects: {"domain": "example.com"}',
  })
  @IsOptional()
  embed_domains?: unknown;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  external_id?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  extra_data_on_activity_logs?: boolean;
}
