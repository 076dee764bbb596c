import { MemberRole } from '../entities/organization-member.entity';

/** Label Studio's permission names (`<domain>.<verb>`), as `whoami` lists them. */
export const ALL_PERMISSIONS = [
  'organizations.create',
  'organizations.view',
  'organizations.change',
  'organizations.delete',
  'organizations.invite',
  'projects.create',
  'projects.view',
  'projects.change',
  'projects.delete',
  'tasks.create',
  'tasks.view',
  'tasks.change',
  'tasks.delete',
  'annotations.create',
  'annotations.view',
  'annotations.change',
  'annotations.delete',
  'actions.perform',
  'predictions.any',
  'avatar.any',
  'labels.create',
  'labels.view',
  'labels.change',
  'labels.delete',
  'models.create',
  'models.view',
  'models.change',
  'models.delete',
  'model_provider_connection.create',
  'model_provider_connection.view',
  'model_provider_connection.change',
  'model_provider_connection.delete',
  'users.token.any',
] as const;

/** The Community edition gives every active member every permission. */
export function permissionsOf(role: MemberRole): string[] {
  return role === 'DI' || role === 'NO' ? [] : [...ALL_PERMISSIONS];
}
