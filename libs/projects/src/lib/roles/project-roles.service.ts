import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { dialectOfDataSource, idAmong, TransactionRunner } from '@ls/core';
import { ProjectAccessService } from '../access/project-access.service';
import { namedBinder, visibleProjectSql } from '../access/visibility-sql';
import { ProjectScope } from '../project-scope';
import { ProjectsService } from '../projects.service';
import { ProjectRoleInput } from './dto/project-role.dto';
import { assertAssignableRoles, upsertProjectRoles } from './project-role-rules';
import { ProjectRole } from './project-role.entity';

const ORDER_COLUMNS: Record<string, string> = {
  id: 'role_row.id',
  project: 'role_row.project_id',
  user: 'role_row.user_id',
  role: 'role_row.role',
};

/** Project roles: one row per (project, user); writes forget the project's remembered access. */
@Injectable()
export class ProjectRolesService {
  private readonly scope: ProjectScope<ProjectRole>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly access: ProjectAccessService,
    @InjectRepository(ProjectRole) private readonly roles: Repository<ProjectRole>,
  ) {
    this.scope = new ProjectScope(roles);
  }

  /** The caller's own roles, in the projects of `projectIds` (all when absent) they see. */
  async own(
    auth: AuthContext,
    projectIds: number[] | undefined,
    ordering = 'id',
  ): Promise<ProjectRole[]> {
    const visibility = namedBinder('ownRoleVisible');
    const viewer = { userId: auth.user.id, role: auth.role };
    const query = this.scope
      .query(auth, 'role_row', 'role_project')
      .andWhere('role_row.user_id = :roleOwner', { roleOwner: auth.user.id })
      .andWhere(visibleProjectSql('role_project', viewer, visibility.bind), visibility.params);
    if (projectIds) {
      const dialect = dialectOfDataSource(this.roles.manager.connection);
      const among = idAmong(dialect, 'role_row.project_id', projectIds, 'roleProjects');
      query.andWhere(among.condition, among.parameters);
    }
    const descending = ordering.startsWith('-');
    const column = ORDER_COLUMNS[ordering.replace(/^-/, '')] ?? ORDER_COLUMNS.id;
    return query
      .orderBy(column, descending ? 'DESC' : 'ASC')
      .addOrderBy('role_row.id', 'ASC')
      .getMany();
  }

  /** Every role row of a project the caller sees. */
  async ofProject(auth: AuthContext, projectId: number): Promise<ProjectRole[]> {
    const project = await this.projects.getVisible(auth, projectId);
    return this.roles.find({ where: { project_id: project.id }, order: { id: 'ASC' } });
  }

  /** Gives the user the role in the project (a second call replaces it): the row. */
  async set(auth: AuthContext, input: ProjectRoleInput): Promise<ProjectRole> {
    const project = await this.projects.getVisibleReferenced(auth, input.project);
    const row = await this.transactions.run(async ({ manager }) => {
      const assignment = { user_id: input.user, role: input.role };
      await assertAssignableRoles(manager, auth, [assignment]);
      await upsertProjectRoles(manager, project.id, [assignment]);
      return manager.findOneByOrFail(ProjectRole, { project_id: project.id, user_id: input.user });
    });
    this.access.forget(project.id);
    return row;
  }

  async remove(auth: AuthContext, id: number): Promise<void> {
    const row = await this.scope
      .query(auth, 'role_row')
      .andWhere('role_row.id = :id', { id })
      .getOne();
    if (!row) throw new NotFoundException('Not found.');
    await this.projects.getVisible(auth, row.project_id);
    await this.roles.delete({ id: row.id });
    this.access.forget(row.project_id);
  }
}
