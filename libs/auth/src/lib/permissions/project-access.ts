import { Injectable } from '@nestjs/common';
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

/**
 * Where the projects library registers its {@link ProjectAccessResolver} when its module starts
 * (`registry.provide(resolver)` in `onModuleInit`), for the auth guard to find across modules.
 */
@Injectable()
export class ProjectAccessRegistry {
  private resolver: ProjectAccessResolver | null = null;

  provide(resolver: ProjectAccessResolver): void {
    if (this.resolver) throw new Error('A project access resolver is registered twice');
    this.resolver = resolver;
  }

  /** The registered resolver; null while no projects library runs in this app. */
  current(): ProjectAccessResolver | null {
    return this.resolver;
  }
}
