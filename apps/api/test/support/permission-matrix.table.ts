import { MatrixRole } from './permission-fixtures';
import { STORAGE_TYPES } from '@ls/storages';

/**
 * Who may call each member route of the app, by role, in the organization the fixtures build
 * (`permission-fixtures.ts`): a manager, a reviewer and an annotator are members of the
 * published project every project route names; a second project has no members; the manager and
 * the annotator belong to the workspace, the reviewer does not; the organization keeps the
 * default roles of `views.drop_all` as its own override (the permission routes need one). Reviewed against the role table
 * of behavior-enterprise.md §1.2 (and §1.4, §1.5 for what lists show). Changing a route's
 * permission means changing its row here.
 *
 * - `'ok'`: admitted (reads answer without 401/403/404; writes pass the auth guard);
 * - `'filtered'`: admitted, and the list shows fewer rows than the owner's;
 * - `'own'`: admitted, and the list is the caller's own rows (not comparable with the owner's);
 * - `'admitted'`: the auth guard admits the call (decided without running the handler), for
 *   reads whose answer needs an object outside the fixtures (a file in a cloud bucket);
 * - `403`: refused; `404`: the object is not visible to that role.
 */
export type Outcome = 'ok' | 'filtered' | 'own' | 'admitted' | 403 | 404;

export interface Expected {
  roles: Record<MatrixRole, Outcome>;
  /** The outcome under {@link OVERRIDES}, where it differs. */
  overridden?: Partial<Record<MatrixRole, Outcome>>;
}

/** The organization's own choices for the override pass (permissions page). */
export const OVERRIDES: Record<string, string[]> = {
  'projects.delete': ['AD'],
  'storages.manage': ['AD'],
  'webhooks.manage': ['AD'],
  'tasks.delete': ['AD'],
  'organizations.invite': ['AD'],
  'users.tokens': ['AD', 'MA'],
  'projects.dashboard': ['AD', 'MA', 'RE'],
};

const roles = (allowed: MatrixRole[]): Record<MatrixRole, Outcome> => ({
  OW: 'ok',
  AD: allowed.includes('AD') ? 'ok' : 403,
  MA: allowed.includes('MA') ? 'ok' : 403,
  RE: allowed.includes('RE') ? 'ok' : 403,
  AN: allowed.includes('AN') ? 'ok' : 403,
});

const everyone: Expected = { roles: roles(['AD', 'MA', 'RE', 'AN']) };
/** Everyone, decided by the guard alone (see `'admitted'`). */
const everyoneAdmitted: Expected = {
  roles: { OW: 'admitted', AD: 'admitted', MA: 'admitted', RE: 'admitted', AN: 'admitted' },
};
const managers: Expected = { roles: roles(['AD', 'MA']) };
const admins: Expected = { roles: roles(['AD']) };
const owner: Expected = { roles: roles([]) };
/** Everyone, each seeing their own rows. */
const own: Expected = { roles: { OW: 'own', AD: 'own', MA: 'own', RE: 'own', AN: 'own' } };
/**
 * A draft of the annotator's: managers and above reach anyone's (Label Studio's
 * `_can_access_draft`), a reviewer is refused, the annotator owns it.
 */
const annotatorsDraft: Expected = { roles: { ...everyone.roles, RE: 403 } };
/** Managers by default; the override pass leaves it to administrators. */
const configurableManagers: Expected = { ...managers, overridden: { MA: 403 } };
/** Everyone by default; the override pass takes it from reviewers and annotators. */
const tokens: Expected = { ...everyone, overridden: { RE: 403, AN: 403 } };
/** Managers by default; the override pass gives it to reviewers too. */
const dashboard: Expected = { ...managers, overridden: { RE: 'ok' } };

function filtered(base: Expected, ...narrowed: MatrixRole[]): Expected {
  const result = { ...base.roles };
  for (const role of narrowed) result[role] = 'filtered';
  return { ...base, roles: result };
}

