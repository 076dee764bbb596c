import { OrganizationMemberTagImport } from '../entities/organization-member-tag-import.entity';
import { serializeUserSimple } from '../users/user.serializer';
import { CountedMemberTag } from './member-tags.service';
import { MemberTagImportStatusResponse } from './responses/member-tag-import-status.response';
import { MemberTagResponse } from './responses/member-tag.response';

export function serializeMemberTag({ tag, memberCount }: CountedMemberTag): MemberTagResponse {
  return {
    id: tag.id,
    label: tag.label,
    organization: tag.organization_id,
    created_by: tag.created_by ? serializeUserSimple(tag.created_by) : null,
    created_at: tag.created_at.toISOString(),
    updated_at: tag.updated_at.toISOString(),
    member_count: memberCount,
  };
}

export function serializeMemberTagImport(
  record: OrganizationMemberTagImport,
): MemberTagImportStatusResponse {
  return {
    id: record.id,
    status: record.status,
    created_at: record.created_at.toISOString(),
    finished_at: record.finished_at ? record.finished_at.toISOString() : null,
    tags_created: record.tags_created,
    assignments_created: record.assignments_created,
    users_skipped: record.users_skipped,
  };
}
