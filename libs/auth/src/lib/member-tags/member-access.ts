import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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
 * Where the projects library registers its {@link MemberAccessLookup} when its module starts.
 * Without one, the application serves no projects or workspaces, so nobody has access to one
 * and those filters leave every member in.
 */
@Injectable()
export class MemberAccessRegistry {
  private lookup: MemberAccessLookup | null = null;

  provide(lookup: MemberAccessLookup): void {
    if (this.lookup) throw new Error('A member access lookup is registered twice');
    this.lookup = lookup;
  }

  async usersWithAccess(
    manager: EntityManager,
    organizationId: number,
    target: AccessTarget,
  ): Promise<number[]> {
    return this.lookup ? this.lookup.usersWithAccess(manager, organizationId, target) : [];
  }
}
