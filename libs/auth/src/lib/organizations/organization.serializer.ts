import { OrganizationMember } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { SimpleMemberTag } from '../member-tags/member-tags-of-users';
import { serializeUserDetail } from '../users/user.serializer';
import { LseOrganizationResponse } from './responses/lse-organization.response';
import { MemberListItemResponse } from './responses/member-list-item.response';
import { OrganizationSummaryResponse } from './responses/organization-summary.response';
import { OrganizationMemberResponse } from './responses/organization-member.response';

/** `OrganizationId`: an organization in the caller's list. */
export function serializeOrganizationSummary(
  organization: Organization,
): OrganizationSummaryResponse {
  return {
    id: organization.id,
    title: organization.title,
    contact_info: organization.contact_info,
    created_at: organization.created_at.toISOString(),
  };
}

/** `LseOrganization`; Enterprise-only settings are shown with their inactive values. */
export function serializeOrganization(organization: Organization): LseOrganizationResponse {
  return {
    ...serializeOrganizationSummary(organization),
    token: organization.token,
    created_by: organization.created_by_id,
    default_role: 'AN',
    custom_scripts_enabled: 'false',
    email_notification_settings: '',
    embed_domains: null,
    embed_settings: null,
    external_id: null,
    billing: {
      enforce_session_concurrency: 'false',
      manual_role_management: 'false',
      manual_workspace_management: 'false',
      max_parallel_sessions: '',
      session_concurrency_window_seconds: '',
    },
  };
}

/** `OrganizationMember`: one membership. */
export function serializeMembership(membership: OrganizationMember): OrganizationMemberResponse {
  return {
    user: membership.user_id,
    organization: membership.organization_id,
    created_at: membership.created_at.toISOString(),
    annotations_count: 0,
    contributed_projects_count: 0,
    contributed_to_projects: null,
    created_projects: null,
  };
}

/** `LseOrganizationMemberList`: a membership with its user, as the members list shows it. */
export function serializeMemberListItem(
  user: User,
  membership: OrganizationMember,
  tags: SimpleMemberTag[] = [],
): MemberListItemResponse {
  return {
    id: membership.id,
    organization: membership.organization_id,
    role: membership.role,
    user: {
      ...serializeUserDetail(user, membership),
      contributed_to_projects: null,
      created_projects: null,
    },
    concurrency: '',
    contributed_to_projects: null,
    created_projects: null,
    tags,
  };
}
