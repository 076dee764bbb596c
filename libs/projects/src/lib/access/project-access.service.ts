import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LRUCache } from 'lru-cache';
import {
  AuthContext,
  MemberRole,
  OrganizationScope,
  ProjectAccess,
  ProjectAccessResolver,
} from '@ls/auth';
import { BoundSql, dialectOfDataSource } from '@ls/core';
import { isWorkingRole, visibleProjectSql } from './visibility-sql';

/** How long a process trusts an answer: other processes see a change within this time. */
const REMEMBER_MS = 2_000;
/** Callers x projects remembered at once per process. */
const REMEMBERED_MAX = 20_000;

interface AccessRow {
  visible: number | string | boolean;
  project_role: string | null;
  pause_id: number | string | null;
  pause_reason: string | null;
  pause_verbose_reason: string | null;
}

/**
 * The caller's role in a project: their project role when they have one and their organization
 * role is annotator or reviewer (managers and above are never downgraded), else the organization
 * role.
 */
export function effectiveRole(
  organizationRole: MemberRole,
  projectRole: string | null,
): MemberRole {
  if (projectRole && isWorkingRole(organizationRole) && isWorkingRole(projectRole)) {
    return projectRole;
  }
  return organizationRole;
}

/**
 * {@link ProjectAccessResolver} of this library: visibility (see `visibleProjectSql`), effective
 * role and active pause of the caller in a project, read in one statement and remembered for
 * {@link REMEMBER_MS} per (project, organization, user, role). Every write that changes them
 * (members, project roles, pauses, workspace membership, publishing, moving the project) calls
 * `forget` in the process that made it.
 */
@Injectable()
export class ProjectAccessService extends ProjectAccessResolver {
  private readonly remembered = new LRUCache<string, { access: ProjectAccess | null }>({
    max: REMEMBERED_MAX,
    ttl: REMEMBER_MS,
  });

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async accessOf(auth: AuthContext, projectId: number): Promise<ProjectAccess | null> {
    const key = `${projectId}:${auth.organizationId}:${auth.user.id}:${auth.role}`;
    const known = this.remembered.get(key);
    if (known) return known.access;
    const access = await this.read(auth, projectId);
    this.remembered.set(key, { access });
    return access;
  }

  forget(projectId: number): void {
    const prefix = `${projectId}:`;
    for (const key of this.remembered.keys()) {
      if (key.startsWith(prefix)) this.remembered.delete(key);
    }
  }

  /** Forgets every project (a change that reaches many, like a workspace's members). */
  forgetAll(): void {
    this.remembered.clear();
  }

  private async read(auth: AuthContext, projectId: number): Promise<ProjectAccess | null> {
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const viewer = { userId: auth.user.id, role: auth.role };
    const bind = (value: number | string) => sql.bind(value);
    const text = `SELECT
        CASE WHEN ${visibleProjectSql('p', viewer, bind)} THEN 1 ELSE 0 END AS visible,
        (SELECT pr.role FROM project_role pr
          WHERE pr.project_id = p.id AND pr.user_id = ${bind(auth.user.id)}) AS project_role,
        pa.id AS pause_id, pa.reason AS pause_reason, pa.verbose_reason AS pause_verbose_reason
      FROM project p
      LEFT JOIN pause pa ON pa.id = (SELECT MAX(ap.id) FROM pause ap
        WHERE ap.project_id = p.id AND ap.user_id = ${bind(auth.user.id)} AND ap.deleted_at IS NULL)
      WHERE p.id = ${bind(projectId)} AND ${OrganizationScope.sql('p', bind(auth.organizationId))}`;
    const [row] = (await this.dataSource.query(text, sql.values)) as AccessRow[];
    if (!row) return null;
    const role = effectiveRole(auth.role, row.project_role);
    const paused = row.pause_id !== null && isWorkingRole(role);
    return {
      visible: Number(row.visible) === 1,
      role,
      pause: paused
        ? {
            id: Number(row.pause_id),
            reason: row.pause_reason ?? 'MANUAL',
            verbose_reason: row.pause_verbose_reason,
          }
        : null,
    };
  }
}
