import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  MEMBER_TAG_IMPORT_STATUSES,
  MemberTagImportStatus,
} from '../../entities/organization-member-tag-import.entity';

@ApiSchema({ name: 'OrganizationMemberTagImportStatus' })
export class MemberTagImportStatusResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: MEMBER_TAG_IMPORT_STATUSES }) status!: MemberTagImportStatus;
  @ApiProperty({ type: String, format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finished_at!: string | null;
  @ApiProperty({ type: 'integer' }) tags_created!: number;
  @ApiProperty({ type: 'integer' }) assignments_created!: number;
  @ApiProperty({ type: [String], description: 'Emails of rows that name no member.' })
  users_skipped!: string[];
}