function hidden(base: Expected, ...from: MatrixRole[]): Expected {
  const result = { ...base.roles };
  for (const role of from) result[role] = 404;
  return { ...base, roles: result };
}

/** The cloud storage routes of one type (`s3`) and direction, all "Manage cloud storage". */
function storageRoutes(type: string, prefix: string): Record<string, Expected> {
  const base = `/api/storages/${prefix}${type}`;
  return {
    [`GET ${base}`]: configurableManagers,
    [`POST ${base}`]: configurableManagers,
    [`POST ${base}/validate`]: configurableManagers,
    [`GET ${base}/{id}`]: configurableManagers,
    [`PATCH ${base}/{id}`]: configurableManagers,
    [`DELETE ${base}/{id}`]: configurableManagers,
    [`POST ${base}/{id}/sync`]: configurableManagers,
  };
}

export const EXPECTED: Record<string, Expected> = {
  'GET /api/activity-logs': admins,
  'DELETE /api/annotations/{id}': everyone,
  'GET /api/annotations/{id}': everyone,
  'PATCH /api/annotations/{id}': everyone,
  'POST /api/annotations/{id}/convert-to-draft': everyone,
  'POST /api/annotations/bulk': managers,
  'POST /api/annotations/bulk-delete': managers,
  'GET /api/billing/info': everyone,
  'GET /api/current-user': everyone,
  'PATCH /api/current-user': everyone,
  'GET /api/current-user/hotkeys': everyone,
  'PATCH /api/current-user/hotkeys': everyone,
  'POST /api/current-user/reset-token': tokens,
  'GET /api/current-user/token': tokens,
  'GET /api/current-user/whoami': everyone,
  'DELETE /api/drafts/{id}': annotatorsDraft,
  'GET /api/drafts/{id}': annotatorsDraft,
  'PATCH /api/drafts/{id}': annotatorsDraft,
  // Each action asks its own permission: reviewers and annotators are listed none but the
  // hidden label-stream one; under the overrides a manager loses "delete tasks".
  'GET /api/dm/actions': { ...filtered(everyone, 'RE', 'AN'), overridden: { MA: 'filtered' } },
  'POST /api/dm/actions': everyone,
  'GET /api/dm/actions/{action_id}/form': everyone,
  'GET /api/dm/columns': everyone,
  'GET /api/dm/project': everyone,
  'GET /api/dm/views': everyone,
  'POST /api/dm/views': everyone,
  'DELETE /api/dm/views/{id}': everyone,
  'GET /api/dm/views/{id}': everyone,
  'PATCH /api/dm/views/{id}': everyone,
  'PUT /api/dm/views/{id}': everyone,
  'POST /api/dm/views/order': everyone,
  'DELETE /api/dm/views/reset': managers,
  'DELETE /api/import/file-upload/{id}': managers,
  'GET /api/import/file-upload/{id}': managers,
  'PATCH /api/import/file-upload/{id}': managers,
  'GET /api/invite': configurableManagers,
  'POST /api/invite/reset-token': admins,
  'POST /api/invite/revoke': configurableManagers,
  'POST /api/invite/send-email': configurableManagers,
  'GET /api/jwt/settings': everyone,
  'POST /api/jwt/settings': admins,
  'GET /api/label_links': everyone,
  'POST /api/label_links': managers,
  'DELETE /api/label_links/{id}': managers,
  'GET /api/label_links/{id}': everyone,
  'PATCH /api/label_links/{id}': managers,
  'GET /api/labels': everyone,
  'POST /api/labels': managers,
  'DELETE /api/labels/{id}': managers,
  'GET /api/labels/{id}': everyone,
  'PATCH /api/labels/{id}': managers,
  'POST /api/labels/bulk': managers,
  'GET /api/ml': managers,
  'POST /api/ml': managers,
  'DELETE /api/ml/{id}': managers,
  'GET /api/ml/{id}': managers,
  'PATCH /api/ml/{id}': managers,
  'POST /api/ml/{id}/interactive-annotating': everyone,
  'POST /api/ml/{id}/predict': managers,
  'POST /api/ml/{id}/predict/test': managers,
  'POST /api/ml/{id}/train': managers,
  'GET /api/ml/{id}/versions': managers,
  // Managers and above use and create connections; organization-wide ones only AD/OW change
  // (decided by the service, behavior-enterprise.md §6 intro).
  'GET /api/model-provider-connections': managers,
  'POST /api/model-provider-connections': managers,
  'GET /api/model-provider-connections/provider-choices': managers,
  'DELETE /api/model-provider-connections/{id}': managers,
  'GET /api/model-provider-connections/{id}': managers,
  'PATCH /api/model-provider-connections/{id}': managers,
  'PUT /api/model-provider-connections/{id}': managers,
  'POST /api/llm/openai/chat/completions': managers,
  'GET /api/organizations': everyone,
  'GET /api/organizations/{id}': everyone,
  'PATCH /api/organizations/{id}': admins,
  'GET /api/organizations/{id}/member-tags': managers,
  'POST /api/organizations/{id}/member-tags': admins,
  'DELETE /api/organizations/{id}/member-tags/{tagId}': admins,
  'GET /api/organizations/{id}/member-tags/{tagId}': managers,
  'PATCH /api/organizations/{id}/member-tags/{tagId}': admins,
  'POST /api/organizations/{id}/member-tags/assignments': admins,
  'DELETE /api/organizations/{id}/member-tags/bulk': admins,
  'POST /api/organizations/{id}/member-tags/bulk': admins,
  'POST /api/organizations/{id}/member-tags/imports': admins,
  'GET /api/organizations/{id}/member-tags/imports/{importId}': managers,
  'GET /api/organizations/{id}/memberships': managers,
  'PATCH /api/organizations/{id}/memberships': admins,
  'DELETE /api/organizations/{id}/memberships/{userId}': admins,
  'GET /api/organizations/{id}/memberships/{userId}': managers,
  'GET /api/organizations/{id}/permissions': owner,
  'POST /api/organizations/{id}/permissions': owner,
  'DELETE /api/organizations/{id}/permissions/{permission}': owner,
  'GET /api/organizations/{id}/permissions/{permission}': owner,
  'PATCH /api/organizations/{id}/permissions/{permission}': owner,
  'PUT /api/organizations/{id}/permissions/{permission}': owner,
  'GET /api/organizations/{id}/permissions/options': owner,
  'PATCH /api/organizations/{id}/set-default-role': admins,
  'GET /api/predictions': everyone,
  'POST /api/predictions': managers,
  'DELETE /api/predictions/{id}': managers,
  'GET /api/predictions/{id}': everyone,
  'PATCH /api/predictions/{id}': managers,
  'PUT /api/predictions/{id}': managers,
  'GET /api/projects': filtered(everyone, 'MA', 'RE', 'AN'),
  'POST /api/projects': managers,
  'DELETE /api/projects/{id}': configurableManagers,
  'GET /api/projects/{id}': everyone,
  'PATCH /api/projects/{id}': managers,
  'GET /api/projects/{id}/annotators': managers,
  'GET /api/projects/{id}/dashboard': dashboard,
  'GET /api/projects/{id}/export': managers,
  'GET /api/projects/{id}/export/formats': managers,
  'GET /api/projects/{id}/exports': managers,
  'POST /api/projects/{id}/exports': managers,
  'DELETE /api/projects/{id}/exports/{export_pk}': managers,
  'GET /api/projects/{id}/exports/{export_pk}': managers,
  'POST /api/projects/{id}/exports/{export_pk}/convert': managers,
  'GET /api/projects/{id}/exports/{export_pk}/download': managers,
  'DELETE /api/projects/{id}/file-uploads': managers,
  'GET /api/projects/{id}/file-uploads': managers,
  'POST /api/projects/{id}/import': managers,
  'POST /api/projects/{id}/import/predictions': managers,
  'GET /api/projects/{id}/imports/{importPk}': managers,
  'DELETE /api/projects/{id}/members': managers,
  'GET /api/projects/{id}/members': everyone,
  'POST /api/projects/{id}/members': managers,
  'DELETE /api/projects/{id}/members/bulk': managers,
  'POST /api/projects/{id}/members/bulk': managers,
  'GET /api/projects/{id}/members/paginated': managers,
  'GET /api/projects/{id}/next': everyone,
  'GET /api/projects/{id}/label-stream-history': own,
  'POST /api/projects/{id}/reimport': managers,
  'GET /api/projects/{id}/reimports/{reimportPk}': managers,
  'GET /api/projects/{id}/roles': managers,
  'DELETE /api/projects/{id}/tasks': configurableManagers,
  'GET /api/projects/{id}/tasks': filtered(everyone, 'AN'),
  'DELETE /api/projects/{id}/tasks/{taskPk}/assignees': managers,
  'GET /api/projects/{id}/tasks/{taskPk}/assignees': managers,
  'PATCH /api/projects/{id}/tasks/{taskPk}/assignees': managers,
  'POST /api/projects/{id}/tasks/{taskPk}/assignees': managers,
  'POST /api/projects/{id}/tasks/assignees': managers,
  'POST /api/projects/{id}/validate': managers,
  'GET /api/projects/{project_pk}/members/{user_pk}/pauses': managers,
  'POST /api/projects/{project_pk}/members/{user_pk}/pauses': managers,
  'DELETE /api/projects/{project_pk}/members/{user_pk}/pauses/{id}': managers,
  'GET /api/projects/{project_pk}/members/{user_pk}/pauses/{id}': managers,
  'PATCH /api/projects/{project_pk}/members/{user_pk}/pauses/{id}': managers,
  'PUT /api/projects/{project_pk}/members/{user_pk}/pauses/{id}': managers,
  'GET /api/projects/counts': filtered(everyone, 'MA', 'RE', 'AN'),
  'GET /api/projects/roles': own,
  'POST /api/projects/roles': managers,
  'DELETE /api/projects/roles/{id}': managers,
  'POST /api/projects/validate': everyone,
  // Prompts: managers and above read and write them (behavior-enterprise.md §1.2, §6 intro);
  // the compatible projects are those the caller sees (a manager: member projects only).
  'GET /api/prompts': managers,
  'POST /api/prompts': managers,
  'GET /api/prompts/compatible-projects': filtered(managers, 'MA'),
  'DELETE /api/prompts/{id}': managers,
  'GET /api/prompts/{id}': managers,
  'PATCH /api/prompts/{id}': managers,
  'PUT /api/prompts/{id}': managers,
  'GET /api/prompts/{id}/get-default-version-name': managers,
  'GET /api/prompts/{prompt_id}/versions': managers,
  'POST /api/prompts/{prompt_id}/versions': managers,
  'DELETE /api/prompts/{prompt_id}/versions/{version_id}': managers,
  'GET /api/prompts/{prompt_id}/versions/{version_id}': managers,
  'PATCH /api/prompts/{prompt_id}/versions/{version_id}': managers,
  'PUT /api/prompts/{prompt_id}/versions/{version_id}': managers,
  'GET /api/prompts/{prompt_id}/versions/{version_id}/cost-estimate': managers,
  'GET /api/prompts/{prompt_id}/versions/{version_id}/refine': managers,
  'POST /api/prompts/{prompt_id}/versions/{version_id}/refine': managers,
  'GET /api/prompts/{prompt_id}/versions/{version_id}/inference-runs': managers,
  'POST /api/prompts/{prompt_id}/versions/{version_id}/inference-runs': managers,
  'POST /api/prompts/{prompt_id}/versions/{version_id}/inference-runs/{inference_run_id}/cancel':
    managers,
  'POST /api/model-run/batch-failed-predictions': managers,
  'POST /api/model-run/batch-predictions': managers,
  'GET /api/inference-runs/{id}/indicators': managers,
  'GET /api/inference-runs/{id}/indicators/{indicator_key}': managers,
  'DELETE /api/saml/settings': admins,
  'GET /api/saml/settings': admins,
  'POST /api/saml/settings': admins,
  'POST /api/saml/settings/validate-metadata-url': admins,
  'GET /api/scim/settings': admins,
  'POST /api/scim/settings': admins,
  'GET /api/session-policy': everyone,
  'PATCH /api/session-policy': admins,
  'GET /api/storages': configurableManagers,
  'GET /api/storages/export': configurableManagers,
  'GET /api/storages/export/types': configurableManagers,
  'GET /api/storages/types': configurableManagers,
  'GET /api/tasks': filtered(everyone, 'AN'),
  'POST /api/tasks': managers,
  'DELETE /api/tasks/{id}': configurableManagers,
  'GET /api/tasks/{id}': everyone,
  'PATCH /api/tasks/{id}': managers,
  'GET /api/tasks/{id}/agreement': dashboard,
  'GET /api/tasks/{id}/annotations': filtered(everyone, 'AN'),
  'POST /api/tasks/{id}/annotations': everyone,
  'POST /api/tasks/{id}/annotations/{aid}/drafts': everyone,
  'GET /api/tasks/{id}/drafts': own,
  'POST /api/tasks/{id}/drafts': everyone,
  'POST /api/tasks/{id}/events': everyone,
  'GET /api/token': tokens,
  'POST /api/token': tokens,
  'POST /api/token/rotate': tokens,
  'GET /api/users': everyone,
  'POST /api/users': admins,
  'DELETE /api/users/{id}': admins,
  'GET /api/users/{id}': everyone,
  'PATCH /api/users/{id}': everyone,
  'GET /api/webhooks': configurableManagers,
  'POST /api/webhooks': configurableManagers,
  'DELETE /api/webhooks/{id}': configurableManagers,
  'GET /api/webhooks/{id}': configurableManagers,
  'PATCH /api/webhooks/{id}': configurableManagers,
  'PUT /api/webhooks/{id}': configurableManagers,
  'GET /api/webhooks/info': configurableManagers,
  'GET /api/workspaces': filtered(everyone, 'RE'),
  'POST /api/workspaces': managers,
  'DELETE /api/workspaces/{id}': managers,
  'GET /api/workspaces/{id}': hidden(everyone, 'RE'),
  'PATCH /api/workspaces/{id}': managers,
  'DELETE /api/workspaces/{id}/memberships': managers,
  'GET /api/workspaces/{id}/memberships': hidden(everyone, 'RE'),
  'POST /api/workspaces/{id}/memberships': managers,
  'DELETE /api/workspaces/{id}/memberships/bulk': managers,
  'POST /api/workspaces/{id}/memberships/bulk': managers,
  'GET /api/workspaces/{id}/memberships/paginated': hidden(everyone, 'RE'),
  'DELETE /api/workspaces/{id}/projects': managers,
  'GET /api/workspaces/{id}/projects': hidden(everyone, 'RE'),
  'POST /api/workspaces/{id}/projects': managers,
  'GET /data/local-files': everyoneAdmitted,
  'GET /data/upload/*': everyone,
  'GET /projects/{id}/resolve': everyoneAdmitted,
  'GET /tasks/{id}/resolve': everyoneAdmitted,
  ...Object.assign(
    {},
    ...STORAGE_TYPES.map(({ type }) => type).flatMap((type) => [
      storageRoutes(type, ''),
      storageRoutes(type, 'export/'),
    ]),
  ),
};
