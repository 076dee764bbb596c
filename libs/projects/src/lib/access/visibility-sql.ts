import { MemberRole } from '@ls/auth';

/** Who is looking: the conditions below depend on the caller's organization role. */
export interface Viewer {
  userId: number;
  role: MemberRole;
}

/**
 * Binds a value and returns its placeholder. The conditions call it in text order, once per use,
 * so it works for positional placeholders (`BoundSql.bind`) and named ones ({@link namedBinder}).
 */
export type Bind = (value: number | string) => string;

/** A {@link Bind} for TypeORM query builders: `:<prefix><n>`, the values collected in `params`. */
export function namedBinder(prefix: string): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let count = 0;
  const bind: Bind = (value) => {
    const name = `${prefix}${count++}`;
    params[name] = value;
    return `:${name}`;
  };
  return { bind, params };
}

const MANAGING_ROLES: readonly MemberRole[] = ['OW', 'AD'];
const WORKING_ROLES: readonly MemberRole[] = ['AN', 'RE'];

/** Whether the role sees every project (other users' personal workspaces aside). */
export const seesEveryProject = (role: MemberRole) => MANAGING_ROLES.includes(role);

/** Roles a project role may give, and the organization roles it may replace. */
export const isWorkingRole = (role: string): role is 'AN' | 'RE' =>
  (WORKING_ROLES as readonly string[]).includes(role);

/** The project `p` is not inside another user's personal workspace. */
function notInOthersPersonalWorkspace(p: string, viewer: Viewer, bind: Bind): string {
  return `(${p}.workspace_id IS NULL OR NOT EXISTS (SELECT 1 FROM workspace vis_w
    WHERE vis_w.id = ${p}.workspace_id AND vis_w.is_personal = TRUE
      AND (vis_w.created_by_id IS NULL OR vis_w.created_by_id <> ${bind(viewer.userId)})))`;
}

/** The viewer is a member of project `p`: explicitly, or through its workspace. */
export function projectMemberSql(p: string, userId: number, bind: Bind): string {
  return `(EXISTS (SELECT 1 FROM project_member vis_pm
      WHERE vis_pm.project_id = ${p}.id AND vis_pm.user_id = ${bind(userId)})
    OR EXISTS (SELECT 1 FROM workspace_member vis_wm
      WHERE vis_wm.workspace_id = ${p}.workspace_id AND vis_wm.user_id = ${bind(userId)}))`;
}

/**
 * The SQL condition "the viewer may see project `p`" (the organization scope comes on top):
 * - owners and administrators: every project but those in another user's personal workspace;
 * - managers: projects they created, are members of, or whose workspace they belong to;
 * - annotators and reviewers: published projects they are members of (directly or through the
 *   workspace);
 * - deactivated and not-activated users: none.
 * The projects list and the access resolver both use it, so they never disagree.
 */
export function visibleProjectSql(p: string, viewer: Viewer, bind: Bind): string {
  if (seesEveryProject(viewer.role)) return notInOthersPersonalWorkspace(p, viewer, bind);
  if (viewer.role === 'MA') {
    const own = notInOthersPersonalWorkspace(p, viewer, bind);
    return `(${own} AND (${p}.created_by_id = ${bind(viewer.userId)} OR ${projectMemberSql(p, viewer.userId, bind)}))`;
  }
  if (isWorkingRole(viewer.role)) {
    const own = notInOthersPersonalWorkspace(p, viewer, bind);
    return `(${own} AND ${p}.is_published = TRUE AND ${projectMemberSql(p, viewer.userId, bind)})`;
  }
  return '(1 = 0)';
}

/**
 * The SQL condition "the viewer may see workspace `w`": its creator always; for a shared
 * workspace, owners and administrators, and its members. `includeAllPersonal` (owners and
 * administrators asking for every workspace) adds other users' personal ones.
 */
export function visibleWorkspaceSql(
  w: string,
  viewer: Viewer,
  bind: Bind,
  includeAllPersonal = false,
): string {
  if (seesEveryProject(viewer.role)) {
    if (includeAllPersonal) return '(1 = 1)';
    return `(${w}.is_personal = FALSE OR ${w}.created_by_id = ${bind(viewer.userId)})`;
  }
  if (viewer.role === 'MA' || isWorkingRole(viewer.role)) {
    return `(${w}.created_by_id = ${bind(viewer.userId)} OR (${w}.is_personal = FALSE
      AND EXISTS (SELECT 1 FROM workspace_member vis_wsm
        WHERE vis_wsm.workspace_id = ${w}.id AND vis_wsm.user_id = ${bind(viewer.userId)})))`;
  }
  return '(1 = 0)';
}
