import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '../context/auth-context';
import { MemberRole } from '../entities/organization-member.entity';

/** What the caller may do in one project, as the project library knows it. */
export interface ProjectAccess {
  /** False when the caller may not see the project: routes naming it answer 404. */
  visible: boolean;
  /** The caller's role there: their project role when one is set, else their organization role. */
  role: MemberRole;
  /** The caller's active pause in the project, if any (annotators and reviewers only). */
  pause: { id: number; reason: string; verbose_reason: string | null } | null;
}

/**
 * Port the projects library provides: the caller's access to a project of their organization
 * (null when the organization has no such project). Without a provider, every member sees every
 * project with their organization role.
 */
export abstract class ProjectAccessResolver {
  abstract accessOf(auth: AuthContext, projectId: number): Promise<ProjectAccess | null>;
  /** Drops what it remembers about the project (after members, roles or pauses change). */
  abstract forget(projectId: number): void;
}

export type AccessTarget = { kind: 'project' | 'workspace'; id: number };

/**
 * Port the projects library provides: the users of an organization who already have access to
 * one of its projects or workspaces (explicit members, workspace members, administrators), for
 * the `exclude_project_id` / `exclude_workspace_id` member filters. An unknown target has nobody.
 */
export abstract class MemberAccessLookup {
  abstract usersWithAccess(
    manager: EntityManager,
    organizationId: number,
    target: AccessTarget,
  ): Promise<number[]>;
}

/**
 * Where the projects library registers what it knows of access when its module starts
 * (`registry.provide(resolver, members)` in `onModuleInit`), for this library, which lives below
 * it, to find across modules: the caller's access to a project (the auth guard) and who has
 * access to a project or workspace (member filters). Without it, every member sees every project
 * with their organization role, and nobody has access to a project or workspace.
 */
@Injectable()
export class ProjectAccessRegistry {
  private resolver: ProjectAccessResolver | null = null;
  private members: MemberAccessLookup | null = null;

  provide(resolver: ProjectAccessResolver, members: MemberAccessLookup): void {
    if (this.resolver) throw new Error('Project access is registered twice');
    this.resolver = resolver;
    this.members = members;
  }

  /** The registered resolver; null while no projects library runs in this app. */
  current(): ProjectAccessResolver | null {
    return this.resolver;
  }

  async usersWithAccess(
    manager: EntityManager,
    organizationId: number,
    target: AccessTarget,
  ): Promise<number[]> {
    return this.members ? this.members.usersWithAccess(manager, organizationId, target) : [];
  }
}
