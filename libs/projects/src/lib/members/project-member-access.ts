import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessTarget, MemberAccessLookup } from '@ls/auth';
import { ProjectMembersService } from './project-members.service';

/**
 * `MemberAccessLookup` of the auth library (its member filters `exclude_project_id`,
 * `exclude_workspace_id`): who already has access to a project or a workspace.
 */
@Injectable()
export class ProjectMemberAccess extends MemberAccessLookup {
  constructor(private readonly members: ProjectMembersService) {
    super();
  }

  usersWithAccess(
    manager: EntityManager,
    organizationId: number,
    target: AccessTarget,
  ): Promise<number[]> {
    return this.members.usersWithAccess(manager, { organizationId }, target);
  }
}
