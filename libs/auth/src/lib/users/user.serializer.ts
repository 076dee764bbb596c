import { AuthContext } from '../context/auth-context';
import { OrganizationMember } from '../entities/organization-member.entity';
import { Organization } from '../entities/organization.entity';
import { User } from '../entities/user.entity';
import { LseFieldsResponse } from './responses/lse-fields.response';
import { LseUserApiResponse } from './responses/lse-user-api.response';
import { LseUserResponse } from './responses/lse-user.response';
import { OrganizationMembershipResponse } from './responses/organization-membership.response';
import { UserSimpleResponse } from './responses/user-simple.response';
import { WhoAmIUserResponse } from './responses/who-am-i-user.response';

export function initialsOf(
  user: Pick<User, 'first_name' | 'last_name' | 'username' | 'email'>,
): string {
  const fromNames = `${user.first_name.charAt(0)}${user.last_name.charAt(0)}`;
  if (fromNames) return fromNames.toLowerCase();
  return (user.username || user.email).slice(0, 2).toLowerCase() || '?';
}

/** `UserSimple`: how other objects (a project's creator, its annotators) show a user. */
export function serializeUserSimple(user: User): UserSimpleResponse {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    avatar: user.avatar_url,
  };
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

type MembershipView = Pick<OrganizationMember, 'role' | 'deleted_at' | 'organization_id'>;

function membershipOf(membership: MembershipView): OrganizationMembershipResponse {
  return {
    role: membership.role,
    active: String(membership.deleted_at === null),
    organization_id: membership.organization_id,
  };
}

/** Fields of the Enterprise user model that have no meaning here; present because clients expect them. */
const ENTERPRISE_USER_FIELDS: LseFieldsResponse = {
  email_notification_settings: '',
  invite_activated: null,
  invite_expired: 'false',
  invite_expired_at: '',
  invited_at: null,
  invited_by: null,
  onboarding_state: null,
  social_auth_finished: null,
  trial_company: null,
  trial_experience_labeling: null,
  trial_license_enterprise: null,
  trial_models_in_production: null,
  trial_role: null,
};

/** The short user shape (`LseUserAPI`), used in lists. Never includes the password hash. */
export function serializeUser(user: User, membership: MembershipView): LseUserApiResponse {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    phone: user.phone,
    avatar: user.avatar_url,
    initials: initialsOf(user),
    active_organization: user.active_organization_id,
    active_organization_meta: String(user.active_organization_id ?? ''),
    allow_newsletters: user.allow_newsletters,
    custom_hotkeys: user.custom_hotkeys ?? {},
    date_joined: iso(user.date_joined),
    last_activity: iso(user.last_activity ?? user.date_joined),
    org_membership: [membershipOf(membership)],
    organization_membership: membershipOf(membership),
  };
}

/** The full user shape (`LseUser`). */
export function serializeUserDetail(user: User, membership: MembershipView): LseUserResponse {
  return { ...serializeUser(user, membership), lse_fields: ENTERPRISE_USER_FIELDS, pause: '' };
}

/** The caller as `whoami` shows them (`WhoAmIUser`). */
export function serializeWhoAmI(
  auth: AuthContext,
  membership: OrganizationMember,
  organization: Organization,
  permissions: string[],
): WhoAmIUserResponse {
  const detail = serializeUserDetail(auth.user, membership);
  return {
    ...detail,
    active_organization_meta: organization.title,
    lse_fields: { ...ENTERPRISE_USER_FIELDS, active_organization_external_id: null },
    permissions,
  };
}
