import { MemberRole } from '../entities/organization-member.entity';

/** The roles that can act in an organization, the owner first. */
export const ACTIVE_ROLES: readonly MemberRole[] = ['OW', 'AD', 'MA', 'RE', 'AN'];

/** A role given by a grant below; the owner is left out because the owner may do everything. */
export type GrantableRole = Exclude<MemberRole, 'OW' | 'DI' | 'NO'>;

const EVERYONE: GrantableRole[] = ['AD', 'MA', 'RE', 'AN'];
const MANAGERS: GrantableRole[] = ['AD', 'MA'];
const ADMINS: GrantableRole[] = ['AD'];
const OWNER_ONLY: GrantableRole[] = [];

export interface PermissionDefinition {
  label: string;
  tooltip: string;
  group: string;
  /** Roles allowed when the organization has no override (the owner always is). */
  default: GrantableRole[];
  /** Roles an organization may grant it to instead (`/permissions`); absent: not configurable. */
  options?: GrantableRole[];
}

function fixed(group: string, label: string, roles: GrantableRole[]): PermissionDefinition {
  return { group, label, tooltip: label, default: roles };
}

function configurable(
  group: string,
  label: string,
  tooltip: string,
  roles: GrantableRole[],
  options: GrantableRole[] = EVERYONE,
): PermissionDefinition {
  return { group, label, tooltip, default: roles, options };
}

/**
 * Every permission a route can require (`@Requires`), with the roles that hold it by default.
 * What an object-level rule adds (an annotator sees only their own annotations, a manager only
 * their workspaces) is decided by the services; this says who may call the route at all. The
 * defaults follow the role table of Label Studio Enterprise; the configurable ones are those its
 * permissions page lists.
 */
export const PERMISSIONS = {
  'organizations.view': fixed('Organization', 'See the organization', EVERYONE),
  'organizations.change': fixed('Organization', 'Change the organization and its settings', ADMINS),
  'organizations.members.view': fixed('Organization', 'List members', MANAGERS),
  'organizations.members.change': fixed('Organization', 'Change roles and remove members', ADMINS),
  'organizations.invite': configurable(
    'Organization',
    'Invite members',
    'Send invitations and read the invite link',
    MANAGERS,
    MANAGERS,
  ),
  'organizations.permissions': fixed('Organization', 'Change permissions', OWNER_ONLY),
  'organizations.member_tags.view': fixed('Organization', 'See member tags', MANAGERS),
  'organizations.member_tags.change': fixed('Organization', 'Manage member tags', ADMINS),
  'organizations.activity_log': fixed('Organization', 'Read the activity log', ADMINS),
  'organizations.sso': fixed('Organization', 'Manage SSO settings', ADMINS),
  'organizations.billing': fixed('Organization', 'Read usage and plan', EVERYONE),
  'users.self': fixed('Users', 'See and change one’s own account', EVERYONE),
  'users.view': fixed('Users', 'See other members', EVERYONE),
  'users.tokens': configurable(
    'Users',
    'Create API tokens',
    'Create and reset personal access tokens',
    EVERYONE,
  ),
  'workspaces.view': fixed('Workspaces', 'See workspaces one belongs to', EVERYONE),
  'workspaces.create': fixed('Workspaces', 'Create workspaces', MANAGERS),
  'workspaces.change': fixed('Workspaces', 'Change workspaces and their members', MANAGERS),
  'workspaces.delete': fixed('Workspaces', 'Delete workspaces', MANAGERS),
  'projects.view': fixed('Projects', 'See projects one belongs to', EVERYONE),
  'projects.create': fixed('Projects', 'Create projects', MANAGERS),
  'projects.change': fixed('Projects', 'Change project settings', MANAGERS),
  'projects.delete': configurable(
    'Projects',
    'Delete projects',
    'Delete a project with its tasks and annotations',
    MANAGERS,
    MANAGERS,
  ),
  'projects.members': fixed('Projects', 'Manage project members, roles and pauses', MANAGERS),
  'projects.dashboard': configurable(
    'Projects',
    'Access project dashboard',
    'Project dashboard and statistics',
    MANAGERS,
  ),
  'projects.import': fixed('Data', 'Import tasks and upload files', MANAGERS),
  'projects.export': fixed('Data', 'Export annotations', MANAGERS),
  'storages.manage': configurable(
    'Data',
    'Manage cloud storage',
    'Add, change, sync and remove cloud storages',
    MANAGERS,
    MANAGERS,
  ),
  'webhooks.manage': configurable(
    'Integrations',
    'Manage webhooks',
    'Add, change and remove webhooks',
    MANAGERS,
    MANAGERS,
  ),
  'models.view': fixed('Integrations', 'See ML backends', MANAGERS),
  'models.manage': fixed('Integrations', 'Manage ML backends', MANAGERS),
  'models.predict': fixed(
    'Integrations',
    'Ask ML backends for predictions while labeling',
    EVERYONE,
  ),
  'labels.view': fixed('Labels', 'See labels', EVERYONE),
  'labels.change': fixed('Labels', 'Manage labels', MANAGERS),
  'tasks.view': fixed('Tasks', 'See tasks one may label or review', EVERYONE),
  'tasks.create': fixed('Tasks', 'Create tasks', MANAGERS),
  'tasks.change': fixed('Tasks', 'Change tasks', MANAGERS),
  'tasks.delete': configurable(
    'Tasks',
    'Delete tasks',
    'Delete tasks and their annotations',
    MANAGERS,
    MANAGERS,
  ),
  'tasks.assign': fixed('Tasks', 'Assign tasks to annotators and reviewers', MANAGERS),
  'views.view': fixed('Data Manager', 'See Data Manager tabs', EVERYONE),
  'views.change': fixed('Data Manager', 'Create and change Data Manager tabs', EVERYONE),
  'views.drop_all': configurable(
    'Data Manager',
    'Drop all tabs',
    'Delete every tab of a project',
    MANAGERS,
    MANAGERS,
  ),
  'annotations.view': fixed('Annotations', 'See annotations one may see', EVERYONE),
  'annotations.create': fixed('Annotations', 'Label tasks', EVERYONE),
  'annotations.change': fixed(
    'Annotations',
    'Change annotations (others only as manager)',
    EVERYONE,
  ),
  'annotations.delete': fixed(
    'Annotations',
    'Delete annotations (others only as manager)',
    EVERYONE,
  ),
  'annotations.bulk': fixed('Annotations', 'Create and delete annotations in bulk', MANAGERS),
  'predictions.view': fixed('Annotations', 'See predictions', EVERYONE),
  'predictions.change': fixed('Annotations', 'Manage predictions', MANAGERS),
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

export function definitionOf(permission: Permission): PermissionDefinition {
  return PERMISSIONS[permission];
}

/** Whether `role` holds `permission` given the organization's override (null: the default). */
export function roleHolds(
  role: MemberRole,
  permission: Permission,
  overrideRoles: readonly string[] | null,
): boolean {
  if (role === 'OW') return true;
  if (role === 'DI' || role === 'NO') return false;
  const roles: readonly string[] = overrideRoles ?? definitionOf(permission).default;
  return roles.includes(role);
}
